#!/usr/bin/env bash
# bench/alertd.sh — the alerting service (issue "Alerting service", SPEC §6): hits per second into
# cases, and the latency from a hit produced to its webhook received, on a local bin/wa-kafka-dev
# cluster, a local webhook receiver (tests/alerting/receiver.py) and a fresh ledger.
#
#   throughput  ALERT_BENCH_HITS hits (incidents of 20 posts each, unit names in several forms,
#               Chinese and Tibetan) are produced to wa.hits first, then one wa-alertd consumes
#               them with one webhook route; hits/s = hits / (time the last hit was stored - time
#               the first was), read from the ledger every 50 ms.
#   latency     hits of distinct incidents (each opens a case and sends one webhook) produced at
#               ALERT_BENCH_RATE hits/s for ALERT_BENCH_SECONDS with the send time stamped into
#               each hit; the receiver notes when each webhook arrives; after a 3 s warm-up:
#               p50, p90, p99, max of (webhook received - hit sent).
#
# Everything shares this machine's cores. Results go to stdout and $BENCH_OUT/alertd-report.txt.
# Exit status 0 when the benchmark ran (missed targets are printed as such), 1 when it could not.
#
# Environment: WA_ALERTD, WA_KAFKA_DEV, WA_KAFKA_TOOL (binaries), BENCH_OUT (bench/out),
# ALERT_BENCH_HITS (100000), ALERT_BENCH_RATE (1000), ALERT_BENCH_SECONDS (20).
set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${BENCH_OUT:-$ROOT/bench/out}
ALERTD=${WA_ALERTD:-$ROOT/bin/wa-alertd}
DEV=${WA_KAFKA_DEV:-$ROOT/bin/wa-kafka-dev}
TOOL=${WA_KAFKA_TOOL:-$ROOT/build/tests/wa-kafka-tool}
HITS=${ALERT_BENCH_HITS:-100000}
RATE=${ALERT_BENCH_RATE:-1000}
SECS=${ALERT_BENCH_SECONDS:-20}
T_HITS_S=5000   # target: hits/s into cases
T_P99_MS=500    # target: p99 hit -> webhook at 1,000 hits/s
export LC_NUMERIC=C
unset WA_KAFKA_BROKERS

log() { printf '[alertd-bench] %s\n' "$*" >&2; }
die() { printf '[alertd-bench] error: %s\n' "$*" >&2; exit 1; }
for b in "$ALERTD" "$DEV" "$TOOL"; do [ -x "$b" ] || die "$b is missing (run make)"; done
case $HITS in ''|*[!0-9]*|0) die "ALERT_BENCH_HITS must be a positive number" ;; esac
case $RATE in ''|*[!0-9]*|0) die "ALERT_BENCH_RATE must be a positive number" ;; esac
case $SECS in ''|*[!0-9]*|0) die "ALERT_BENCH_SECONDS must be a positive number" ;; esac
mkdir -p "$OUT" || die "cannot create $OUT"
tmp=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
	sleep 0.5
	for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
	wait 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

wait_for() {
	local end=$((SECONDS + $1))
	shift
	while [ $SECONDS -lt $end ]; do
		"$@" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

# start NAME PARTITIONS: a cluster, a receiver and the configuration; sets B and PORT
start() {
	"$DEV" --partitions "$2" --bootstrap-file "$tmp/$1.bs" >/dev/null 2>"$tmp/$1.dev.err" &
	pids+=($!)
	wait_for 30 test -s "$tmp/$1.bs" || die "wa-kafka-dev did not start"
	B=$(cat "$tmp/$1.bs")
	python3 "$ROOT/tests/alerting/receiver.py" http "$tmp/$1.port" "$tmp/$1.recv" --secret bench 2>/dev/null &
	pids+=($!)
	wait_for 30 test -s "$tmp/$1.port" || die "the webhook receiver did not start"
	PORT=$(cat "$tmp/$1.port")
	cat >"$tmp/$1.json" <<EOC
{"kafka": {"consumer": {"fetch.wait.max.ms": 10}},
 "alerting": {"group": "bench-$1", "routes": [
   {"name": "cyber", "office": "cyberspace", "channel": "webhook", "url": "http://127.0.0.1:$PORT/hook", "secret": "bench"}]}}
EOC
}

# ---- throughput -------------------------------------------------------------------------------
per=20
incidents=$(((HITS + per - 1) / per))
log "generating $HITS hits of $incidents incidents"
python3 "$ROOT/tests/alerting/gen_hits.py" "$incidents" "$per" "$tmp/t" --all-named || die "gen_hits failed"
head -n "$HITS" "$tmp/t.1.jsonl" >"$tmp/t.jsonl"
bytes=$(stat -c %s "$tmp/t.jsonl")
parts=$((bytes / 3000000 + 6))
start tput "$parts"
log "producing $HITS hits ($bytes bytes) to wa.hits ($parts partitions)"
"$TOOL" produce --brokers "$B" --topic wa.hits "$tmp/t.jsonl" 2>"$tmp/produce.err" || die "producing failed: $(tail -n 2 "$tmp/produce.err")"
"$ALERTD" --config "$tmp/tput.json" --brokers "$B" --db "$tmp/tput.db" --no-http --stats-interval 5 2>"$tmp/tput.err" &
apid=$!
pids+=($apid)
tput_line=$(python3 - "$tmp/tput.db" "$HITS" <<'PY'
import sqlite3, sys, time
db, n = sys.argv[1], int(sys.argv[2])
first = last = None
first_count = 0
deadline = time.time() + 600
while time.time() < deadline:
    try:
        c = sqlite3.connect(db, timeout=5).execute("SELECT count(*) FROM hits").fetchone()[0]
    except sqlite3.Error:
        c = 0
    t = time.time()
    if c > 0 and first is None:
        first, first_count = t, c
    if c >= n:
        last = t
        break
    time.sleep(0.05)
if last is None:
    print("FAILED 0 0")
else:
    cases = sqlite3.connect(db).execute("SELECT count(*) FROM cases").fetchone()[0]
    rate = (n - first_count) / max(last - first, 1e-3)
    print("%.0f %d %.2f" % (rate, cases, last - first))
PY
)
kill -TERM "$apid"
wait "$apid"
read -r hits_s cases tput_secs <<<"$tput_line"
[ "$hits_s" = FAILED ] && die "wa-alertd did not store every hit in 10 minutes: $(tail -n 3 "$tmp/tput.err")"
log "throughput: $hits_s hits/s ($HITS hits → $cases cases in $tput_secs s)"

# ---- latency ----------------------------------------------------------------------------------
n=$((RATE * SECS))
log "latency: $n hits of distinct incidents at $RATE hits/s"
python3 "$ROOT/tests/alerting/gen_hits.py" "$n" 1 "$tmp/l" --all-named --seed 11 || die "gen_hits failed"
start lat 12
"$ALERTD" --config "$tmp/lat.json" --brokers "$B" --db "$tmp/lat.db" --no-http --stats-interval 5 2>"$tmp/lat.err" &
apid=$!
pids+=($apid)
wait_for 60 grep -q ': assigned ' "$tmp/lat.err" || die "wa-alertd did not join its group"
sleep 1
"$TOOL" produce --brokers "$B" --topic wa.hits --rate "$RATE" --stamp-field bench_sent_us "$tmp/l.1.jsonl" 2>"$tmp/produce.err" ||
	die "producing failed"
wait_for 120 bash -c "[ \$(wc -l <'$tmp/lat.recv') -ge $n ]" || log "not every webhook arrived within 120 s"
kill -TERM "$apid"
wait "$apid"
lat_line=$(python3 - "$tmp/lat.db" "$tmp/lat.recv" <<'PY'
import json, sqlite3, sys
sent = {}
for url, body in sqlite3.connect(sys.argv[1]).execute("SELECT url, body FROM hits"):
    sent[url] = json.loads(body).get("bench_sent_us")
rows = []
for line in open(sys.argv[2]):
    e = json.loads(line)
    links = e.get("links") or []
    if links and sent.get(links[0]):
        rows.append((sent[links[0]], e["recv_us"] - sent[links[0]]))
rows.sort()
start = rows[0][0] + 3_000_000 if rows else 0
lat = sorted(l for s, l in rows if s >= start)
if not lat:
    print("FAILED 0 0 0 0 0")
else:
    q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] / 1000
    print("%.1f %.1f %.1f %.1f %d %d" % (q(0.5), q(0.9), q(0.99), lat[-1] / 1000, len(lat), len(rows)))
PY
)
read -r p50 p90 p99 pmax nlat nrecv <<<"$lat_line"
[ "$p50" = FAILED ] && die "no latency measured: $(tail -n 3 "$tmp/lat.err")"

verdict() { awk -v v="$1" -v t="$2" -v d="$3" 'BEGIN { ok = d == "min" ? v >= t : v < t; print ok ? "met" : "MISSED" }'; }
report=$OUT/alertd-report.txt
{
	echo "wa-alertd benchmark ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, everything on this machine)"
	echo "throughput: $hits_s hits/s into cases ($HITS hits of $incidents incidents → $cases cases), target ≥ $T_HITS_S: $(verdict "$hits_s" "$T_HITS_S" min)"
	echo "latency hit produced → webhook received at $RATE hits/s (every hit a new case, $nlat webhooks after a 3 s warm-up, $nrecv received):"
	echo "  p50 $p50 ms, p90 $p90 ms, p99 $p99 ms, max $pmax ms; target p99 < $T_P99_MS ms: $(verdict "$p99" "$T_P99_MS" max)"
} | tee "$report"
