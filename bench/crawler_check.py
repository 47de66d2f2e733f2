#!/usr/bin/env python3
"""Check one crawl of the benchmark site against what bench/crawler_site.py meant (crawler.sh).

Usage: crawler_check.py EXPECTED.jsonl OUTPUT.jsonl

Prints one line of numbers: docs=N distinct_urls=N missing=N extra=N title_ok=N text_ok=N
time_ok=N author_ok=N near_dups=N invalid=N. A page is matched by its URL path; text is
compared exactly (paragraphs joined by "\\n"), time as RFC 3339. Exit status 0 when every
expected page arrived exactly once (whatever the field comparisons say), 1 otherwise.
"""
import json
import sys


def main():
    exp = {}
    for line in open(sys.argv[1], encoding="utf-8"):
        o = json.loads(line)
        exp[o["path"]] = o
    docs = invalid = near = 0
    got = {}
    dup_urls = 0
    with open(sys.argv[2], "rb") as f:
        for raw in f:
            if not raw.strip():
                continue
            docs += 1
            try:
                o = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                invalid += 1
                continue
            url = o.get("url") or ""
            path = "/" + url.split("/", 3)[3] if url.count("/") >= 3 else url
            if path in got:
                dup_urls += 1
            got[path] = o
            near += bool(o.get("dup_of"))
    ok = {"title": 0, "text": 0, "time": 0, "author": 0}
    for path, e in exp.items():
        o = got.get(path)
        if not o:
            continue
        ok["title"] += o.get("title") == e["title"]
        ok["text"] += o.get("text") == e["text"]
        ok["time"] += o.get("published_at") == e["published_at"]
        ok["author"] += o.get("author") == e["author"]
    missing = sum(1 for p in exp if p not in got)
    extra = sum(1 for p in got if p not in exp)
    print(f"docs={docs} distinct_urls={len(got)} missing={missing} extra={extra} repeated={dup_urls} "
          f"title_ok={ok['title']} text_ok={ok['text']} time_ok={ok['time']} author_ok={ok['author']} "
          f"near_dups={near} invalid={invalid}")
    sys.exit(0 if missing == 0 and extra == 0 and dup_urls == 0 and invalid == 0 else 1)


if __name__ == "__main__":
    main()
