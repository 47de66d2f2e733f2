#!/usr/bin/env python3
"""Checks of wa-alertd's live stream, statistics, monthly report, analyst, admin and static
endpoints against a running server (started by test_api_reports.sh).

Usage: api_reports_check.py PORT ADMIN_PASSWORD TMPDIR ALERTD KAFKA_TOOL BROKERS CLASSIFY
TMPDIR holds api.db (the ledger), dict/ (the server's dictionary copy) and dash/ (its dashboard).
Prints one "ok ..." or "FAIL ..." line per check.
"""
import datetime
import http.client
import io
import json
import os
import queue
import sqlite3
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import staff_api  # noqa: E402

PORT = int(sys.argv[1])
ADMIN_PW, TMP, ALERTD, TOOL, BROKERS, CLASSIFY = sys.argv[2:8]
DB = os.path.join(TMP, "api.db")
PW = "correct-horse-1"


checks = staff_api.Checks(500)
check = checks.check


def req(method, path, body=None, session=None, csrf=None, ctype="application/json", raw=None, headers=None):
    return staff_api.request(PORT, method, path, body, session, csrf, ctype, raw, headers, timeout=60)


def login(name, password):
    return staff_api.login(PORT, name, password)[:3]


def hotline(ticket, pref, received_at=None, phone=None, workers=0, amount=0):
    body = {"channel": "12345", "ticket": ticket, "complainant": {"name": "次仁"},
            "unit": {"name": "%s市环卫公司%s" % (pref, ticket)}, "content": "环卫工人工资被拖欠",
            "region": {"prefecture": pref}, "workers": workers, "amount_yuan": amount}
    if phone:
        body["complainant"]["phone"] = phone
    if received_at:
        body["received_at"] = received_at
    st, j, _, _ = req("POST", "/api/complaints", body, headers={"Authorization": "Bearer test-token"})
    return j["case_id"] if st in (200, 201) else None


def ts(s):
    return int(datetime.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc).timestamp())


class Stream:
    """A Server-Sent Events client on its own thread; events land in a queue with their arrival time."""

    def __init__(self, session, headers=None, path="/api/stream"):
        self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
        h = {"Cookie": "wa_session=" + session, "Accept": "text/event-stream"}
        h.update(headers or {})
        self.conn.request("GET", path, headers=h)
        self.r = self.conn.getresponse()
        self.status = self.r.status
        self.ctype = self.r.getheader("Content-Type") or ""
        self.q = queue.Queue()
        self.seen = []
        self.closed = False
        if self.status == 200:
            threading.Thread(target=self._run, daemon=True).start()
        else:
            self.r.read()

    def _run(self):
        ev = {}
        try:
            while True:
                line = self.r.readline()
                if not line:
                    break
                line = line.decode("utf-8").rstrip("\r\n")
                if line == "":
                    if "event" in ev or "data" in ev:
                        self.q.put(ev)
                    ev = {}
                elif line.startswith(":"):
                    self.q.put({"comment": line[1:].strip()})
                else:
                    k, _, v = line.partition(":")
                    ev[k] = v[1:] if v.startswith(" ") else v
        except (OSError, ValueError, AttributeError, http.client.HTTPException):
            pass
        self.q.put(None)

    def wait(self, pred, timeout):
        """The first event (new or already seen) for which pred holds, or None."""
        for e in self.seen:
            if pred(e):
                return e
        end = time.time() + timeout
        while time.time() < end:
            try:
                e = self.q.get(timeout=max(0.01, end - time.time()))
            except queue.Empty:
                break
            if e is None:
                self.closed = True
                return None
            self.seen.append(e)
            if pred(e):
                return e
        return None

    def drain(self, secs):
        self.wait(lambda e: False, secs)
        return self.seen

    def close(self):
        try:
            self.conn.sock.shutdown(2)
        except OSError:
            pass
        self.conn.close()


def case_event(case_id):
    def p(e):
        if e.get("event") != "case":
            return False
        return json.loads(e["data"]).get("id") == case_id
    return p


# ---- anonymous ----
for method, path in [("GET", "/api/stream"), ("GET", "/api/stats"), ("GET", "/api/reports/monthly?month=2026-11"),
                     ("GET", "/api/reports/monthly?month=2026-11&format=xlsx"), ("POST", "/api/explain"),
                     ("GET", "/api/dict"), ("POST", "/api/dict/reload"), ("GET", "/api/audit/pii"),
                     ("GET", "/api/users"), ("GET", "/metrics")]:
    st, j, _, _ = req(method, path, {"text": "x"} if method == "POST" else None)
    check("anonymous %s %s → 401" % (method, path), st == 401, (st, j))

st, admin, admin_csrf = login("admin", ADMIN_PW)
check("admin logs in", st == 200, st)
sessions = {}
for name in ["lhasa-housing", "nagqu-housing", "cyber", "analyst1", "petition1", "leaver"]:
    st, tok, csrf = login(name, PW)
    sessions[name] = (tok, csrf)
check("six users log in", all(v[0] for v in sessions.values()), sessions)
lhs, lhs_csrf = sessions["lhasa-housing"]
nqs, _ = sessions["nagqu-housing"]
cy, cy_csrf = sessions["cyber"]
an, an_csrf = sessions["analyst1"]
pe, _ = sessions["petition1"]

# ---- the live stream: hotline cases ----
s_l, s_n, s_a = Stream(lhs), Stream(nqs), Stream(admin)
check("GET /api/stream → 200 text/event-stream",
      s_l.status == 200 and s_l.ctype.startswith("text/event-stream") and s_n.status == 200, (s_l.status, s_l.ctype))
check("the stream says it is open at once", s_l.wait(lambda e: e.get("comment") == "connected", 3) is not None,
      s_l.seen)
t0 = time.time()
new_l = hotline("SSE-L1", "拉萨", phone="13900001234")
e = s_l.wait(case_event(new_l), 2.0)
lat = time.time() - t0
check("a new Lhasa case reaches the Lhasa stream within 2 s (%.2f s)" % lat, e is not None, s_l.seen)
d = json.loads(e["data"]) if e else {}
check("the case event carries the contract's fields",
      all(k in d for k in ["id", "level", "status", "prefecture", "county", "unit", "title", "opened_at",
                           "report_due", "resolve_due"]) and d.get("prefecture") == "拉萨" and d.get("status") == "open"
      and e.get("id", "").count(":") == 1, (e, d))
first_id = e.get("id") if e else None
t0 = time.time()
new_n = hotline("SSE-N1", "那曲")
e = s_n.wait(case_event(new_n), 2.0)
check("a new Nagqu case reaches the Nagqu stream within 2 s (%.2f s)" % (time.time() - t0), e is not None, s_n.seen)
check("the admin's stream has both", s_a.wait(case_event(new_l), 2) and s_a.wait(case_event(new_n), 2), s_a.seen)
s_l.drain(1.0)
check("the Lhasa stream never shows the Nagqu case",
      not any(x.get("event") in ("case", "hit") and json.loads(x["data"]).get("prefecture") == "那曲" for x in s_l.seen),
      s_l.seen)
check("the Nagqu stream never shows the Lhasa case",
      not any(x.get("event") == "case" and json.loads(x["data"]).get("prefecture") == "拉萨" for x in s_n.seen),
      s_n.seen)
# A change is an event too.
st, j, _, _ = req("POST", "/api/cases/%d/actions" % new_l, {"action": "note", "note": "已联系"}, session=lhs, csrf=lhs_csrf)
e = s_l.wait(lambda x: x.get("event") == "case" and json.loads(x["data"]).get("change") == "note", 2.0)
check("a progress note on the case reaches the stream as a case change", st == 200 and e is not None, (st, s_l.seen))

# ---- the live stream: a hit through Kafka ----
doc = {"id": "doc-sse-1", "title": "拉萨环卫工人被拖欠工资", "source": "test", "url": "http://example.org/1",
       "text": "😀拉萨市城关区净美环卫公司拖欠12名环卫工人三个月工资共5万元，工人多次讨要无果。"}
out = subprocess.run([CLASSIFY, "--dict", os.path.join(TMP, "dict")], input=json.dumps(doc, ensure_ascii=False) + "\n",
                     capture_output=True, text=True)
hit = out.stdout.strip()
check("wa-classify makes a hit of the test document", out.returncode == 0 and '"matches"' in hit, out.stderr[-300:])
with open(os.path.join(TMP, "hit.jsonl"), "w", encoding="utf-8") as f:
    f.write(hit + "\n")
t0 = time.time()
pr = subprocess.run([TOOL, "produce", "--brokers", BROKERS, "--topic", "wa.hits", os.path.join(TMP, "hit.jsonl")],
                    capture_output=True, text=True)
e = s_l.wait(lambda x: x.get("event") == "hit" and json.loads(x["data"]).get("doc_id") == "doc-sse-1", 30)
check("a hit pushed through Kafka reaches the Lhasa stream as a hit event (%.1f s after producing)" % (time.time() - t0),
      pr.returncode == 0 and e is not None, (pr.stderr[-300:], s_l.seen[-5:]))
hd = json.loads(e["data"]) if e else {}
kafka_case = hd.get("case_id")
check("the hit event carries case_id, doc_id, level, title",
      all(k in hd for k in ["case_id", "doc_id", "level", "title"]), hd)
check("the hit's new case came as a case event first", s_l.wait(case_event(kafka_case), 1) is not None, s_l.seen[-5:])
check("the Nagqu stream did not get the Lhasa hit",
      not any(x.get("event") == "hit" for x in s_n.drain(0.5)), s_n.seen)

# Resume from the first event: what came after it, not it.
s_r = Stream(lhs, headers={"Last-Event-ID": first_id or "0:0"})
got = s_r.wait(case_event(kafka_case), 3)
check("Last-Event-ID replays the events after it", got is not None, s_r.seen)
check("... and not the event it names",
      not any(x.get("id") == first_id for x in s_r.seen), s_r.seen)
s_r.close()
st, j, _, _ = req("GET", "/api/stream?since=bogus", session=lhs)
check("a malformed since → 400", st == 400, (st, j))

# ---- case detail: the hit's spans ----
st, j, _, _ = req("GET", "/api/cases/%s" % kafka_case, session=lhs)
h = (j or {}).get("hits", [{}])[0] if j and j.get("hits") else {}
spans = h.get("spans", [])
text = h.get("text") or ""
ok_slices = bool(spans) and all(
    text.encode()[sp["start"]:sp["end"]].decode() == text[sp["start_char"]:sp["end_char"]]
    and text.encode("utf-16-le")[2 * sp["start_u16"]:2 * sp["end_u16"]].decode("utf-16-le")
    == text[sp["start_char"]:sp["end_char"]]
    for sp in spans if sp["field"] == "text")
check("case detail: the hit has its text and spans whose byte, code-point and UTF-16 offsets agree",
      st == 200 and text == doc["text"] and ok_slices and any(sp["start_u16"] != sp["start_char"] for sp in spans
                                                                 if sp["field"] == "text"), (st, h))
check("case detail: a span slices the text to its term",
      any(text[sp["start_char"]:sp["end_char"]] == sp["term"] == "环卫" for sp in spans), spans[:5])
check("case detail: the stored hit body is not sent as such", "body" not in h, list(h.keys()))

# ---- cases with known times for the monthly report (November 2026, Beijing time) ----
known = [  # ticket, prefecture, received (UTC), workers, amount, reported after s, resolved after s, status
    ("L1", "拉萨", "2026-11-03T02:00:00Z", 12, 54000, 3600, 20 * 3600, "resolved"),
    ("L2", "拉萨", "2026-11-10T02:00:00Z", 5, 10000, 3 * 3600, 30 * 3600, "resolved"),
    ("L3", "拉萨", "2026-11-20T02:00:00Z", 3, 6000, 3600, None, "reported"),
    ("L4", "拉萨", "2026-11-25T02:00:00Z", 9, 9000, None, None, "dismissed"),
    ("L5", "拉萨", "2026-10-31T17:00:00Z", 2, 1000, 1800, 7200, "resolved"),     # Beijing 1 Nov 01:00: in
    ("L6", "拉萨", "2026-11-30T16:30:00Z", 4, 4000, 1800, 7200, "resolved"),     # Beijing 1 Dec 00:30: out
    ("L7", "拉萨", "2026-10-31T15:00:00Z", 4, 4000, 1800, 7200, "resolved"),     # Beijing 31 Oct 23:00: out
    ("N1", "那曲", "2026-11-15T02:00:00Z", 7, 20000, 3600, 10 * 3600, "resolved"),
]
ids = {}
for t, pref, at, w, amt, rep, res, status in known:
    ids[t] = hotline("M-" + t, pref, at, phone="13800002222", workers=w, amount=amt)
check("eight cases with known times recorded", all(ids.values()), ids)
# Let the clocks mark them first (they were open past both deadlines), then set the handling times:
# after that the clocks leave them alone.
db = sqlite3.connect(DB, timeout=30)
end = time.time() + 20
while time.time() < end:
    n = db.execute("SELECT count(*) FROM cases WHERE id IN (%s) AND report_overdue = 1 AND resolve_overdue = 1"
                   % ",".join(str(i) for i in ids.values())).fetchone()[0]
    if n == len(ids):
        break
    time.sleep(0.2)
with db:
    for t, pref, at, w, amt, rep, res, status in known:
        o = ts(at)
        db.execute("UPDATE cases SET status = ?, reported_at = ?, resolved_at = ?, report_overdue = ?,"
                   " resolve_overdue = ? WHERE id = ?",
                   (status, o + rep if rep else None, o + res if res else None,
                    1 if rep and rep > 7200 else 0, 1 if (res or 10 ** 9) > 86400 else 0, ids[t]))
db.close()

want_l = {"prefecture": "拉萨", "opened": 4, "resolved": 3, "overdue": 2, "dismissed": 1, "workers": 22,
          "amount_yuan": 71000, "reported_within_2h_share": 0.75, "resolved_within_24h_share": 0.5}
want_n = {"prefecture": "那曲", "opened": 1, "resolved": 1, "overdue": 0, "dismissed": 0, "workers": 7,
          "amount_yuan": 20000, "reported_within_2h_share": 1.0, "resolved_within_24h_share": 1.0}
want_t = {"prefecture": "合计", "opened": 5, "resolved": 4, "overdue": 2, "dismissed": 1, "workers": 29,
          "amount_yuan": 91000, "reported_within_2h_share": 0.8, "resolved_within_24h_share": 0.6}


def row_of(rep, pref):
    return next((r for r in rep.get("rows", []) if r["prefecture"] == pref), None)


st, j, _, _ = req("GET", "/api/reports/monthly?month=2026-11&format=json", session=admin)
check("monthly report JSON: Lhasa's numbers exact", st == 200 and row_of(j, "拉萨") == want_l, (st, j and row_of(j, "拉萨")))
check("monthly report JSON: Nagqu's numbers exact", st == 200 and row_of(j, "那曲") == want_n, j and row_of(j, "那曲"))
check("monthly report JSON: the total", st == 200 and j["total"] == want_t, j and j.get("total"))
check("monthly report JSON: all seven prefectures, empty ones with null shares",
      st == 200 and [r["prefecture"] for r in j["rows"]] == ["拉萨", "日喀则", "昌都", "林芝", "山南", "那曲", "阿里"]
      and row_of(j, "阿里")["opened"] == 0 and row_of(j, "阿里")["reported_within_2h_share"] is None, j)
st, j, _, _ = req("GET", "/api/reports/monthly?month=2026-11", session=lhs)
check("the Lhasa user's report: the Lhasa row only, total = Lhasa",
      st == 200 and [r["prefecture"] for r in j["rows"]] == ["拉萨"]
      and {k: v for k, v in j["total"].items() if k != "prefecture"} == {k: v for k, v in want_l.items() if k != "prefecture"},
      j)
st, j, _, _ = req("GET", "/api/reports/monthly?month=2026-13", session=admin)
check("a bad month → 400", st == 400, (st, j))
st, j, _, _ = req("GET", "/api/reports/monthly?month=2026-11&format=pdf", session=admin)
check("a bad format → 400", st == 400, (st, j))

st, _, r, content = req("GET", "/api/reports/monthly?month=2026-11&format=csv", session=admin)
lines = content.decode("utf-8-sig").splitlines() if st == 200 else []
check("CSV: BOM, attachment name, Chinese header",
      st == 200 and content.startswith(b"\xef\xbb\xbf") and 'filename="wa-report-2026-11.csv"' in (r.getheader("Content-Disposition") or "")
      and lines[0].startswith("地市,立案数,已解决,超时"), (st, r.getheader("Content-Disposition"), lines[:1]))
check("CSV: the Lhasa, Nagqu and total rows",
      "拉萨,4,3,2,1,22,71000,75.0%,50.0%" in lines and "那曲,1,1,0,0,7,20000,100.0%,100.0%" in lines
      and lines[-1] == "合计,5,4,2,1,29,91000,80.0%,60.0%", lines)
st, _, r, content = req("GET", "/api/reports/monthly?month=2026-11&format=csv", session=nqs)
check("CSV of the Nagqu user: no Lhasa row",
      st == 200 and "拉萨" not in content.decode("utf-8-sig") and "那曲,1,1,0,0,7,20000" in content.decode("utf-8-sig"), content[:300])

st, _, r, content = req("GET", "/api/reports/monthly?month=2026-11&format=xlsx", session=admin)
cells = {}
try:
    z = zipfile.ZipFile(io.BytesIO(content))
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
    for c in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter("{%s}c" % ns["m"]):
        v = c.find("m:v", ns)
        if v is None:
            continue
        cells[c.get("r")] = shared[int(v.text)] if c.get("t") == "s" else float(v.text)
    xlsx_ok = True
except (zipfile.BadZipFile, KeyError, ET.ParseError, ValueError) as ex:
    xlsx_ok = str(ex)
check("XLSX opens (zip, sheet1.xml) with its attachment name and type",
      st == 200 and xlsx_ok is True and 'filename="wa-report-2026-11.xlsx"' in (r.getheader("Content-Disposition") or "")
      and "spreadsheetml" in (r.getheader("Content-Type") or ""), (st, xlsx_ok))
check("XLSX: header, Lhasa row and total read back",
      cells.get("A1") == "地市" and cells.get("A2") == "拉萨" and [cells.get(c + "2") for c in "BCDEFGHI"]
      == [4, 3, 2, 1, 22, 71000, 0.75, 0.5] and cells.get("A9") == "合计"
      and [cells.get(c + "9") for c in "BCDEFGHI"] == [5, 4, 2, 1, 29, 91000, 0.8, 0.6], cells)

# ---- statistics ----
st, j, _, _ = req("GET", "/api/stats?from=2026-11-01&to=2026-12-01", session=admin)
bp = {x["prefecture"]: x for x in (j or {}).get("by_prefecture", [])}
check("stats: cases by prefecture in the range (dates are Beijing days)",
      st == 200 and bp.get("拉萨", {}).get("cases") == 5 and bp.get("那曲", {}).get("cases") == 1, (st, j))
check("stats: by day (Beijing days) and by level",
      st == 200 and {"day": "2026-11-03", "cases": 1, "hits": 0} in j["by_day"]
      and {"day": "2026-11-01", "cases": 1, "hits": 0} in j["by_day"]
      and not any(x["day"] == "2026-12-01" for x in j["by_day"])
      and j["by_level"] == [{"level": "orange", "cases": 6}], j)
st, j, _, _ = req("GET", "/api/stats?from=2026-11-01&to=2026-12-01", session=lhs)
check("stats of the Lhasa user: no Nagqu", st == 200 and [x["prefecture"] for x in j["by_prefecture"]] == ["拉萨"], j)
st, j, _, _ = req("GET", "/api/stats", session=lhs)
bp = {x["prefecture"]: x for x in (j or {}).get("by_prefecture", [])}
check("stats default (last 30 days) count the live hit", st == 200 and bp.get("拉萨", {}).get("hits", 0) >= 1, j)
st, j, _, _ = req("GET", "/api/stats?from=yesterday", session=lhs)
check("stats with a bad time → 400", st == 400, (st, j))

# ---- case list: from/to, SLA ----
st, j, _, _ = req("GET", "/api/cases?from=2026-11-01&to=2026-11-05", session=admin)
check("cases from/to (Beijing days): the cases opened in the range",
      st == 200 and [c["id"] for c in j["cases"]] == [ids["L1"], ids["L5"]], j)
st, j, _, _ = req("GET", "/api/cases?from=2026-11-03T00:00:00Z&to=2026-11-03T03:00:00Z", session=admin)
check("cases from/to (UTC times)", st == 200 and [c["id"] for c in j["cases"]] == [ids["L1"]], j)
st, j, _, _ = req("GET", "/api/cases?from=soon", session=admin)
check("cases with a bad from → 400", st == 400, (st, j))
st, j, _, _ = req("GET", "/api/cases?limit=200", session=admin)
byid = {c["id"]: c for c in (j or {}).get("cases", [])}
now = int(time.time())
check("case list: now, report_due and resolve_due on every item",
      st == 200 and abs(j.get("now", 0) - now) < 30 and all("report_due" in c and "resolve_due" in c for c in byid.values()), j)
check("SLA: a late case is overdue, a met one on_time, a fresh one on_time",
      byid.get(ids["L3"], {}).get("sla") == "overdue" and byid.get(ids["L2"], {}).get("sla") == "overdue"
      and byid.get(ids["L1"], {}).get("sla") == "on_time" and byid.get(new_l, {}).get("sla") == "on_time",
      [(i, byid.get(i, {}).get("sla")) for i in (ids["L3"], ids["L2"], ids["L1"], new_l)])
soon = hotline("SOON", "拉萨", datetime.datetime.fromtimestamp(now - 7200 + 600, datetime.timezone.utc)
               .strftime("%Y-%m-%dT%H:%M:%SZ"))
st, j, _, _ = req("GET", "/api/cases?limit=5", session=admin)
check("SLA: a case whose fast report is due in 10 minutes is due_soon",
      st == 200 and {c["id"]: c for c in j["cases"]}.get(soon, {}).get("sla") == "due_soon", j)

# ---- explain ----
text = "😀拉萨市城关区净美环卫公司拖欠12名环卫工人三个月工资共5万元，工人多次讨要无果。"
st, j, _, _ = req("POST", "/api/explain", {"text": text}, session=an)
check("CSRF: explain without the token → 403", st == 403, (st, j))
st, j, _, _ = req("POST", "/api/explain", {"text": text}, session=an, csrf=an_csrf)
spans = (j or {}).get("spans", [])
check("explain: a hit with score, level, rules, entities, region and dict_version",
      st == 200 and j["hit"] is True and j["level"] in ("red", "orange", "yellow", "blue") and j["rules"]
      and all("name" in x and "detail" in x for x in j["rules"]) and j["region"].get("prefecture") in ("拉萨", "拉萨市")
      and j["entities"].get("workers") == 12 and len(j["dict_version"]) == 32, j)
check("explain: byte offsets slice the UTF-8 text to each span",
      spans and all(text.encode()[s["start"]:s["end"]].decode() == text[s["start_char"]:s["end_char"]] for s in spans)
      and any(text.encode()[s["start"]:s["end"]].decode() == s["term"] for s in spans), spans[:4])
check("explain: UTF-16 offsets (JavaScript) slice to the same text",
      all(text.encode("utf-16-le")[2 * s["start_u16"]:2 * s["end_u16"]].decode("utf-16-le") == text[s["start_char"]:s["end_char"]]
          for s in spans) and spans[0]["start_u16"] == spans[0]["start_char"] + 1, spans[:2])
st, j, _, _ = req("POST", "/api/explain", {"text": "今天天气很好"}, session=cy, csrf=cy_csrf)
check("explain for the cyberspace role; a text that is not a hit", st == 200 and j["hit"] is False and j["level"] is None, j)
st, j, _, _ = req("POST", "/api/explain", {"text": text}, session=lhs, csrf=lhs_csrf)
check("explain for the housing role → 403", st == 403, (st, j))
st, j, _, _ = req("POST", "/api/explain", {"title": "x"}, session=an, csrf=an_csrf)
check("explain without text → 400", st == 400, (st, j))
big = json.dumps({"text": "环卫" * 12000}, ensure_ascii=False).encode()
st, j, _, _ = req("POST", "/api/explain", raw=big, session=an, csrf=an_csrf)
check("explain with a 72 KB body (over 64 KiB) → 413", st == 413, (st, j))
mid = json.dumps({"text": "环卫工人工资拖欠" * 1200}, ensure_ascii=False).encode()
st, j, _, _ = req("POST", "/api/explain", raw=mid, session=an, csrf=an_csrf)
check("explain takes a 29 KB article", st == 200 and j["hit"] in (True, False), (st, j and j.get("error")))

# ---- dictionary ----
st, j, _, _ = req("GET", "/api/dict", session=an)
version = (j or {}).get("dict_version")
check("GET /api/dict: version and term counts", st == 200 and len(version or "") == 32 and j["terms"] > 100
      and any(g["name"] == "subject" and g["terms"] > 0 for g in j["groups"]), j)
st, j, _, _ = req("POST", "/api/dict/reload", {}, session=an)
check("CSRF: reload without the token → 403", st == 403, (st, j))
st, j, _, _ = req("POST", "/api/dict/reload", {}, session=cy, csrf=cy_csrf)
check("reload by the cyberspace role → 403", st == 403, (st, j))
terms = os.path.join(TMP, "dict", "zh", "terms.dict")
with open(terms, encoding="utf-8") as f:
    original = f.read()
with open(terms, "a", encoding="utf-8") as f:
    f.write("\n[nosuchgroup]\n某词\n")
st, j, _, _ = req("POST", "/api/dict/reload", {}, session=an, csrf=an_csrf)
check("reload of a broken dictionary → 422 with the problem, version unchanged",
      st == 422 and any("nosuchgroup" in p for p in j["problems"]) and j["dict_version"] == version, (st, j))
st, j, _, _ = req("GET", "/api/dict", session=an)
check("the old dictionary stays in force", st == 200 and j["dict_version"] == version, j)
st, j, _, _ = req("POST", "/api/explain", {"text": text}, session=an, csrf=an_csrf)
check("explain still works after the refused reload", st == 200 and j["hit"] is True and j["dict_version"] == version, j)
with open(terms, "w", encoding="utf-8") as f:
    f.write(original + "\n[subject]\n扫街工友测试词\n")
st, j, _, _ = req("POST", "/api/dict/reload", {}, session=an, csrf=an_csrf)
check("reload of a changed dictionary → 200 with a new version", st == 200 and j["dict_version"] != version
      and j["previous"] == version, (st, j))

# ---- personal data ----
st, j, _, _ = req("GET", "/api/cases/%d" % new_l, session=pe)
check("the petition role sees the phone unmasked", st == 200 and j.get("complainant_phone") == "13900001234", j)
st, j, _, _ = req("GET", "/api/cases/%d" % new_l, session=lhs)
check("the housing role sees it masked", st == 200 and j.get("complainant_phone") == "139****1234", j)
st, j, _, _ = req("GET", "/api/audit/pii", session=admin)
views = (j or {}).get("views", [])
check("the unmasked view is recorded (who, when, case)",
      st == 200 and any(v["user"] == "petition1" and v["case_id"] == new_l and "phone" in v["fields"]
                        and abs(v["at"] - time.time()) < 60 for v in views), j)
check("the masked view is not", not any(v["user"] == "lhasa-housing" for v in views), views)
st, j, _, _ = req("GET", "/api/audit/pii", session=cy)
check("the PII audit is for admins only → 403", st == 403, (st, j))
db = sqlite3.connect(DB, timeout=30)
try:
    db.execute("DELETE FROM pii_views")
    db.commit()
    appendonly = False
except sqlite3.DatabaseError as ex:
    appendonly = "append-only" in str(ex)
db.close()
check("pii_views refuses deletes", appendonly)

# ---- accounts ----
st, j, _, _ = req("GET", "/api/users", session=admin)
check("GET /api/users for the admin", st == 200 and any(u["name"] == "leaver" and u["disabled"] == 0 for u in j["users"])
      and all("pwhash" not in u for u in j["users"]), j)
st, j, _, _ = req("GET", "/api/users", session=an)
check("GET /api/users for an analyst → 403", st == 403, (st, j))
lv, _ = sessions["leaver"]
s_lv = Stream(lv)
out = subprocess.run([ALERTD, "users", "disable", "leaver", "--db", DB], capture_output=True, text=True)
check("users disable leaver", out.returncode == 0, out.stderr)
st, j, _, _ = req("GET", "/api/me", session=lv)
check("the disabled user's session has ended → 401", st == 401, (st, j))
st, _, _ = login("leaver", PW)
check("the disabled user cannot log in → 401", st == 401, st)
s_lv.wait(lambda e: False, 20)
check("the disabled user's live stream ends (within 20 s)", s_lv.closed, s_lv.seen[-3:])
st, j, _, _ = req("GET", "/api/users", session=admin)
check("GET /api/users shows the user disabled", st == 200 and any(u["name"] == "leaver" and u["disabled"] == 1 for u in j["users"]), j)
out = subprocess.run([ALERTD, "users", "enable", "leaver", "--db", DB], capture_output=True, text=True)
st, _, _ = login("leaver", PW)
check("users enable: the user logs in again", out.returncode == 0 and st == 200, (out.stderr, st))

# ---- metrics ----
st, _, r, content = req("GET", "/metrics", session=admin)
check("/metrics for an admin: Prometheus text", st == 200 and b"wa_alertd_hits_in_total" in content
      and (r.getheader("Content-Type") or "").startswith("text/plain"), (st, content[:200]))
st, j, _, _ = req("GET", "/metrics", session=an)
check("/metrics for an analyst → 403", st == 403, (st, j))

# ---- static files ----
csp = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
       " font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
st, _, r, content = req("GET", "/")
check("GET / → index.html with the strict CSP, nosniff, no-cache",
      st == 200 and b"<title>wa</title>" in content and r.getheader("Content-Security-Policy") == csp
      and r.getheader("X-Content-Type-Options") == "nosniff" and (r.getheader("Content-Type") or "").startswith("text/html")
      and r.getheader("Cache-Control") == "no-cache", (st, dict(r.getheaders())))
st, _, r, content = req("GET", "/static/js/app.js")
check("GET /static/js/app.js → JavaScript", st == 200 and (r.getheader("Content-Type") or "").startswith("text/javascript")
      and b"console.log" in content, (st, r.getheader("Content-Type")))
bad_paths = ["/static/../outside/secret.txt", "/static/js/../../outside/secret.txt", "/static/%2e%2e/outside/secret.txt",
             "/static/%252e%252e/outside/secret.txt", "/static/..%2foutside%2fsecret.txt", "/static/link.txt",
             "/static/.hidden.txt", "/static/js//app.js", "/static/", "/static/nothing.js", "/static/js/app.exe"]
res = [(p, req("GET", p)) for p in bad_paths]
check("traversal, encoded traversal, links out, hidden files, unknown types → 404 without the content",
      all(x[1][0] == 404 and b"secret" not in x[1][3] and b"hidden" not in x[1][3] for x in res),
      [(p, x[0]) for p, x in res])
st, _, r, content = req("GET", "/static/fonts/tibetan.ttf")
check("GET /static/fonts/tibetan.ttf → the Tibetan font", st == 200 and r.getheader("Content-Type") == "font/ttf"
      and len(content) > 100000, (st, r.getheader("Content-Type"), len(content)))
st, _, _, _ = req("POST", "/", raw=b"x")
check("POST / → 405", st == 405, st)

# ---- the bound on streams ----
extra = []
refused = None
for i in range(40):
    x = Stream(cy)
    if x.status != 200:
        refused = x.status
        break
    extra.append(x)
check("at most 32 live streams at once, then 503 (%d opened here)" % len(extra),
      refused == 503 and len(extra) < 32, (refused, len(extra)))
st, j, _, _ = req("GET", "/api/me", session=cy)
check("other requests are still answered while 32 streams wait", st == 200, (st, j))
for x in extra:
    x.close()
time.sleep(2.5)
again = Stream(cy)
check("closed streams free their places within a second or two", again.status == 200, again.status)
again.close()

for s in (s_l, s_n, s_a):
    s.close()
sys.exit(0 if checks.all_passed() else 1)
