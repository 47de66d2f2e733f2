"""The staff API client the test scripts share: one request, one login, one check line.

request() returns (status, parsed JSON or None, response, raw body); login() returns
(status, session token or None, CSRF token or None, response). The server under test is
always on 127.0.0.1.
"""
import http.client
import json


def request(port, method, path, body=None, session=None, csrf=None, ctype="application/json", raw=None,
            headers=None, timeout=30):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    h = dict(headers or {})
    if session:
        h["Cookie"] = "wa_session=" + session
    if csrf:
        h["X-CSRF-Token"] = csrf
    data = raw
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode()
    if data is not None and ctype:
        h["Content-Type"] = ctype
    conn.request(method, path, body=data, headers=h)
    r = conn.getresponse()
    content = r.read()
    conn.close()
    try:
        j = json.loads(content.decode("utf-8", "replace"))
    except ValueError:
        j = None
    return r.status, j, r, content


def login(port, name, password):
    st, j, r, _ = request(port, "POST", "/api/login", {"name": name, "password": password})
    if st != 200:
        return st, None, None, r
    token = (r.getheader("Set-Cookie") or "").split(";")[0].split("=", 1)[1]
    return st, token, j["csrf_token"], r


class Checks:
    """One "ok ..." or "FAIL name: detail" line per check; all_passed() for the exit status."""

    def __init__(self, detail_limit=400):
        self.results = []
        self.detail_limit = detail_limit

    def check(self, name, cond, detail=""):
        self.results.append(bool(cond))
        print(("ok   " if cond else "FAIL ") + name + ("" if cond else ": " + str(detail)[:self.detail_limit]),
              flush=True)

    def all_passed(self):
        return all(self.results)
