#!/bin/bash
# `make run` itself (the first start) and the supervisor it runs, deploy/demo/run.sh (the later
# starts), with a temporary state folder and free loopback ports (WA_RUN_STATE, WA_RUN_PORT,
# WA_DEMO_SITE_PORT, WA_NOTIFY_PORT), in its own process group as in a terminal. On Ctrl-C make
# itself ends with the interrupt's status (130, or 2 with "Interrupt"), after the supervisor.
#
#  1. the banner comes with the dashboard URL and the admin login, the password also in
#     STATE/admin-password (mode 600); /healthz and GET / answer; the first case shows in the
#     staff API (logged in as admin with that password) and notifications on the terminal;
#  2. SIGINT to the process group (Ctrl-C): the supervisor stops each service with SIGTERM, in
#     reverse order, reports each exit status 0 and exits 0; no process is left;
#  3. a second start on the same state folder: the same login, the crawl finds nothing new, the
#     number of cases is unchanged; SIGINT again stops everything cleanly;
#  4. on a new state folder, SIGINT right after the banner, then a new start: every demo case
#     is there within 60 s, none twice (nothing produced before the stop was lost with the
#     in-memory Kafka cluster).
# Ends with "N passed, N failed". RUN_TEST_KEEP=1 keeps the state folder.
set -u
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
TEST_KEEP=${RUN_TEST_KEEP:-}
# shellcheck source=../lib/harness.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/harness.sh"
http_code() { curl -s -o "$tmp/body" -w '%{http_code}' --max-time 5 "$1"; }

export WA_RUN_STATE=$tmp/state
read -r WA_RUN_PORT WA_DEMO_SITE_PORT WA_NOTIFY_PORT <<<"$(free_ports 3)"
export WA_RUN_PORT WA_DEMO_SITE_PORT WA_NOTIFY_PORT
export WA_CACHE_DIR=${WA_CACHE_DIR:-$tmp/cache}
NAMES="wa-kafka-dev wa-notify-sink wa-demo-site wa-alertd wa-classify wa-crawler"

for b in $NAMES; do
	[ -x "bin/$b" ] || { bad "bin/$b is missing (make run-bins)"; finish; }
done

# start N: the supervisor in its own process group (job control), as a terminal runs it.
start() {
	set -m
	if [ "${2:-}" = make ]; then
		make --no-print-directory run >"$tmp/run$1.out" 2>&1 &
	else
		deploy/demo/run.sh >"$tmp/run$1.out" 2>&1 &
	fi
	RUN_PID=$!
	set +m
	pids+=("$RUN_PID")
	if wait_for 90 grep -q 'Ctrl-C to stop' "$tmp/run$1.out"; then
		ok "run $1: the supervisor starts every service and prints its banner"
	else
		bad "run $1: banner" "$(tail -n 15 "$tmp/run$1.out")"
		return 1
	fi
}
# stop N: SIGINT to the process group; the supervisor's status, its report, no process left.
stop() {
	local n=$1 rc=0 left="" line pid name
	cp "$WA_RUN_STATE/run/pids" "$tmp/pids$n"
	kill -INT -- "-$RUN_PID"
	wait "$RUN_PID" || rc=$?
	if [ "${2:-}" = make ]; then
		# make re-raises the interrupt once its recipe (the supervisor) has ended
		{ [ "$rc" = 130 ] || [ "$rc" = 2 ] || [ "$rc" = 0 ]; } &&
			ok "run $n: SIGINT to the process group: make run ends after the supervisor (status $rc)" ||
			bad "run $n: make run exit status" "$rc; $(tail -n 10 "$tmp/run$n.out")"
	else
		[ "$rc" = 0 ] && ok "run $n: SIGINT to the process group: the supervisor exits 0" ||
			bad "run $n: supervisor exit status" "$rc; $(tail -n 10 "$tmp/run$n.out")"
	fi
	local reported=1 order=""
	for name in $NAMES; do
		grep -qE "^run: stopped $name \(pid [0-9]+\): exit status 0$" "$tmp/run$n.out" || reported=0
	done
	order=$(sed -n 's/^run: stopped \(wa-[a-z-]*\) .*/\1/p' "$tmp/run$n.out" | tr '\n' ' ')
	[ $reported = 1 ] && grep -q 'all services stopped cleanly' "$tmp/run$n.out" &&
		ok "run $n: each of the 6 services reported stopped with exit status 0 ($order)" ||
		bad "run $n: report" "$(grep '^run:' "$tmp/run$n.out" | tail -n 10)"
	[ "$order" = "wa-crawler wa-classify wa-alertd wa-demo-site wa-notify-sink wa-kafka-dev " ] &&
		ok "run $n: stopped in reverse order of starting" || bad "run $n: stop order" "$order"
	while read -r pid name; do
		kill -0 "$pid" 2>/dev/null && left="$left $name($pid)"
	done <"$tmp/pids$n"
	kill -0 -- "-$RUN_PID" 2>/dev/null && left="$left group-$RUN_PID"
	[ -z "$left" ] && [ "$(grep -c . "$tmp/pids$n")" = 6 ] && ok "run $n: no process left (6 services, the supervisor's group)" ||
		bad "run $n: processes left" "$left"
	for pid in $(cut -d' ' -f1 "$tmp/pids$n"); do kill -KILL "$pid" 2>/dev/null; done
}
cases_total() { python3 tests/e2e/e2e_check.py total "$WA_RUN_PORT" admin "$(cat "$WA_RUN_STATE/admin-password")"; }

# ---- run 1 --------------------------------------------------------------------------------
start 1 make || finish
pw=$(cat "$WA_RUN_STATE/admin-password" 2>/dev/null)
mode=$(stat -c %a "$WA_RUN_STATE/admin-password" 2>/dev/null)
[ -n "$pw" ] && [ "$mode" = 600 ] && grep -q "Login  *admin / $pw" "$tmp/run1.out" &&
	grep -q "Dashboard  *http://127.0.0.1:$WA_RUN_PORT/" "$tmp/run1.out" &&
	ok "the banner shows the dashboard URL and the admin login; admin-password has mode 600" ||
	bad "banner login" "mode=$mode $(grep -E 'Dashboard|Login' "$tmp/run1.out")"
[ "$(http_code "http://127.0.0.1:$WA_RUN_PORT/healthz")" = 200 ] && ok "GET /healthz: 200" ||
	bad "healthz" "$(cat "$tmp/body")"
if [ -f alerting/dashboard/index.html ]; then
	code=$(http_code "http://127.0.0.1:$WA_RUN_PORT/")
	[ "$code" = 200 ] && grep -qi '<html' "$tmp/body" && ok "GET /: the dashboard page" ||
		bad "GET /" "HTTP $code $(head -c 200 "$tmp/body")"
else
	log "alerting/dashboard/index.html is not there: GET / not checked"
fi
if took=$(python3 tests/e2e/e2e_check.py wait "$WA_RUN_PORT" admin "$pw" 1 60); then
	ok "the first case is in the API ${took} s after the banner (admin with the printed password)"
else
	bad "first case within 60 s" "$(tail -n 5 "$WA_RUN_STATE/logs/wa-alertd.log")"
fi
wait_for 30 grep -q '^notify .*fast_report' "$tmp/run1.out" &&
	ok "notifications show on the terminal ($(grep -c '^notify ' "$tmp/run1.out") lines so far)" ||
	bad "notifications on the terminal" "$(tail -n 5 "$tmp/run1.out")"
# Every complaint of the demo source is a case before the stop (the Kafka cluster is in memory).
expected=$(python3 -c '
import json,sys
items=[json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print(len({(i["expect"]["prefecture"], i["expect"].get("unit") or i["id"]) for i in items if "expect" in i}))' \
	deploy/demo/content.jsonl)
python3 tests/e2e/e2e_check.py wait "$WA_RUN_PORT" admin "$pw" "$expected" 60 >/dev/null &&
	ok "all $expected demo cases are open" || bad "demo cases" "$(cases_total) of $expected"
# The crawler's first round is over (every page produced) before the stop, so that the next
# run has nothing left to crawl.
wait_for 60 grep -q 'summary:' "$WA_RUN_STATE/logs/wa-crawler.log" ||
	bad "run 1: the crawler's first round ends" "$(tail -n 3 "$WA_RUN_STATE/logs/wa-crawler.log")"
before=$(cases_total)
stop 1 make

# ---- run 2: the same state ------------------------------------------------------------------
start 2 || finish
[ "$(cat "$WA_RUN_STATE/admin-password")" = "$pw" ] && grep -q "Login  *admin / $pw" "$tmp/run2.out" &&
	ok "run 2: the same admin login is shown again" || bad "run 2 login" "$(grep Login "$tmp/run2.out")"
wait_for 60 grep -q 'summary:' "$WA_RUN_STATE/logs/wa-crawler.log" &&
	docs=$(sed -n 's/.*summary:.* documents=\([0-9]*\) .*/\1/p' "$WA_RUN_STATE/logs/wa-crawler.log" | head -n 1) &&
	[ "$docs" = 0 ] && ok "run 2: the crawl finds nothing new (crawl state kept)" ||
	bad "run 2 crawl" "$(grep summary "$WA_RUN_STATE/logs/wa-crawler.log")"
sleep 2
after=$(cases_total)
[ "$after" = "$before" ] && ok "run 2: still $after cases (no duplicate case)" || bad "run 2 cases" "$after, before $before"
stop 2

# ---- runs 3 and 4: a new state folder, Ctrl-C right after the banner, then a restart ---------
# The Kafka cluster is in memory: what the crawler produced before the stop must be taken in
# by the stages before they stop, and the rest crawled by the next run.
export WA_RUN_STATE=$tmp/state-early
start 3 || finish
stop 3
start 4 || finish
pw=$(cat "$WA_RUN_STATE/admin-password")
python3 tests/e2e/e2e_check.py wait "$WA_RUN_PORT" admin "$pw" "$expected" 60 >/dev/null &&
	ok "run 4: after a stop right after the start, the next run completes all $expected cases" ||
	bad "run 4 cases" "$(cases_total) of $expected; $(grep summary "$WA_RUN_STATE/logs/wa-crawler.log" | tail -n 1)"
sleep 1
total=$(cases_total)
[ "$total" = "$expected" ] && ok "run 4: exactly $expected cases (none twice)" || bad "run 4 total" "$total"
stop 4
finish
