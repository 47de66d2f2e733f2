#!/usr/bin/env python3
"""A small news site and message board for the crawler tests, on loopback.

Usage: fixture_site.py LOGFILE
Prints the port it listens on as its first line of stdout, then serves until
killed. Every request is appended to LOGFILE as "time<TAB>path<TAB>headers-json",
so the tests can check what was (and was not) requested and how fast.
"""
import gzip
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOG = open(sys.argv[1], "a", buffering=1)
LOCK = threading.Lock()
COUNTS = {}

# The expected title, time and text of every article is in articles.json
# beside this file; the pages are built from it.
HERE = __file__.rsplit("/", 1)[0]
ARTICLES = json.load(open(HERE + "/articles.json", encoding="utf-8"))

NAV = '<nav><a href="/">首页</a> <a href="/news/">新闻</a> <a href="/notice/">通知公告</a> <a href="/about">关于我们</a></nav>'
FOOTER = '<footer><p>版权所有 2026 拉萨市融媒体中心 地址：拉萨市城关区北京中路 电话：0891-0000000 备案号：藏ICP备00000000号</p></footer>'
COMMENTS = ('<div class="comments"><h3>网友评论</h3><p>网友甲：这种事情一定要严肃处理，不能让工人们寒心，希望有关部门尽快落实。</p>'
            '<p>网友乙：支持！环卫工人每天起早贪黑太辛苦了，工资必须按时足额发放，大家都来关注。</p></div>')
RELATED = '<div class="related"><h3>相关阅读</h3><ul><li><a href="/news/x1.html">我市开展冬季清洁行动，全面提升城市环境卫生水平</a></li><li><a href="/news/x2.html">市政府召开专题会议部署根治欠薪工作，要求各部门压实责任</a></li></ul></div>'


def page(a, charset_decl):
    meta = f'<meta charset="{charset_decl}">' if charset_decl else ""
    paras = "".join(f"<p>{p}</p>" for p in a["text"].split("\n"))
    return (f'<!DOCTYPE html><html><head>{meta}<title>{a["title"]} - 拉萨新闻网</title></head><body>'
            f'<header><div class="logo">拉萨新闻网</div></header>{NAV}'
            f'<div class="main"><h1>{a["title"]}</h1>'
            f'<div class="info">发布时间：{a["time_text"]} 来源：拉萨新闻网 作者：{a["author"]}</div>'
            f'<div class="article-content">{paras}</div>{RELATED}{COMMENTS}</div>{FOOTER}</body></html>')


def plain_page(a):
    """A board-style page with no semantic markup: only the source's XPath finds its parts."""
    paras = "<br>".join(a["text"].split("\n"))
    return (f'<html><head><meta charset="utf-8"><title>论坛</title></head><body>'
            f'<table><tr><td><span class="t">{a["title"]}</span></td></tr>'
            f'<tr><td><span class="who">{a["author"]}</span> 于 <span class="when">{a["time_text"]}</span></td></tr>'
            f'<tr><td><div class="msg">{paras}</div></td></tr></table>'
            f'<div class="msg-reply">回复：同情，希望早日解决，工人们太不容易了，有关部门要重视。</div></body></html>')


def listing():
    links = "".join(f'<li><a href="{a["path"]}">{a["title"]}</a></li>' for a in ARTICLES if a["in"] == "list")
    return f'<html><body>{NAV}<ul class="threads">{links}</ul><a href="/private/x.html">内部</a>{FOOTER}</body></html>'


def rss(base):
    items = "".join(
        f'<item><title>{a["title"]}</title><link>{base}{a["path"]}</link><guid>{base}{a["path"]}</guid>'
        f'<pubDate>{a["rfc822"]}</pubDate></item>' for a in ARTICLES if a["in"] == "rss")
    items += (f'<item><title>内部</title><link>{base}/private/secret.html</link></item>'
              f'<item><title>跳转</title><link>{base}/go/7</link></item>'
              f'<item><title>循环</title><link>{base}/loop/a</link></item>'
              f'<item><title>慢</title><link>{base}/slow.html</link></item>'
              f'<item><title>大</title><link>{base}/big.html</link></item>'
              f'<item><title>炸弹</title><link>{base}/bomb.html</link></item>'
              f'<item><title>坏</title><link>{base}/malformed.html</link></item>'
              f'<item><title>无</title><link>{base}/news/missing.html</link></item>'
              f'<item><title>错</title><link>{base}/news/error.html</link></item>'
              f'<item><title>忙</title><link>{base}/news/busy.html</link></item>')
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>拉萨新闻</title>'
            f'<link>{base}/</link>{items}</channel></rss>')


def atom(base):
    entries = "".join(
        f'<entry><title>{a["title"]}</title><link rel="alternate" href="{base}{a["path"]}"/>'
        f'<id>{base}{a["path"]}</id><published>{a["iso"]}</published></entry>' for a in ARTICLES if a["in"] == "atom")
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f'<title>社会</title>{entries}</feed>')


def sitemap(base):
    urls = "".join(f'<url><loc>{base}{a["path"]}</loc></url>' for a in ARTICLES if a["in"] == "sitemap")
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


BOARD = [a for a in ARTICLES if a["in"] == "board"]
# A decompression bomb: about 200 KB on the wire, 200 MB once inflated.
BOMB = gzip.compress(b"<html><body>" + b"\0" * (200 * 1024 * 1024), 9)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, code, body=b"", ctype="text/html; charset=utf-8", headers=None):
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        with LOCK:
            LOG.write(f"{time.time():.4f}\t{self.path}\t{json.dumps(dict(self.headers))}\n")
            COUNTS[self.path] = COUNTS.get(self.path, 0) + 1
            count = COUNTS[self.path]
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        p = self.path
        if p == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow: /private/\nCrawl-delay: 0.2\n", "text/plain")
        if p == "/feed.xml":
            etag = '"feed-v1"'
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, b"", None, {"ETag": etag})
            return self.send(200, rss(base).encode(), "application/rss+xml", {"ETag": etag})
        if p == "/atom.xml":
            lm = "Wed, 25 Nov 2026 02:00:00 GMT"
            if self.headers.get("If-Modified-Since") == lm:
                return self.send(304, b"", None, {"Last-Modified": lm})
            return self.send(200, atom(base).encode(), "application/atom+xml", {"Last-Modified": lm})
        if p == "/list.html":
            return self.send(200, listing().encode())
        if p == "/sitemap.xml":
            return self.send(200, sitemap(base).encode(), "application/xml")
        if p == "/bad.xml":
            return self.send(200, b"\x00\x01<?xml <<rss>>", "application/xml")
        if p.startswith("/api/posts?page="):
            n = int(p.split("=")[1])
            per = 2
            items = [{"pid": a["board_id"], "subject": a["title"], "content": a["text"].replace("\n", "<br>"),
                      "user": {"nick": a["author"]}, "created": a["epoch"]} for a in BOARD[(n - 1) * per:n * per]]
            return self.send(200, json.dumps({"code": 0, "data": {"list": items}}, ensure_ascii=False).encode(),
                             "application/json")
        if p == "/go/7":
            return self.send(301, b"", None, {"Location": "/news/7.html"})
        if p == "/loop/a":
            return self.send(302, b"", None, {"Location": "/loop/b"})
        if p == "/loop/b":
            return self.send(302, b"", None, {"Location": "/loop/a"})
        if p == "/slow.html":
            time.sleep(4)
            return self.send(200, b"<html><body><p>too late</p></body></html>")
        if p == "/big.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
            chunk = ("<p>" + "很长的页面。" * 200 + "</p>\n").encode() * 16
            sent = 0
            try:
                while sent < 50 * 1024 * 1024:
                    n = min(len(chunk), 50 * 1024 * 1024 - sent)
                    self.wfile.write(chunk[:n])
                    sent += n
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if p == "/bomb.html":
            return self.send(200, BOMB, "text/html", {"Content-Encoding": "gzip"})
        if p == "/malformed.html":
            return self.send(200, "<html><body><div><p>破损<b>页面<i>没有<div>结束</p></span>".encode() * 3)
        if p == "/news/missing.html":
            return self.send(404, b"not found")
        if p == "/news/error.html":
            return self.send(500, b"oops")
        if p == "/news/busy.html":
            if count == 1:
                return self.send(503, b"busy", "text/plain", {"Retry-After": "1"})
            p = "/news/busy-ok"
        for a in ARTICLES:
            if a["path"] == p or (p == "/news/busy-ok" and a["path"] == "/news/busy.html"):
                enc = a["encoding"]
                html = plain_page(a) if a.get("template") == "plain" else page(a, a.get("declare", enc))
                body = html.encode(enc, errors="xmlcharrefreplace")
                ctype = "text/html" + (f"; charset={a['header']}" if a.get("header") else "")
                return self.send(200, body, ctype)
        return self.send(404, b"not found")


srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
srv.daemon_threads = True
print(srv.server_address[1], flush=True)
srv.serve_forever()
