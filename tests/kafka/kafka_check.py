#!/usr/bin/env python3
"""Helpers of the Kafka tests (tests/kafka/test_kafka.sh).

  kafka_check.py docs OUT N BAD [--offset K]
      write N documents and BAD malformed messages, interleaved, to OUT (one message per line).
      About 3 % are posts of the labelled corpus (tests/corpus), many of them hits; the rest are
      short everyday posts that are not. Every malformed message holds a marker "bad-NNNNNN".
      Ids start at K, so several batches never share an id.
  kafka_check.py hits EXPECTED GOT
      compare hit sets by document id: prints "expected E unique U repeats R missing M extra X";
      exit 1 when anything is missing or extra.
  kafka_check.py dlq EXPECTED_BAD DLQ
      every malformed message of EXPECTED_BAD (the docs file) in the dead letters, with a reason,
      nothing else there; exit 1 otherwise.
  kafka_check.py versions GOT IDS_FILE VERSION
      every hit of a document listed in IDS_FILE carries dict_version VERSION.
  kafka_check.py keys GOT_WITH_KEYS
      every hit's Kafka key is "PREFECTURE|COMPANY" from its own fields, or its id when it has neither.
"""
import base64
import glob
import json
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
MARK = re.compile(rb"bad-[0-9]{6}")


def corpus_posts():
    posts = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "corpus", "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    posts.append(json.loads(line))
    return posts


FILLER = [
    "今天拉萨天气晴朗，布达拉宫广场游客很多。",
    "日喀则的青稞今年收成不错，农民很高兴。",
    "林芝桃花节开幕，欢迎各地朋友来玩。",
    "周末去八廓街喝甜茶，味道很好。",
    "昌都新修的公路通车了，出行方便多了。",
    "ང་ཚོ་ཉིན་གཅིག་ལ་ལྷ་ས་ལ་ཕྱིན།",
    "山南的雅砻河谷风景秀丽。",
    "那曲赛马节即将举行，牧民们在准备。",
]


def cmd_docs(out, n, bad, offset=0):
    posts = corpus_posts()
    every_bad = max(1, n // bad) if bad else 0
    with open(out, "wb") as f:
        b = 0
        for i in range(n):
            k = offset + i
            if i % 33 == 0:
                p = dict(posts[(k // 33) % len(posts)])
                p.pop("label", None)
                p.pop("category", None)
            else:
                p = {"source": "test", "text": "%s（第%d条）" % (FILLER[k % len(FILLER)], k)}
            p["id"] = "d-%07d" % k
            f.write(json.dumps(p, ensure_ascii=False).encode("utf-8") + b"\n")
            if every_bad and i % every_bad == every_bad - 1 and b < bad:
                f.write(malformed(offset + b, b) + b"\n")
                b += 1
        while b < bad:
            f.write(malformed(offset + b, b) + b"\n")
            b += 1


def malformed(k, b):
    m = b"bad-%06d" % k
    kind = b % 5
    if kind == 0:
        return b"this is not JSON " + m
    if kind == 1:
        return b'{"id":"' + m + b'"}'  # no text
    if kind == 2:
        return b'{"id":"' + m + b'","text":"\xff\xfe broken UTF-8"}'
    if kind == 3:
        return b'{"text":"no id here ' + m + b'"}'
    return b'["' + m + b'", "an array, not an object"]'


def read_ids(path):
    ids = []
    with open(path, "rb") as f:
        for line in f:
            line = line.strip()
            if line:
                ids.append(str(json.loads(line)["id"]))
    return ids


def cmd_hits(expected, got):
    exp = set(read_ids(expected))
    ids = read_ids(got)
    uniq = set(ids)
    missing = exp - uniq
    extra = uniq - exp
    print("expected %d unique %d repeats %d missing %d extra %d"
          % (len(exp), len(uniq), len(ids) - len(uniq), len(missing), len(extra)))
    if missing:
        print("missing e.g. " + " ".join(sorted(missing)[:5]))
    if extra:
        print("extra e.g. " + " ".join(sorted(extra)[:5]))
    return 0 if not missing and not extra else 1


def cmd_dlq(docs, dlq):
    want = set()
    with open(docs, "rb") as f:
        for line in f:
            m = MARK.search(line)
            if m and line.startswith((b"this", b'{"id":"bad', b'{"text":"no id', b'["bad')):
                want.add(m.group(0))
    got = {}
    no_reason = 0
    with open(dlq, "rb") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            d = json.loads(line)
            if not d.get("reason"):
                no_reason += 1
            m = MARK.search(base64.b64decode(d["value_base64"]))
            key = m.group(0) if m else b"(no marker)"
            got[key] = got.get(key, 0) + 1
    missing = want - set(got)
    extra = set(got) - want
    repeats = sum(got.values()) - len(got)
    print("expected %d got %d repeats %d missing %d extra %d without reason %d"
          % (len(want), len(got), repeats, len(missing), len(extra), no_reason))
    return 0 if not missing and not extra and not no_reason else 1


def cmd_versions(got, ids_file, version):
    ids = set(read_ids(ids_file))
    wrong = 0
    seen = 0
    with open(got, "rb") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            h = json.loads(line)
            if str(h["id"]) in ids:
                seen += 1
                if h.get("dict_version") != version:
                    wrong += 1
    print("hits checked %d with another dict_version %d" % (seen, wrong))
    return 0 if seen and not wrong else 1


def cmd_keys(got):
    bad = 0
    n = 0
    with open(got, "rb") as f:
        for line in f:
            line = line.rstrip(b"\n")
            if not line:
                continue
            key, _, val = line.partition(b"\t")
            h = json.loads(val)
            pref = (h.get("region") or {}).get("prefecture")
            comp = (h.get("entities") or {}).get("company")
            want = ("%s|%s" % (pref or "", comp or "")) if (pref or comp) else str(h["id"])
            n += 1
            if key.decode("utf-8") != want:
                bad += 1
                if bad <= 3:
                    print("key %r, expected %r" % (key.decode("utf-8"), want))
    print("keys checked %d wrong %d" % (n, bad))
    return 0 if n and not bad else 1


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd = argv[1]
    if cmd == "docs":
        offset = int(argv[argv.index("--offset") + 1]) if "--offset" in argv else 0
        cmd_docs(argv[2], int(argv[3]), int(argv[4]), offset)
        return 0
    if cmd == "hits":
        return cmd_hits(argv[2], argv[3])
    if cmd == "dlq":
        return cmd_dlq(argv[2], argv[3])
    if cmd == "versions":
        return cmd_versions(argv[2], argv[3], argv[4])
    if cmd == "keys":
        return cmd_keys(argv[2])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
