#!/usr/bin/env python3
"""Checks of the end-to-end tests against a running wa-alertd, through its staff API.

Usage:
  e2e_check.py wait PORT USER PASSWORD N SECONDS   until the API lists at least N cases;
                                                   prints the seconds it took (exit 1: timeout)
  e2e_check.py total PORT USER PASSWORD            prints the number of cases
  e2e_check.py cases PORT USER PASSWORD CONTENT NOTIFY_LOG [--reported]
      for every item of CONTENT (deploy/demo/content.jsonl) with "expect": a case holding its
      page, with the expected prefecture, county, level, unit and workers; no case holds a page
      of an item without "expect"; items that report one incident share one case; the
      notification log of wa-notify-sink holds case_opened (cyberspace, petition) and
      fast_report (housing) for every case, each idempotency key once; with --reported, every
      case has been acknowledged by the housing receiver (status reported).
Prints one "ok ..." or "FAIL ..." line per check.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import staff_api  # noqa: E402


def req(port, method, path, body=None, session=None, csrf=None):
    return staff_api.request(port, method, path, body, session, csrf)[:3]


def login(port, user, password):
    st, token, _, _ = staff_api.login(port, user, password)
    if not token:
        raise SystemExit("login as %s: HTTP %d" % (user, st))
    return token


def all_cases(port, session):
    out, offset = [], 0
    while True:
        st, j, _ = req(port, "GET", "/api/cases?limit=200&offset=%d" % offset, session=session)
        if st != 200:
            raise SystemExit("GET /api/cases: HTTP %d %s" % (st, j))
        out += j["cases"]
        offset += len(j["cases"])
        if not j["cases"] or offset >= j["total"]:
            return out, j["total"]


checks = staff_api.Checks(600)
check = checks.check


def main():
    cmd, port, user, pw = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    if cmd == "wait":
        want, secs = int(sys.argv[5]), float(sys.argv[6])
        start = time.monotonic()
        session = None
        while time.monotonic() - start < secs:
            try:
                session = session or login(port, user, pw)
                _, total = all_cases(port, session)
                if total >= want:
                    print("%.1f" % (time.monotonic() - start))
                    return 0
            except (OSError, SystemExit):
                session = None
            time.sleep(0.3)
        return 1
    session = login(port, user, pw)
    if cmd == "total":
        print(all_cases(port, session)[1])
        return 0
    if cmd != "cases":
        raise SystemExit("unknown command " + cmd)
    content, notify_log = sys.argv[5], sys.argv[6]
    want_reported = "--reported" in sys.argv[7:]
    items = [json.loads(l) for l in open(content, encoding="utf-8") if l.strip()]
    cases, total = all_cases(port, session)
    detail = {}
    for c in cases:
        st, j, _ = req(port, "GET", "/api/cases/%d" % c["id"], session=session)
        detail[c["id"]] = j if st == 200 else {}
    # the page of an item, as the crawler saw it (its URL ends with /CHANNEL/ID.html)
    def case_of(item):
        tail = "/%s/%s.html" % (item["channel"], item["id"])
        found = [cid for cid, d in detail.items()
                 if any(h.get("url", "").endswith(tail) for h in d.get("hits", []))
                 or any(u.endswith(tail) for u in d.get("links", []) or [])]
        return found

    expected = [it for it in items if "expect" in it]
    incidents = {}
    for it in expected:
        e = it["expect"]
        found = case_of(it)
        name = "%s (%s %s)" % (it["id"], e.get("prefecture"), e.get("county"))
        if len(found) != 1:
            check("%s: in exactly one case" % name, False, found)
            continue
        c = detail[found[0]]
        got = {k: c.get(k) for k in ("prefecture", "county", "level", "unit", "workers")}
        if not got["workers"]:
            got["workers"] = None  # unknown: the API says 0 or null
        # a prefecture may be given in full (日喀则市, 阿里地区) or short (日喀则, 阿里)
        short = lambda p: p[:-2] if p and p.endswith("地区") else (p[:-1] if p and p.endswith("市") else p)
        if short(got["prefecture"]) == short(e["prefecture"]):
            got["prefecture"] = e["prefecture"]
        want = {"prefecture": e["prefecture"], "county": e.get("county"), "level": e["level"],
                "unit": e.get("unit"), "workers": e.get("workers")}
        check("%s: case %d with prefecture, county, level %s, unit %s, workers %s"
              % (name, c["id"], e["level"], e.get("unit") or "-", e.get("workers") or "-"),
              got == want, {"got": got, "want": want})
        key = (e["prefecture"], e.get("unit") or it["id"])
        incidents.setdefault(key, set()).add(c["id"])
    check("the %d expected complaints make %d cases (reposts of one incident share a case)"
          % (len(expected), len(incidents)),
          total == len(incidents) and all(len(v) == 1 for v in incidents.values()),
          {"total": total, "incidents": {"%s|%s" % k: sorted(v) for k, v in incidents.items()}})
    stray = [it["id"] for it in items if "expect" not in it and case_of(it)]
    check("no case holds any of the %d ordinary items" % (len(items) - len(expected)), not stray, stray)
    if want_reported:
        st = {c["id"]: c["status"] for c in cases}
        check("every case was acknowledged by the housing receiver (status reported)",
              all(v == "reported" for v in st.values()), st)

    # notifications as the receiver got them
    got = [json.loads(l) for l in open(notify_log, encoding="utf-8") if l.strip()]
    keys = [n.get("idempotency_key") for n in got]
    check("%d notifications received, each idempotency key once" % len(got),
          got and len(keys) == len(set(keys)) and None not in keys,
          [k for k in keys if keys.count(k) > 1][:5])
    kinds = {}
    for n in got:
        b = n.get("body") or {}
        if "case" in b:
            kinds.setdefault(b["case"]["id"], set()).add((b["kind"], b["office"]))
    need = {("case_opened", "cyberspace"), ("case_opened", "petition"), ("fast_report", "housing")}
    missing = {cid: sorted(need - kinds.get(cid, set())) for cid in detail if not need <= kinds.get(cid, set())}
    check("every case: case_opened to cyberspace and petition, fast_report to housing (webhooks)",
          not missing, missing)
    sig_ok = all((n.get("signature") or "").startswith("sha256=") for n in got if n["path"] != "/wecom")
    check("webhook deliveries are signed (X-WA-Signature) and carry the case", sig_ok and kinds)
    return 0 if checks.all_passed() else 1


if __name__ == "__main__":
    sys.exit(main())
