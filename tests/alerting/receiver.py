#!/usr/bin/env python3
"""Local receivers for the alerting tests: an HTTP server for webhooks and the
WeCom / DingTalk robot formats, and an SMTP server. Every message received is
appended as one JSON line to the log file (flushed at once), so a test can
count what arrived, by idempotency key.

  receiver.py http PORT_FILE LOG [--secret S] [--fail-file F] [--port N]
  receiver.py smtp PORT_FILE LOG

The port (picked by the kernel) is written to PORT_FILE once listening. While
--fail-file exists, the HTTP server answers 503 (a receiver that is down but
reachable); stopping the process makes it unreachable.
"""
import base64
import email
import email.policy
import hashlib
import hmac
import json
import os
import socket
import socketserver
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def log_line(path, obj, lock=threading.Lock()):
    with lock:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
            f.flush()


def write_port(port_file, port):
    tmp = port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(port))
    os.rename(tmp, port_file)


def run_http(port_file, log, secret, fail_file, port):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def setup(self):
            super().setup()
            # Headers and body leave in two writes: without this, Nagle's algorithm and the
            # client's delayed ACK hold every answer back by 40 ms.
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def do_POST(self):
            n = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(n)
            if fail_file and os.path.exists(fail_file):
                self.answer(503, b'{"error":"down"}')
                return
            entry = {"path": self.path, "key": self.headers.get("Idempotency-Key"),
                     "recv_us": int(time.time() * 1e6)}
            try:
                doc = json.loads(body)
            except ValueError:
                self.answer(400, b'{"error":"not json"}')
                return
            if self.path.startswith("/hook"):
                ts = self.headers.get("X-WA-Timestamp", "")
                want = "sha256=" + hmac.new(secret.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
                entry["signature_ok"] = hmac.compare_digest(want, self.headers.get("X-WA-Signature", ""))
                entry["kind"] = doc.get("kind")
                entry["case"] = doc.get("case", {}).get("id")
                entry["office"] = doc.get("office")
                entry["text"] = doc.get("text")
                entry["links"] = doc.get("case", {}).get("links")
                log_line(log, entry)
                self.answer(200, b'{"ok":true}')
            else:  # robots: WeCom (/wecom) or DingTalk (/dingtalk)
                entry["msgtype"] = doc.get("msgtype")
                entry["markdown"] = doc.get("markdown")
                log_line(log, entry)
                self.answer(200, b'{"errcode":0,"errmsg":"ok"}')

        def answer(self, code, body):
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    ThreadingHTTPServer.daemon_threads = True
    srv = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    write_port(port_file, srv.server_address[1])
    srv.serve_forever()


def run_smtp(port_file, log):
    class Handler(socketserver.StreamRequestHandler):
        def send(self, line):
            self.wfile.write(line.encode() + b"\r\n")
            self.wfile.flush()

        def handle(self):
            self.send("220 localhost test SMTP")
            rcpt, sender = [], None
            while True:
                line = self.rfile.readline()
                if not line:
                    return
                cmd = line.decode("utf-8", "replace").strip()
                verb = cmd.split(" ")[0].upper()
                if verb in ("EHLO", "HELO"):
                    self.send("250 localhost")
                elif verb == "MAIL":
                    sender = cmd[10:]
                    rcpt = []
                    self.send("250 OK")
                elif verb == "RCPT":
                    rcpt.append(cmd[8:])
                    self.send("250 OK")
                elif verb == "DATA":
                    self.send("354 go ahead")
                    data = b""
                    while True:
                        l = self.rfile.readline()
                        if not l or l in (b".\r\n", b".\n"):
                            break
                        data += l[1:] if l.startswith(b"..") else l
                    msg = email.message_from_bytes(data, policy=email.policy.default)
                    log_line(log, {"from": sender, "to": rcpt, "key": msg.get("Idempotency-Key"),
                                   "subject": str(msg["Subject"]), "body": msg.get_content()})
                    self.send("250 OK queued")
                elif verb == "QUIT":
                    self.send("221 bye")
                    return
                else:
                    self.send("250 OK")

    socketserver.ThreadingTCPServer.allow_reuse_address = True
    socketserver.ThreadingTCPServer.daemon_threads = True
    srv = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    write_port(port_file, srv.server_address[1])
    srv.serve_forever()


def main():
    args = sys.argv[1:]
    opts = {}
    while len(args) > 3 and args[-2].startswith("--"):
        opts[args[-2]] = args[-1]
        args = args[:-2]
    if len(args) != 3 or args[0] not in ("http", "smtp"):
        sys.stderr.write(__doc__)
        sys.exit(2)
    if args[0] == "http":
        run_http(args[1], args[2], opts.get("--secret", "test-secret"), opts.get("--fail-file"),
                 int(opts.get("--port", "0")))
    else:
        run_smtp(args[1], args[2])


if __name__ == "__main__":
    main()
