#!/bin/bash
# The dashboard in a real browser: Debian's chromium driven by playwright-core (npm, pinned in
# package-lock.json), against bin/wa-alertd serving alerting/dashboard, with bin/wa-kafka-dev as
# the brokers. Accounts made with `wa-alertd users`; alerts arrive through wa.hits
# (documents through bin/wa-classify, their hits produced with build/tests/wa-kafka-tool) and the
# hotline intake. The checks are in dashboard.test.mjs: log in; a new alert in the live feed within
# 5 s without reload; the case list's filters and SLA clocks; a case reported, assigned, noted and
# resolved; role and prefecture scope; an XSS post shown as text; a Tibetan post in the Tibetan
# font; charts; the monthly report and its downloads; the analyst page; the feed reconnecting
# after a restart of wa-alertd; no horizontal scrolling at 1366×768. Screenshots of each view go
# to $WA_ARTIFACTS (default build/test-artifacts/browser).
# Ends with "N passed, N failed".
# Environment: WA_ALERTD, WA_KAFKA_DEV, WA_KAFKA_TOOL, WA_CLASSIFY (binaries under test), CHROMIUM (browser,
# default /usr/bin/chromium), BROWSER_TEST_KEEP=1 keeps the logs.
set -u
cd "$(dirname "$0")/../.." || exit 2
ALERTD=${WA_ALERTD:-bin/wa-alertd}
DEV=${WA_KAFKA_DEV:-bin/wa-kafka-dev}
TOOL=${WA_KAFKA_TOOL:-build/tests/wa-kafka-tool}
CLASSIFY=${WA_CLASSIFY:-bin/wa-classify}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
ARTIFACTS=${WA_ARTIFACTS:-build/test-artifacts/browser}
tmp=$(mktemp -d)
TEST_KEEP=${BROWSER_TEST_KEEP:-}
# shellcheck source=../lib/harness.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/harness.sh"
finish() {
	declare -F stop_restarted >/dev/null && stop_restarted
	echo "$pass passed, $fail failed"
	[ "$fail" = 0 ]
	exit $?
}
unset WA_KAFKA_BROKERS

command -v node >/dev/null || { bad "node is installed (tools/install-deps.sh test)"; finish; }
[ -x "$CHROMIUM" ] || { bad "chromium is installed at $CHROMIUM (tools/install-deps.sh test)"; finish; }
[ -d tests/browser/node_modules/playwright-core ] ||
	{ bad "playwright-core is installed (make browser-deps: npm ci --prefix tests/browser)"; finish; }
for b in "$ALERTD" "$DEV" "$TOOL" "$CLASSIFY"; do
	[ -x "$b" ] || { bad "$b is built (make all)"; finish; }
done
mkdir -p "$ARTIFACTS"
ARTIFACTS=$(cd "$ARTIFACTS" && pwd)

"$DEV" --bootstrap-file "$tmp/bs" --partitions 1 >"$tmp/dev.out" 2>"$tmp/dev.err" &
pids+=($!)
wait_for 20 test -s "$tmp/bs" || { bad "kafka-dev starts" "$(tail -n 3 "$tmp/dev.err")"; finish; }
brokers=$(cat "$tmp/bs")
cat >"$tmp/config.json" <<EOC
{ "alerting": { "group": "alertd-browser", "hotline_token": "browser-token", "routes": [
  { "name": "housing-hook", "office": "housing", "channel": "webhook", "url": "http://127.0.0.1:9/hook", "secret": "s" } ] } }
EOC
port=$(free_ports 1)
args=(--config "$tmp/config.json" --brokers "$brokers" --db "$tmp/browser.db" --listen "127.0.0.1:$port" --stats-interval 0)
"$ALERTD" --help 2>&1 | grep -q -- '--dashboard' || { bad "wa-alertd serves the dashboard (--dashboard)"; finish; }
args+=(--dashboard alerting/dashboard)
"$ALERTD" "${args[@]}" >"$tmp/alertd.out" 2>"$tmp/alertd.err" &
pids+=($!)
# dashboard.test.mjs restarts the service once (the live feed must reconnect): it reads the
# command line here and leaves the new process id in alertd.pid, stopped at the end.
echo $! >"$tmp/alertd.pid"
printf '%s\0' "$ALERTD" "${args[@]}" >"$tmp/alertd.cmd"
stop_restarted() { [ -s "$tmp/alertd.pid" ] && kill -KILL "$(cat "$tmp/alertd.pid")" 2>/dev/null; }
wait_for 30 grep -q 'HTTP API on port' "$tmp/alertd.err" || { bad "wa-alertd starts" "$(tail -n 3 "$tmp/alertd.err")"; finish; }
base="http://127.0.0.1:$port"

users_ok=1
while read -r name role pref; do
	uargs=(users add "$name" --role "$role" --password-stdin --db "$tmp/browser.db")
	[ "$pref" != "-" ] && uargs+=(--prefecture "$pref")
	echo "correct-horse-1" | "$ALERTD" "${uargs[@]}" >/dev/null 2>>"$tmp/users.err" || users_ok=0
done <<EOU
cyber cyberspace -
lhasa-housing housing 拉萨
analyst1 analyst -
EOU
[ $users_ok = 1 ] && ok "users for the browser (cyberspace, housing of 拉萨, analyst)" || { bad "users add" "$(cat "$tmp/users.err")"; finish; }

# A few cases there before the browser opens: hotline complaints in four prefectures.
hotline() {
	curl -s -H 'Authorization: Bearer browser-token' -H 'Content-Type: application/json' --data-binary "$1" \
		"http://127.0.0.1:$port/api/complaints" | python3 -c 'import json,sys; print(json.load(sys.stdin)["case_id"])'
}
c1=$(hotline '{"channel":"12345","ticket":"B-1","complainant":{"name":"次仁","phone":"13900001234"},"unit":{"name":"拉萨市净美环卫有限公司"},"title":"拉萨环卫工人三个月未领工资","content":"十二名环卫工人三个月没有领到工资，共计十八万元","region":{"prefecture":"拉萨","county":"城关区"},"workers":12,"months":3,"amount_yuan":180000}')
c2=$(hotline '{"channel":"12319","ticket":"B-2","complainant":{"name":"扎西"},"unit":{"name":"那曲市环卫公司"},"content":"清洁工人工资拖欠半年","region":{"prefecture":"那曲"},"workers":8}')
# Received 3 h ago: the fast report is overdue; 1 h 45 min ago: due in a quarter of an hour.
ago() { date -u -d "@$(($(date +%s) - $1))" +%Y-%m-%dT%H:%M:%SZ; }
c3=$(hotline '{"channel":"12345","ticket":"B-3","received_at":"'"$(ago 10800)"'","complainant":{"name":"普布"},"unit":{"name":"日喀则市清洁服务公司"},"title":"日喀则保洁员工资被扣","content":"保洁员工资被无故克扣","region":{"prefecture":"日喀则"}}')
c4=$(hotline '{"channel":"12345","ticket":"B-4","received_at":"'"$(ago 6300)"'","complainant":{"name":"央金"},"unit":{"name":"林芝市物业公司"},"title":"林芝物业保洁工人两个月没发工资","content":"物业公司保洁工人两个月没发工资","region":{"prefecture":"林芝"}}')
[ -n "$c1" ] && [ -n "$c2" ] && [ -n "$c3" ] && [ -n "$c4" ] && ok "four hotline cases before the browser opens (one overdue, one due soon)" ||
	bad "hotline cases" "$(tail -n 3 "$tmp/alertd.err")"
"$ALERTD" check-clocks --config "$tmp/config.json" --db "$tmp/browser.db" >/dev/null 2>&1 || log "check-clocks: $?"

WA_BASE_URL="$base" WA_BROKERS="$brokers" WA_KAFKA_TOOL="$TOOL" WA_CLASSIFY="$CLASSIFY" WA_ARTIFACTS="$ARTIFACTS" CHROMIUM="$CHROMIUM" \
	WA_HOTLINE_TOKEN=browser-token WA_API_URL="http://127.0.0.1:$port" WA_TMP="$tmp" \
	timeout 300 node tests/browser/dashboard.test.mjs >"$tmp/node.out" 2>&1
rc=$?
cat "$tmp/node.out"
pass=$((pass + $(grep -c '^ok ' "$tmp/node.out")))
fail=$((fail + $(grep -c '^FAIL ' "$tmp/node.out")))
[ $rc = 0 ] || [ "$(grep -c '^FAIL ' "$tmp/node.out")" != 0 ] || bad "dashboard.test.mjs ran to its end" "exit $rc: $(tail -n 5 "$tmp/node.out")"
cat "$tmp"/alertd*.err | grep -q 'ERROR: [A-Za-z]*Sanitizer\|runtime error' && bad "sanitizers quiet" "$(cat "$tmp"/alertd*.err | grep -m3 -A5 'Sanitizer\|runtime error')"
echo "     screenshots: $ARTIFACTS"
finish
