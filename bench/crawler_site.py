#!/usr/bin/env python3
"""Generate the crawler benchmark site (bench/crawler.sh): a Chinese local-news site as files.

Usage: crawler_site.py OUTDIR --pages N --corpus FILE [--seed S] [--per-source K] [--gbk-share F]

The stories (titles and paragraphs) are the Chinese news documents of FILE, a corpus written by
bench/gen_corpus.c; each page is one story, lengthened with paragraphs of others to 5-20 KB.

Writes into OUTDIR (which it empties first):
  site/robots.txt            allows everything
  site/feeds/*.xml           RSS 2.0 and Atom feeds, one per section source
  site/lists/*.html          HTML list pages, one per list source
  site/<section>/<n>.html    N article pages, 5-20 KB each, UTF-8 or (a share of them) GBK,
                             with the furniture of a real news page: scripts, header, navigation,
                             breadcrumb, share widget, related links, comments, footer
  manifest.json              the sources (name, type, path, links XPath), the XPath selectors of
                             the article parts, and counts
  expected.jsonl             per article: path, title, published_at (RFC 3339), text (paragraphs
                             joined by "\\n"), author: what a correct extraction yields

Everything is derived from the seed: the same arguments give the same bytes.
"""
import argparse
import datetime
import json
import os
import random
import re
import shutil
import sys

SURNAMES = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "次仁", "扎西", "格桑",
            "达瓦", "尼玛", "央金", "卓玛", "旦增", "洛桑", "平措"]
GIVEN = ["明", "芳", "强", "丽", "军", "敏", "伟", "静", "卓嘎", "多吉", "拉姆", "顿珠", "曲珍",
         "措姆", "建华", "海燕", "志刚", "晓东", "玉珍", "德吉"]
SECTIONS = [("shehui", "社会"), ("minsheng", "民生"), ("fazhi", "法治"), ("chengshi", "城市"),
            ("jingji", "经济"), ("xianqu", "县区"), ("tongzhi", "通知公告"), ("pinglun", "评论"),
            ("jiaoyu", "教育"), ("wenlv", "文旅"), ("jiankang", "健康"), ("nongmu", "农牧")]
NEWS_SOURCES = ("tibet.cn", "xzxw", "lasa-gov")  # the news outlets of bench/gen_corpus.c
TIBETAN = re.compile("[\u0f00-\u0fff]")


def read_corpus(path):
    """News documents of a bench/gen_corpus.c corpus (Chinese ones, with a title): a list of
    (title, [paragraphs], published_at), and the pool of all their paragraphs."""
    docs, pool = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            if o.get("source") not in NEWS_SOURCES or not o.get("title") or TIBETAN.search(o["text"]):
                continue
            paras = [p.strip(" \t\u3000") for p in o["text"].split("\n")]
            paras = [" ".join(p.split()) for p in paras if p.strip(" \t\u3000")]
            if not paras:
                continue
            docs.append((" ".join(o["title"].split()), paras, o.get("published_at")))
            pool.extend(paras)
    return docs, pool


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


NAV_ITEMS = ["首页", "要闻", "社会", "民生", "法治", "城市", "经济", "县区", "教育", "文旅", "健康",
             "农牧", "评论", "图片", "视频", "专题", "通知公告", "政务公开", "互动", "English"]


def page_html(a, charset, related, rng):
    """One article page. The article parts are at the selectors of manifest.json."""
    meta = (f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset == "gbk"
            else f'<meta charset="{charset}">')
    nav = "".join(f'<li><a href="/{SECTIONS[i % len(SECTIONS)][0]}/">{t}</a></li>' for i, t in enumerate(NAV_ITEMS))
    rel = "".join(f'<li><a href="{p}">{esc(t)}</a><span>{d}</span></li>' for p, t, d in related)
    body = []
    for i, p in enumerate(a["paras"]):
        if i == 1 and len(p) > 40:
            # some inline markup inside a paragraph, as editors leave it
            p = f'{esc(p[:20])}<strong>{esc(p[20:32])}</strong>{esc(p[32:])}'
        else:
            p = esc(p)
        body.append(f'<p style="text-indent:2em;">{p}</p>')
        if i == 2:
            body.append('<div class="img"><img src="/images/placeholder.jpg" alt=""></div>')
    comments = "".join(
        f'<li><span class="u">网友{rng.randint(1000, 99999)}</span><p>{c}</p></li>'
        for c in rng.sample(["希望有关部门尽快解决，工人们太不容易了。", "支持依法讨薪，拖欠工资的老板必须严惩！",
                             "这样的报道多一些，才能让问题得到重视。", "我们小区也有类似情况，不知道该找哪个部门。",
                             "点赞记者，关注基层劳动者的权益。", "年底了，千万别让农民工流汗又流泪。"], 3))
    script = ("var _hmt=_hmt||[];(function(){var hm=document.createElement('script');hm.src='/js/stat.js';"
              "var s=document.getElementsByTagName('script')[0];s.parentNode.insertBefore(hm,s);})();"
              "function share(t){var u=encodeURIComponent(location.href);window.open('/share?to='+t+'&u='+u);}"
              "window.onload=function(){var f=document.getElementById('fontsize');if(f){f.onclick=function(){"
              "document.querySelector('.article-content').style.fontSize='18px';};}};")
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n' + meta +
        f'\n<title>{esc(a["title"])}_{a["section_name"]}_拉萨新闻网</title>\n'
        f'<meta name="keywords" content="{esc(a["section_name"])},拉萨,新闻">\n'
        f'<meta name="description" content="{esc(a["paras"][0][:60])}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="stylesheet" href="/css/common.css"><link rel="stylesheet" href="/css/article.css">\n'
        f'<script>{script}</script>\n</head>\n<body>\n'
        '<div class="topbar"><div class="w1200"><span>欢迎访问拉萨新闻网</span>'
        '<a href="/login">登录</a> | <a href="/register">注册</a> | <a href="/m/">手机版</a></div></div>\n'
        '<header><div class="logo"><a href="/"><img src="/images/logo.png" alt="拉萨新闻网"></a></div>'
        '<form class="search" action="/search"><input name="q" placeholder="请输入关键词"><button>搜索</button></form></header>\n'
        f'<nav class="mainnav"><ul>{nav}</ul></nav>\n'
        f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/{a["section"]}/">{a["section_name"]}</a> &gt; 正文</div>\n'
        '<div class="w1200 clearfix"><div class="left">\n'
        f'<h1 class="title">{esc(a["title"])}</h1>\n'
        f'<div class="info">发布时间：<span class="time">{a["time_text"]}</span> <span class="source">来源：{a["source"]}</span> '
        f'作者：<span class="author">{esc(a["author"])}</span> <span id="fontsize">【字号 大 中 小】</span></div>\n'
        f'<div class="article-content">\n' + "\n".join(body) + '\n</div>\n'
        f'<div class="editor">（责任编辑：{rng.choice(SURNAMES)}{rng.choice(GIVEN)}）</div>\n'
        '<div class="share">分享到：<a href="javascript:share(\'weixin\')">微信</a> <a href="javascript:share(\'weibo\')">微博</a> '
        '<a href="javascript:share(\'qq\')">QQ空间</a></div>\n'
        f'<div class="related"><h3>相关阅读</h3><ul>{rel}</ul></div>\n'
        f'<div class="comments"><h3>网友评论</h3><ul>{comments}</ul><form action="/comment"><textarea name="c"></textarea>'
        '<button>发表评论</button></form></div>\n'
        '</div><div class="right"><div class="box"><h3>热点排行</h3><ol>' +
        "".join(f'<li><a href="{p}">{esc(t)}</a></li>' for p, t, _ in related[:6]) +
        '</ol></div><div class="box ad"><a href="/ad/1"><img src="/images/ad1.jpg" alt="广告"></a></div></div></div>\n'
        '<footer><p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a> | <a href="/law">法律声明</a> | '
        '<a href="/jobs">招聘信息</a></p><p>版权所有 2026 拉萨新闻网 未经授权禁止转载 地址：拉萨市城关区北京中路 '
        '电话：0891-0000000 藏ICP备00000000号 藏公网安备00000000000000号</p></footer>\n'
        '</body>\n</html>\n')


def rss(src, base_hint, items):
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>',
           f'<title>拉萨新闻网 - {src["title"]}</title><link>/</link><description>{src["title"]}频道</description>']
    for a in items:
        out.append(f'<item><title>{esc(a["title"])}</title><link>{base_hint}{a["path"]}</link>'
                   f'<guid>{base_hint}{a["path"]}</guid><pubDate>{a["rfc822"]}</pubDate>'
                   f'<description>{esc(a["paras"][0][:80])}</description></item>')
    out.append("</channel></rss>\n")
    return "\n".join(out)


def atom(src, base_hint, items):
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
           f'<title>拉萨新闻网 - {src["title"]}</title><id>urn:lasa:{src["name"]}</id><updated>2026-11-25T10:00:00+08:00</updated>']
    for a in items:
        out.append(f'<entry><title>{esc(a["title"])}</title><link rel="alternate" href="{base_hint}{a["path"]}"/>'
                   f'<id>urn:lasa:{a["path"]}</id><published>{a["iso"]}</published>'
                   f'<summary>{esc(a["paras"][0][:80])}</summary></entry>')
    out.append("</feed>\n")
    return "\n".join(out)


def listing(src, items):
    lis = "".join(f'<li><a href="{a["path"]}" target="_blank">{esc(a["title"])}</a><span class="date">{a["iso"][:10]}</span></li>'
                  for a in items)
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>' + src["title"] + '_拉萨新闻网</title></head><body>'
            '<nav class="mainnav"><a href="/">首页</a> <a href="/shehui/">社会</a> <a href="/minsheng/">民生</a></nav>'
            f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; {src["title"]}</div>'
            f'<ul class="news-list">{lis}</ul><div class="pages">共{len(items)}条</div>'
            '<footer>版权所有 2026 拉萨新闻网</footer></body></html>\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--pages", type=int, required=True)
    ap.add_argument("--seed", type=int, default=20260214)
    ap.add_argument("--per-source", type=int, default=400, help="articles per feed or list page (wa-crawler reads at most 500 items of a source per crawl by default)")
    ap.add_argument("--gbk-share", type=float, default=0.25)
    ap.add_argument("--corpus", required=True, help="JSON Lines of bench/gen_corpus.c: the stories")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = args.outdir
    if os.path.isdir(out):
        shutil.rmtree(out)
    site = os.path.join(out, "site")
    for d in ("feeds", "lists") + tuple(s for s, _ in SECTIONS):
        os.makedirs(os.path.join(site, d), exist_ok=True)
    with open(os.path.join(site, "robots.txt"), "w") as f:
        f.write("User-agent: *\nAllow: /\n")

    nsrc = (args.pages + args.per_source - 1) // args.per_source
    sources = []
    kinds = ["rss", "atom", "list"]
    for i in range(nsrc):
        sec, name = SECTIONS[i % len(SECTIONS)]
        typ = kinds[i % 3]
        sname = f"{sec}-{i}"
        if typ == "list":
            path = f"/lists/{sname}.html"
        else:
            path = f"/feeds/{sname}.xml"
        sources.append({"name": sname, "type": typ, "path": path, "title": name, "section": sec, "items": []})

    articles = []
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    wdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    docs, pool = read_corpus(args.corpus)
    if not docs:
        sys.exit(f"crawler_site: no Chinese news documents in {args.corpus}")
    texts = set()
    for k in range(args.pages):
        src = sources[k // args.per_source]
        title, paras, _ = docs[k % len(docs)]
        # 5-20 KB pages: about 5 KB of furniture plus the text (3 bytes a character in UTF-8, 2
        # in GBK): a news story of the corpus, lengthened with paragraphs of other stories
        paras = list(paras)
        want = rng.randint(300, 4300)
        while sum(map(len, paras)) < want or "\n".join(paras) in texts:
            paras.insert(rng.randint(1, len(paras)), rng.choice(pool))
        texts.add("\n".join(paras))
        dt = datetime.datetime(2026, 1, 1, 8, 0) + datetime.timedelta(minutes=k * 97 + rng.randint(0, 50))
        a = {
            "path": f"/{src['section']}/{k + 1}.html", "section": src["section"], "section_name": src["title"],
            "title": title, "paras": paras, "author": rng.choice(SURNAMES) + rng.choice(GIVEN),
            "source": rng.choice(["拉萨新闻网", "西藏日报", "拉萨晚报", "中国西藏网"]),
            "time_text": f"{dt.year}年{dt.month:02d}月{dt.day:02d}日 {dt.hour:02d}:{dt.minute:02d}",
            "iso": dt.strftime("%Y-%m-%dT%H:%M:00+08:00"),
            "charset": "gbk" if rng.random() < args.gbk_share else "utf-8",
        }
        u = dt - datetime.timedelta(hours=8)  # the feed's RFC 822 date is in GMT
        a["rfc822"] = f"{wdays[u.weekday()]}, {u.day:02d} {months[u.month - 1]} {u.year} {u.strftime('%H:%M:%S')} GMT"
        src["items"].append(a)
        articles.append(a)

    total_bytes = 0
    gbk = 0
    with open(os.path.join(out, "expected.jsonl"), "w", encoding="utf-8") as exp:
        for k, a in enumerate(articles):
            related = []
            for _ in range(10):
                b = articles[rng.randrange(len(articles))]
                related.append((b["path"], b["title"], b["iso"][:10]))
            html = page_html(a, a["charset"], related, rng)
            data = html.encode("gbk" if a["charset"] == "gbk" else "utf-8", errors="xmlcharrefreplace")
            gbk += a["charset"] == "gbk"
            total_bytes += len(data)
            with open(site + a["path"], "wb") as f:
                f.write(data)
            exp.write(json.dumps({"path": a["path"], "title": a["title"], "published_at": a["iso"],
                                  "text": "\n".join(a["paras"]), "author": a["author"], "charset": a["charset"]},
                                 ensure_ascii=False) + "\n")
    # Feed links are absolute: they start with this marker, which bench/crawler_httpd.c replaces
    # with its own address when it loads the files.
    base_hint = "@BASE@"
    for s in sources:
        if s["type"] == "rss":
            text = rss(s, base_hint, s["items"])
        elif s["type"] == "atom":
            text = atom(s, base_hint, s["items"])
        else:
            text = listing(s, s["items"])
        with open(site + s["path"], "w", encoding="utf-8") as f:
            f.write(text)
    manifest = {
        "pages": len(articles), "page_bytes": total_bytes, "gbk_pages": gbk, "seed": args.seed,
        "sources": [{"name": s["name"], "type": s["type"], "path": s["path"], "items": len(s["items"]),
                     **({"links": "//ul[@class='news-list']/li/a/@href"} if s["type"] == "list" else {})}
                    for s in sources],
        "xpaths": {"title": "//h1[@class='title']", "body": "//div[@class='article-content']/p",
                   "time": "//div[@class='info']/span[@class='time']",
                   "author": "//div[@class='info']/span[@class='author']"},
    }
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    print(f"{len(articles)} pages ({gbk} GBK), {total_bytes} bytes, {len(sources)} sources", file=sys.stderr)


if __name__ == "__main__":
    main()
