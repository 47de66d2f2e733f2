#!/bin/bash
# End-to-end: the demo site -> wa-crawler -> Kafka (wa.docs) -> wa-classify run -> Kafka (wa.hits)
# -> wa-alertd -> cases in the ledger and webhook deliveries to wa-notify-sink, all on loopback
# ports the kernel picks, with the demo's own configuration (deploy/demo/).
#
#  1. one crawl of the demo site (29 items: complaints in Chinese UTF-8, GBK and Tibetan pages and
#     on the message board, and ordinary items) gives, within E2E_TIMEOUT seconds (60), the cases
#     deploy/demo/content.jsonl expects — prefecture, county, level, unit, workers; two reports of
#     one incident in one case; no case of an ordinary item — seen through the staff API by a
#     user made with `wa-alertd users add`; every case notified (case_opened to the cyberspace and
#     petition offices, fast_report to housing), each notification once, and acknowledged;
#  2. every service stopped with SIGTERM exits 0; restarted (the Kafka cluster empty, as after a
#     `make run` restart), a second crawl with the same crawl state produces no document and no
#     case;
#  3. a third crawl with an empty crawl state produces every document again: wa-alertd counts
#     the hits as duplicates, and there is no new case and no new notification.
# Ends with "N passed, N failed". Environment: WA_KAFKA_DEV, WA_CRAWLER, WA_CLASSIFY, WA_ALERTD,
# WA_DEMO_SITE, WA_NOTIFY_SINK (binaries under test), E2E_TIMEOUT, E2E_TEST_KEEP=1 keeps the logs.
set -u
cd "$(dirname "$0")/../.."
DEV=${WA_KAFKA_DEV:-bin/wa-kafka-dev}
CRAWLER=${WA_CRAWLER:-bin/wa-crawler}
CLASSIFY=${WA_CLASSIFY:-bin/wa-classify}
ALERTD=${WA_ALERTD:-bin/wa-alertd}
SITE_BIN=${WA_DEMO_SITE:-bin/wa-demo-site}
SINK_BIN=${WA_NOTIFY_SINK:-bin/wa-notify-sink}
TIMEOUT=${E2E_TIMEOUT:-60}
CONTENT=deploy/demo/content.jsonl
tmp=$(mktemp -d)
TEST_KEEP=${E2E_TEST_KEEP:-}
# shellcheck source=../lib/harness.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/harness.sh"
# Lines "ok ..." / "FAIL ..." of a checker, counted into the harness.
count_checks() {
	local line
	while IFS= read -r line; do
		case $line in
		"ok   "*) ok "${line#ok   }" ;;
		"FAIL "*) bad "${line#FAIL }" ;;
		*) log "$line" ;;
		esac
	done
}
unset WA_KAFKA_BROKERS
export WA_CACHE_DIR=${WA_CACHE_DIR:-$tmp/cache}

for b in "$DEV" "$CRAWLER" "$CLASSIFY" "$ALERTD" "$SITE_BIN" "$SINK_BIN"; do
	[ -x "$b" ] || { bad "binary $b is missing (make all)"; finish; }
done

read -r api site_port sink_port <<<"$(free_ports 3)"

# The receiver and the site live through the whole test.
"$SINK_BIN" --listen "127.0.0.1:$sink_port" --log "$tmp/notify.jsonl" >"$tmp/sink.out" 2>"$tmp/sink.err" &
SINK_PID=$!
pids+=("$SINK_PID")
"$SITE_BIN" --content "$CONTENT" --listen "127.0.0.1:$site_port" >"$tmp/site.out" 2>"$tmp/site.err" &
SITE_PID=$!
pids+=("$SITE_PID")
wait_for 10 test -s "$tmp/sink.out" && wait_for 10 test -s "$tmp/site.out" ||
	{ bad "demo site and notification receiver start" "$(cat "$tmp/sink.err" "$tmp/site.err")"; finish; }
SITE=$(head -n 1 "$tmp/site.out")
NOTIFY=$(head -n 1 "$tmp/sink.out")
ok "demo site at $SITE, notification receiver at $NOTIFY"
sed "s|@NOTIFY@|$NOTIFY|g" deploy/demo/wa-watch.demo.json >"$tmp/wa-watch.json"
sed "s|@SITE@|$SITE|g" deploy/demo/sources.json >"$tmp/sources.json"

# start_backbone N: wa-kafka-dev (empty), wa-alertd, wa-classify run; run N's logs apart.
start_backbone() {
	local n=$1
	rm -f "$tmp/bs"
	"$DEV" --bootstrap-file "$tmp/bs" --partitions 3 >"$tmp/dev$n.out" 2>"$tmp/dev$n.err" &
	DEV_PID=$!
	pids+=("$DEV_PID")
	wait_for 30 test -s "$tmp/bs" || { bad "wa-kafka-dev starts (run $n)" "$(tail -n 3 "$tmp/dev$n.err")"; finish; }
	BROKERS=$(cat "$tmp/bs")
	"$ALERTD" --config "$tmp/wa-watch.json" --brokers "$BROKERS" --db "$tmp/ledger.db" --listen "127.0.0.1:$api" \
		--stats-interval 1 >"$tmp/alertd$n.out" 2>"$tmp/alertd$n.err" &
	ALERTD_PID=$!
	pids+=("$ALERTD_PID")
	wait_for 60 grep -q 'HTTP API on port' "$tmp/alertd$n.err" ||
		{ bad "wa-alertd starts (run $n)" "$(tail -n 3 "$tmp/alertd$n.err")"; finish; }
	"$CLASSIFY" run --config "$tmp/wa-watch.json" --brokers "$BROKERS" --stats-interval 1 \
		>"$tmp/classify$n.out" 2>"$tmp/classify$n.err" &
	CLASSIFY_PID=$!
	pids+=("$CLASSIFY_PID")
}
# stop_backbone N: SIGTERM to the stage, the service and the cluster; each must exit 0.
stop_backbone() {
	local n=$1 p name rc all=0 which=""
	for name in classify alertd dev; do
		case $name in classify) p=$CLASSIFY_PID ;; alertd) p=$ALERTD_PID ;; dev) p=$DEV_PID ;; esac
		kill -TERM "$p" 2>/dev/null
		rc=0
		wait "$p" || rc=$?
		[ "$rc" = 0 ] || { all=1; which="$which $name=$rc"; }
	done
	[ $all = 0 ] && ok "run $n: wa-classify run, wa-alertd and wa-kafka-dev stop on SIGTERM with status 0" ||
		bad "run $n: clean stop" "exit statuses:$which"
}
crawl() { # crawl N STATE: one pass of every demo source into wa.docs
	"$CRAWLER" --config "$tmp/sources.json" --brokers "$BROKERS" --state "$2" --once \
		>"$tmp/crawl$1.out" 2>"$tmp/crawl$1.err"
}
documents() { sed -n 's/.*summary:.* documents=\([0-9]*\) .*/\1/p' "$tmp/crawl$1.err" | tail -n 1; }
stat_of() { # stat_of N KEY: the last stats value KEY= of wa-alertd in run N
	grep 'stats hits_in=' "$tmp/alertd$1.err" | tail -n 1 | sed -n "s/.* $2=\([0-9]*\).*/\1/p"
}

# ---- run 1 --------------------------------------------------------------------------------
start_backbone 1
admin_pw=$(sed -n 's/.*created user admin with password \([^ ]*\) .*/\1/p' "$tmp/alertd1.err")
[ -n "$admin_pw" ] && ok "wa-alertd's first start creates admin and prints its password" ||
	bad "first admin" "$(head -n 5 "$tmp/alertd1.err")"
echo "e2e-password-1" | "$ALERTD" users add e2e-cyber --role cyberspace --password-stdin --db "$tmp/ledger.db" \
	>/dev/null 2>"$tmp/users.err" && ok "users add e2e-cyber (cyberspace)" || bad "users add" "$(cat "$tmp/users.err")"
expected=$(python3 -c '
import json,sys
items=[json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print(len({(i["expect"]["prefecture"], i["expect"].get("unit") or i["id"]) for i in items if "expect" in i}))' "$CONTENT")

t0=$SECONDS
if crawl 1 "$tmp/crawler.db"; then
	ok "crawl 1: $(documents 1) documents from the demo site"
else
	bad "crawl 1" "$(tail -n 5 "$tmp/crawl1.err")"
fi
[ "$(documents 1)" = "$(grep -c . "$CONTENT")" ] && ok "crawl 1: every item of the site became a document" ||
	bad "crawl 1 documents" "$(documents 1) of $(grep -c . "$CONTENT")"
if took=$(python3 tests/e2e/e2e_check.py wait "$api" e2e-cyber e2e-password-1 "$expected" "$TIMEOUT"); then
	ok "the $expected expected cases are in the ledger ${took} s after the crawl ended ($((SECONDS - t0)) s from its start; bound ${TIMEOUT} s)"
else
	bad "cases within ${TIMEOUT} s" "$(python3 tests/e2e/e2e_check.py total "$api" e2e-cyber e2e-password-1 2>&1) cases"
fi
# The fast reports are acknowledged by the receiver: the cases become reported.
wait_for 20 sh -c "python3 tests/e2e/e2e_check.py cases $api e2e-cyber e2e-password-1 $CONTENT $tmp/notify.jsonl --reported >/dev/null"
count_checks < <(python3 tests/e2e/e2e_check.py cases "$api" e2e-cyber e2e-password-1 "$CONTENT" "$tmp/notify.jsonl" \
	--reported 2>&1)
python3 tests/e2e/e2e_check.py wait "$api" admin "$admin_pw" "$expected" 5 >/dev/null &&
	ok "admin logs in with the printed password and sees the cases" || bad "admin login"
n_notify=$(grep -c . "$tmp/notify.jsonl")
"$ALERTD" export-csv --db "$tmp/ledger.db" --out "$tmp/ledger.csv" 2>"$tmp/export.err" &&
	[ "$(($(grep -c . "$tmp/ledger.csv") - 1))" = "$expected" ] && ok "export-csv lists the $expected cases" ||
	bad "export-csv" "$(cat "$tmp/export.err")"
stop_backbone 1

# ---- run 2: restarted services, an empty Kafka cluster, the same crawl state ----------------
start_backbone 2
crawl 2 "$tmp/crawler.db" && [ "$(documents 2)" = 0 ] &&
	ok "crawl 2 with the same state: no document (every page known)" ||
	bad "crawl 2" "documents=$(documents 2) $(tail -n 3 "$tmp/crawl2.err")"
sleep 3
total=$(python3 tests/e2e/e2e_check.py total "$api" e2e-cyber e2e-password-1)
[ "$total" = "$expected" ] && ok "run 2: still $expected cases" || bad "run 2 cases" "$total, want $expected"
stop_backbone 2

# ---- run 3: an empty crawl state: every document again, every hit a duplicate ---------------
start_backbone 3
crawl 3 "$tmp/crawler-fresh.db" && ok "crawl 3 with an empty state: $(documents 3) documents again" ||
	bad "crawl 3" "$(tail -n 3 "$tmp/crawl3.err")"
hits=$(grep -c '"expect"' "$CONTENT")
wait_for "$TIMEOUT" sh -c "[ \"\$(grep 'stats hits_in=' $tmp/alertd3.err | tail -n 1 | sed -n 's/.* duplicates=\([0-9]*\).*/\1/p')\" = $hits ]" &&
	ok "run 3: wa-alertd counts the $hits hits as duplicates (new_cases=$(stat_of 3 new_cases))" ||
	bad "run 3 duplicates" "$(grep 'stats hits_in=' "$tmp/alertd3.err" | tail -n 1)"
total=$(python3 tests/e2e/e2e_check.py total "$api" e2e-cyber e2e-password-1)
[ "$total" = "$expected" ] && [ "$(stat_of 3 new_cases)" = 0 ] && ok "run 3: still $expected cases, none opened" ||
	bad "run 3 cases" "$total, want $expected; $(grep 'stats hits_in=' "$tmp/alertd3.err" | tail -n 1)"
sleep 1
[ "$(grep -c . "$tmp/notify.jsonl")" = "$n_notify" ] && ok "run 3: no new notification ($n_notify in all)" ||
	bad "run 3 notifications" "$(grep -c . "$tmp/notify.jsonl") now, $n_notify before"
stop_backbone 3

kill -TERM "$SITE_PID" "$SINK_PID" 2>/dev/null
rc1=0
rc2=0
wait "$SITE_PID" || rc1=$?
wait "$SINK_PID" || rc2=$?
[ $rc1 = 0 ] && [ $rc2 = 0 ] && ok "wa-demo-site and wa-notify-sink stop on SIGTERM with status 0" ||
	bad "site/sink stop" "$rc1 $rc2"
finish
