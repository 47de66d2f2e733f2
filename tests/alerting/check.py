#!/usr/bin/env python3
"""Checks of the alerting tests, reading the ledger (SQLite) and the receivers' logs.

  check.py cases DB EXPECTED_JSON         one case per incident, the right hit counts and places
  check.py delivered DB LOG [LOG ...]     every notification delivered and received, by idempotency key
  check.py count DB SQL WANT              one number from the ledger
Prints one line; exit status 0 when the check holds.
"""
import json
import sqlite3
import sys
from collections import Counter, defaultdict


def fail(msg):
    print(msg)
    sys.exit(1)


def cases(db, expected_path):
    expected = json.load(open(expected_path, encoding="utf-8"))
    con = sqlite3.connect(db)
    incident_cases = defaultdict(set)
    case_incidents = defaultdict(set)
    for doc_id, case_id in con.execute("SELECT doc_id, case_id FROM hits"):
        inc = int(doc_id.split("-")[1])
        incident_cases[inc].add(case_id)
        case_incidents[case_id].add(inc)
    n_cases = con.execute("SELECT count(*) FROM cases").fetchone()[0]
    if n_cases != len(expected):
        fail("%d cases for %d incidents" % (n_cases, len(expected)))
    split = [i for i, c in incident_cases.items() if len(c) != 1]
    mixed = [c for c, i in case_incidents.items() if len(i) != 1]
    if split or mixed:
        fail("incidents split over cases: %s; cases mixing incidents: %s" % (split[:5], mixed[:5]))
    wrong = []
    for inc, exp in enumerate(expected):
        (case_id,) = incident_cases.get(inc, {None})
        if case_id is None:
            wrong.append("incident %d has no case" % inc)
            continue
        hit_count, pref, unit, nhits = con.execute(
            "SELECT hit_count, prefecture, unit_name, (SELECT count(*) FROM hits WHERE case_id = cases.id)"
            " FROM cases WHERE id = ?", (case_id,)).fetchone()
        if hit_count != exp["hits"] or nhits != exp["hits"] or pref != exp["prefecture"]:
            wrong.append("incident %d: case %d has %d hits (%d stored), prefecture %s; want %d, %s" % (
                inc, case_id, hit_count, nhits, pref, exp["hits"], exp["prefecture"]))
        elif unit not in exp["units"]:
            wrong.append("incident %d: unit %r is none of the forms written %r" % (inc, unit, exp["units"]))
    if wrong:
        fail("; ".join(wrong[:5]) + (" (and %d more)" % (len(wrong) - 5) if len(wrong) > 5 else ""))
    total = con.execute("SELECT sum(hit_count) FROM cases").fetchone()[0]
    print("%d cases, one per incident, %d hits, counts and prefectures right" % (n_cases, total))


def delivered(db, logs):
    con = sqlite3.connect(db)
    rows = con.execute("SELECT idem_key, status, channel FROM outbox").fetchall()
    if not rows:
        fail("the outbox is empty")
    pending = [k for k, s, _ in rows if s != "delivered"]
    if pending:
        fail("%d of %d notifications not delivered, e.g. %s" % (len(pending), len(rows), pending[0]))
    got = Counter()
    bad_sig = 0
    for path in logs:
        for line in open(path, encoding="utf-8"):
            e = json.loads(line)
            got[e.get("key")] += 1
            if e.get("signature_ok") is False:
                bad_sig += 1
    keys = {k for k, _, _ in rows}
    missing = keys - set(got)
    unknown = set(got) - keys
    if missing or unknown or bad_sig:
        fail("%d notifications never received (e.g. %s), %d unknown keys, %d bad signatures" % (
            len(missing), next(iter(missing), "-"), len(unknown), bad_sig))
    resent = sum(n - 1 for n in got.values() if n > 1)
    by_channel = Counter(c for _, _, c in rows)
    print("%d notifications (%s) all delivered and received; %d re-sent with the same key" % (
        len(rows), ", ".join("%s %d" % kv for kv in sorted(by_channel.items())), resent))


def count(db, sql, want):
    v = sqlite3.connect(db).execute(sql).fetchone()[0]
    if str(v) != want:
        fail("%s: %s, want %s" % (sql, v, want))
    print("%s = %s" % (sql, v))


def main():
    a = sys.argv[1:]
    if a and a[0] == "cases" and len(a) == 3:
        cases(a[1], a[2])
    elif a and a[0] == "delivered" and len(a) >= 3:
        delivered(a[1], a[2:])
    elif a and a[0] == "count" and len(a) == 4:
        count(a[1], a[2], a[3])
    else:
        sys.stderr.write(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main()
