#!/usr/bin/env python3
"""The Scrapy side of the crawler benchmark (bench/crawler.sh).

Usage: scrapy_spider.py MANIFEST BASE_URL OUTFILE [--concurrency N]

Crawls the benchmark site the way wa-crawler is configured to in the same run: every source of
MANIFEST (written by bench/crawler_site.py; RSS and Atom feeds, HTML list pages with an XPath
for the links), then every article page they link to, extracting with the same XPath selectors
(title, body paragraphs, time, author) and the same normalisation (blanks collapsed, one line
per paragraph, the Chinese date as RFC 3339 in +08:00). Writes one JSON object per page to
OUTFILE (url, title, text, author, published_at, fetched_at, source).

Settings are Scrapy's defaults except: robots.txt not read, no download delay, no AutoThrottle,
N requests at once in all and per host (default 16, as wa-crawler's "concurrency"), no
cookies, no telnet console, logging at WARNING. Charset decoding is Scrapy's own (HTTP header,
BOM, <meta>, then detection).
"""
import json
import re
import sys
from datetime import datetime, timezone

import scrapy
from scrapy.crawler import CrawlerProcess

WS = re.compile(r"\s+")
CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?)?")


def tidy(s):
    return WS.sub(" ", s).strip()


def cn_time(s):
    """'2026年03月05日 10:30' -> '2026-03-05T10:30:00+08:00' (the site's zone), None if none."""
    m = CN_DATE.search(s or "")
    if not m:
        return None
    y, mo, d, h, mi, sec = (int(x) if x else 0 for x in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{sec:02d}+08:00"


class BenchSpider(scrapy.Spider):
    name = "wa_bench"

    def __init__(self, manifest, base, **kw):
        super().__init__(**kw)
        self.manifest = manifest
        self.base = base.rstrip("/")
        xp = manifest["xpaths"]
        self.xp_title, self.xp_body, self.xp_time, self.xp_author = xp["title"], xp["body"], xp["time"], xp["author"]

    def start_requests(self):
        for s in self.manifest["sources"]:
            yield scrapy.Request(self.base + s["path"], callback=self.parse_source, cb_kwargs={"src": s})

    def parse_source(self, response, src):
        if src["type"] == "rss":
            links = response.xpath("//item/link/text()").getall()
        elif src["type"] == "atom":
            response.selector.remove_namespaces()
            links = response.xpath("//entry/link[not(@rel) or @rel='alternate']/@href").getall()
        else:
            links = response.xpath(src["links"]).getall()
        for link in links:
            yield scrapy.Request(response.urljoin(link.strip()), callback=self.parse_article,
                                 cb_kwargs={"source": src["name"]})

    def parse_article(self, response, source):
        title = tidy(" ".join(response.xpath(self.xp_title + "//text()").getall()))
        paras = [tidy("".join(p.xpath(".//text()").getall())) for p in response.xpath(self.xp_body)]
        text = "\n".join(p for p in paras if p)
        author = tidy(" ".join(response.xpath(self.xp_author + "//text()").getall())) or None
        published = cn_time(" ".join(response.xpath(self.xp_time + "//text()").getall()))
        yield {
            "source": source, "kind": "news", "url": response.url, "title": title, "text": text,
            "author": author, "published_at": published,
            "fetched_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }


def main():
    args = sys.argv[1:]
    conc = 16
    if "--concurrency" in args:
        i = args.index("--concurrency")
        conc = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 3:
        sys.exit("usage: scrapy_spider.py MANIFEST BASE_URL OUTFILE [--concurrency N]")
    manifest = json.load(open(args[0], encoding="utf-8"))
    process = CrawlerProcess(settings={
        "ROBOTSTXT_OBEY": False,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "CONCURRENT_REQUESTS": conc,
        "CONCURRENT_REQUESTS_PER_DOMAIN": conc,
        "CONCURRENT_REQUESTS_PER_IP": 0,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "USER_AGENT": "scrapy-bench (+mailto:bench@example.org)",
        "FEEDS": {args[2]: {"format": "jsonlines", "encoding": "utf-8", "overwrite": True}},
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    })
    process.crawl(BenchSpider, manifest=manifest, base=args[1])
    process.start()


if __name__ == "__main__":
    main()
