#!/usr/bin/env python3
"""Checks of wa-alertd's staff API (alerting/api_staff.h) against a running server.

Usage: api_check.py PORT ADMIN_PASSWORD CASES_JSON
CASES_JSON names the cases the caller made: {"lhasa": ID, "lhasa2": ID, "nagqu": ID}.
Users expected (made by test_api.sh): lhasa-housing (housing, 拉萨), nagqu-housing (housing, 那曲),
cyber (cyberspace, every prefecture), analyst1 (analyst), victim (analyst), all with the password
"correct-horse-1". Prints one "ok ..." or "FAIL ..." line per check.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import staff_api  # noqa: E402

PORT = int(sys.argv[1])
ADMIN_PW = sys.argv[2]
CASES = json.loads(sys.argv[3])
PW = "correct-horse-1"


checks = staff_api.Checks(400)
check = checks.check


def req(method, path, body=None, session=None, csrf=None, ctype="application/json", raw=None):
    return staff_api.request(PORT, method, path, body, session, csrf, ctype, raw)[:3]


def login(name, password):
    return staff_api.login(PORT, name, password)


# ---- health and headers ----
st, j, r = req("GET", "/healthz")
check("healthz answers anonymously", st == 200 and j == {"status": "ok"}, (st, j))
csp = r.getheader("Content-Security-Policy") or ""
check("security headers: strict CSP with frame-ancestors 'none', nosniff",
      "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
      and r.getheader("X-Content-Type-Options") == "nosniff", dict(r.getheaders()))

# ---- anonymous requests ----
lh, nq = CASES["lhasa"], CASES["nagqu"]
for method, path in [("GET", "/api/me"), ("GET", "/api/cases"), ("GET", "/api/cases/%d" % lh),
                     ("POST", "/api/cases/%d/actions" % lh), ("POST", "/api/logout"), ("GET", "/api/nothing")]:
    body = {"action": "note", "note": "x"} if method == "POST" else None
    st, j, _ = req(method, path, body)
    check("anonymous %s %s → 401" % (method, path), st == 401 and j and "error" in j, (st, j))
st, j, _ = req("GET", "/api/cases", session="0" * 64)
check("a made-up session cookie → 401", st == 401, (st, j))

# ---- the first admin ----
st, admin, admin_csrf, r = login("admin", ADMIN_PW)
check("the first start's admin logs in with the printed password", st == 200, st)
cookie = r.getheader("Set-Cookie") or ""
check("session cookie is HttpOnly and SameSite=Strict",
      "HttpOnly" in cookie and "SameSite=Strict" in cookie and len(admin or "") == 64, cookie)

# ---- scoping ----
st, lhs, lhs_csrf, _ = login("lhasa-housing", PW)
check("lhasa-housing logs in", st == 200, st)
st, j, _ = req("GET", "/api/cases", session=lhs)
ids = [c["id"] for c in (j or {}).get("cases", [])]
check("the Lhasa user's case list holds the Lhasa cases only",
      st == 200 and lh in ids and CASES["lhasa2"] in ids and nq not in ids
      and all(c["prefecture"] == "拉萨" for c in j["cases"]), (st, j))
st, j, _ = req("GET", "/api/cases?prefecture=%E9%82%A3%E6%9B%B2", session=lhs)
check("the Lhasa user filtering for Nagqu gets nothing", st == 200 and j["total"] == 0 and j["cases"] == [], (st, j))
st, j, _ = req("GET", "/api/cases/%d" % nq, session=lhs)
check("the Lhasa user reading a Nagqu case by id → 404", st == 404, (st, j))
st, j, _ = req("POST", "/api/cases/%d/actions" % nq, {"action": "note", "note": "不该写上"}, session=lhs, csrf=lhs_csrf)
check("the Lhasa user changing a Nagqu case by id → 404", st == 404, (st, j))
st, j, _ = req("POST", "/api/cases/%d/actions" % nq, {"action": "resolve", "note": "已付"}, session=lhs, csrf=lhs_csrf)
check("the Lhasa user resolving a Nagqu case by id → 404", st == 404, (st, j))
st, j, _ = req("GET", "/api/cases/%d" % nq, session=admin)
check("the Nagqu case is unchanged (no note, still open)",
      st == 200 and j["status"] == "open" and not any(e["kind"] == "note" for e in j["events"]), (st, j))
st, j, _ = req("GET", "/api/cases/%d" % lh, session=lhs)
check("the Lhasa user reads a Lhasa case with hits, events, notifications and attempts",
      st == 200 and j["id"] == lh and isinstance(j.get("hits"), list) and len(j["events"]) >= 1
      and len(j["notifications"]) >= 1 and all("attempts" in n for n in j["notifications"]), (st, j))
check("the complainant's phone is masked for the housing role",
      st == 200 and j.get("complainant_phone") == "139****1234", j and j.get("complainant_phone"))
st, j, _ = req("GET", "/api/cases/%d" % lh, session=admin)
check("the admin sees the phone", st == 200 and j.get("complainant_phone") == "13900001234", j)
st, j, _ = req("POST", "/api/cases/%d/actions" % lh, {"action": "note", "note": "已联系公司"}, session=lhs, csrf=lhs_csrf)
check("the Lhasa user adds a progress note to a Lhasa case",
      st == 200 and any(e["kind"] == "note" and e["note"] == "已联系公司" and e["actor"] == "lhasa-housing"
                        for e in j["events"]), (st, j))
st, j, _ = req("POST", "/api/cases/%d/actions" % lh, {"action": "report"}, session=lhs, csrf=lhs_csrf)
check("the housing role may not report a case → 403", st == 403, (st, j))
st, nqs, nqs_csrf, _ = login("nagqu-housing", PW)
st, j, _ = req("GET", "/api/cases/%d" % lh, session=nqs)
check("the Nagqu user reading a Lhasa case → 404", st == 404, (st, j))
st, an, an_csrf, _ = login("analyst1", PW)
st, j, _ = req("POST", "/api/cases/%d/actions" % lh, {"action": "note", "note": "x"}, session=an, csrf=an_csrf)
check("the analyst role may not change a case → 403", st == 403, (st, j))

# ---- CSRF ----
act = "/api/cases/%d/actions" % lh
st, j, _ = req("POST", act, {"action": "note", "note": "csrf"}, session=lhs)
check("a state change without X-CSRF-Token → 403", st == 403 and "CSRF" in j["error"], (st, j))
st, j, _ = req("POST", act, {"action": "note", "note": "csrf"}, session=lhs, csrf="0" * 64)
check("a state change with a wrong X-CSRF-Token → 403", st == 403, (st, j))
st, j, _ = req("POST", act, {"action": "note", "note": "csrf"}, session=lhs, csrf=nqs_csrf)
check("a state change with another session's CSRF token → 403", st == 403, (st, j))
st, j, _ = req("POST", "/api/logout", {}, session=lhs)
check("logout without X-CSRF-Token → 403", st == 403, (st, j))
st, j, _ = req("POST", act, {"action": "note", "note": "form"}, session=lhs, csrf=lhs_csrf,
               ctype="application/x-www-form-urlencoded")
check("a state change that is not application/json → 415", st == 415, (st, j))
st, j, _ = req("GET", "/api/cases/%d" % lh, session=admin)
check("none of the refused requests left a trace",
      st == 200 and not any(e.get("note") in ("csrf", "form", "x") for e in j["events"]), j)

# ---- bad JSON ----
st, j, _ = req("POST", "/api/login", raw=b'{"name": "admin", "password": ')
check("login with bad JSON → 400 with a message", st == 400 and "JSON" in j["error"], (st, j))
st, j, _ = req("POST", act, raw=b"[1, 2", session=lhs, csrf=lhs_csrf)
check("an action with bad JSON → 400 with a message", st == 400 and "JSON" in j["error"], (st, j))
st, j, _ = req("POST", act, {"action": "explode"}, session=lhs, csrf=lhs_csrf)
check("an unknown action → 400 with a message", st == 400 and "action" in j["error"], (st, j))
st, j, _ = req("POST", act, {"action": "note", "note": 5}, session=lhs, csrf=lhs_csrf)
check("a field of the wrong type → 400 with a message", st == 400 and "note" in j["error"], (st, j))
st, j, _ = req("GET", "/api/cases?status=lost", session=lhs)
check("a bad filter → 400 with a message", st == 400 and "status" in j["error"], (st, j))

# ---- oversized bodies ----
big = b'{"name": "admin", "password": "' + b"x" * 40000 + b'"}'
st, j, _ = req("POST", "/api/login", raw=big)
check("login with a 40 KB body → 413", st == 413, (st, j))
big = json.dumps({"action": "note", "note": "长" * 30000}, ensure_ascii=False).encode()
st, j, _ = req("POST", act, raw=big, session=lhs, csrf=lhs_csrf)
check("an action with a 90 KB body → 413", st == 413, (st, j))

# ---- workflow through the API ----
c2 = "/api/cases/%d/actions" % CASES["lhasa2"]
st, cy, cy_csrf, _ = login("cyber", PW)
st, j, _ = req("POST", c2, {"action": "resolve", "note": "已付"}, session=cy, csrf=cy_csrf)
check("a step the workflow refuses (open → resolved) → 409", st == 409, (st, j))
st, j, _ = req("POST", c2, {"action": "assign"}, session=cy, csrf=cy_csrf)
check("assign without the assignee → 400", st == 400, (st, j))
steps = [("report", None, "reported"), ("assign", "拉萨市住建局", "assigned"),
         ("resolve", "2026-11-25 工资已全部发放 54000 元", "resolved"), ("close", None, "closed")]
good = True
for action, note, want in steps:
    body = {"action": action}
    if note:
        body["note"] = note
    st, j, _ = req("POST", c2, body, session=cy, csrf=cy_csrf)
    good = good and st == 200 and j["status"] == want
check("the cyberspace user reports, assigns, resolves and closes a case", good, (st, j))
check("the case's trail records each step by its user",
      j and [e["to"] for e in j["events"] if e["kind"] == "status"] == ["reported", "assigned", "resolved", "closed"]
      and all(e["actor"] == "cyber" for e in j["events"] if e["kind"] == "status"), j and j.get("events"))

# ---- filters and paging ----
st, j, _ = req("GET", "/api/cases?limit=1", session=cy)
check("paging: limit=1 gives one case and the total", st == 200 and len(j["cases"]) == 1 and j["total"] == 3, (st, j))
st, j, _ = req("GET", "/api/cases?limit=1&offset=1", session=cy)
check("paging: offset moves on", st == 200 and len(j["cases"]) == 1, (st, j))
st, j, _ = req("GET", "/api/cases?status=closed", session=cy)
check("filter by status", st == 200 and [c["id"] for c in j["cases"]] == [CASES["lhasa2"]], (st, j))
st, j, _ = req("GET", "/api/cases?q=%E6%B8%85%E6%B4%81", session=cy)
check("filter by text", st == 200 and [c["id"] for c in j["cases"]] == [nq], (st, j))
st, j, _ = req("GET", "/api/cases?q=%25", session=cy)
check("a % in the text is taken literally", st == 200 and j["total"] == 0, (st, j))

# ---- rate limit ----
codes = [login("victim", "wrong-password-%d" % i)[0] for i in range(5)]
check("five wrong passwords → 401 each", codes == [401] * 5, codes)
st, _, _, r = login("victim", PW)
check("the sixth try, even with the right password → 429 with Retry-After",
      st == 429 and int(r.getheader("Retry-After") or 0) > 0, st)
st, _, _, _ = login("cyber", PW)
check("another name is not locked", st == 200, st)

# ---- logout ----
st, j, _ = req("POST", "/api/logout", {}, session=lhs, csrf=lhs_csrf)
check("logout → 200", st == 200, (st, j))
st, j, _ = req("GET", "/api/me", session=lhs)
check("the session is over after logout → 401", st == 401, (st, j))

sys.exit(0 if checks.all_passed() else 1)
