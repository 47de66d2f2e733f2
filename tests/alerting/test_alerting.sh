#!/bin/bash
# Alerting service tests (issue "Alerting service", SPEC §3.3): wa-alertd against bin/wa-kafka-dev,
# a local webhook / robot receiver and a local SMTP receiver, all on loopback. Ends with
# "N passed, N failed".
#
#   cli      --help, one-line errors for bad arguments and bad configuration
#   main     10,000 hits of 500 incidents (reposts, rewordings, unit names in several forms, Chinese
#            and Tibetan, some reposts naming no unit) with malformed messages among them; wa-alertd
#            killed with SIGKILL five times mid-stream and restarted; the webhook receiver answering
#            503 for a stretch: exactly 500 cases with the right hits, places and units, every
#            notification (webhook, WeCom, DingTalk, e-mail) received, the malformed hits in wa.dlq,
#            case events in wa.cases; then CSV export and backup
#   clocks   with a test time: an unreported case overdue at 2 h and escalated, an unresolved one at
#            24 h, a resolved one not
#   dbfail   the ledger held unwritable (another connection holds its write lock): a clear error,
#            offsets not committed past it, SIGKILL meanwhile, then everything stored once writable
#   hotline  POST /api/complaints: a valid complaint becomes a case, each invalid field a 400 naming
#            it, a missing or wrong token 401
#
# Environment: WA_ALERTD, WA_KAFKA_DEV, WA_KAFKA_TOOL (binaries under test), ALERT_TEST_INCIDENTS
# (500), ALERT_TEST_PER (20), ALERT_TEST_KILLS (5), ALERT_TEST_SCENARIOS (all of the above),
# ALERT_TEST_KEEP=1 keeps the logs.
set -u
cd "$(dirname "$0")/../.."
ALERTD=${WA_ALERTD:-bin/wa-alertd}
DEV=${WA_KAFKA_DEV:-bin/wa-kafka-dev}
TOOL=${WA_KAFKA_TOOL:-build/tests/wa-kafka-tool}
INCIDENTS=${ALERT_TEST_INCIDENTS:-500}
PER=${ALERT_TEST_PER:-20}
KILLS=${ALERT_TEST_KILLS:-5}
SCENARIOS=${ALERT_TEST_SCENARIOS:-cli main clocks dbfail hotline}
CHECK="python3 tests/alerting/check.py"
RECEIVER="python3 tests/alerting/receiver.py"
tmp=$(mktemp -d)
mkdir -p "$tmp/bin"
cp "$ALERTD" "$tmp/bin/wa-alertd" && cp "$DEV" "$tmp/bin/wa-kafka-dev" && cp "$TOOL" "$tmp/bin/wa-kafka-tool" ||
	{ echo "cannot copy the binaries"; echo "0 passed, 1 failed"; exit 1; }
ALERTD=$tmp/bin/wa-alertd DEV=$tmp/bin/wa-kafka-dev TOOL=$tmp/bin/wa-kafka-tool
unset WA_KAFKA_BROKERS
TEST_KEEP=${ALERT_TEST_KEEP:-}
# shellcheck source=../lib/harness.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/harness.sh"


start_cluster() {
	local name=$1
	shift
	"$DEV" --bootstrap-file "$tmp/$name.bs" "$@" >"$tmp/$name.dev.out" 2>"$tmp/$name.dev.err" &
	DEV_PID=$!
	pids+=("$DEV_PID")
	wait_for 20 test -s "$tmp/$name.bs" || { B=""; return 1; }
	B=$(cat "$tmp/$name.bs")
}

stop_pid() {
	kill -TERM "$1" 2>/dev/null
	RC=0
	wait "$1" 2>/dev/null || RC=$?
}

# start_receivers NAME: the HTTP receiver (webhooks and robots) and the SMTP receiver; sets
# HTTP_PORT, SMTP_PORT, HTTP_PID, SMTP_PID
start_receivers() {
	local name=$1
	$RECEIVER http "$tmp/$name.http.port" "$tmp/$name.http.log" --secret test-secret --fail-file "$tmp/$name.down" \
		--port "${HTTP_PORT:-0}" 2>>"$tmp/$name.http.err" &
	HTTP_PID=$!
	pids+=("$HTTP_PID")
	$RECEIVER smtp "$tmp/$name.smtp.port" "$tmp/$name.smtp.log" 2>>"$tmp/$name.smtp.err" &
	SMTP_PID=$!
	pids+=("$SMTP_PID")
	wait_for 20 test -s "$tmp/$name.http.port" && wait_for 20 test -s "$tmp/$name.smtp.port" || return 1
	touch "$tmp/$name.http.log" "$tmp/$name.smtp.log"
	HTTP_PORT=$(cat "$tmp/$name.http.port")
	SMTP_PORT=$(cat "$tmp/$name.smtp.port")
}

# write_config NAME [HOUSING]: the test configuration; HOUSING=no leaves out the housing route
write_config() {
	local name=$1 housing=${2:-yes} hroute=""
	[ "$housing" = yes ] && hroute='{ "name": "housing-hook", "office": "housing", "channel": "webhook", "url": "http://127.0.0.1:'$HTTP_PORT'/hook/housing", "secret": "test-secret" },'
	cat >"$tmp/$name.json" <<EOC
{
  "_comment": "alerting tests",
  "kafka": { "consumer": { "session.timeout.ms": 4000, "heartbeat.interval.ms": 500, "fetch.wait.max.ms": 10 } },
  "alerting": {
    "group": "alertd-$name",
    "hotline_token": "test-token",
    "spread": { "yellow": 3, "orange": 10, "red": 1000 },
    "retry": { "initial_ms": 200, "max_ms": 2000, "horizon_hours": 1, "timeout_ms": 3000 },
    "smtp": { "url": "smtp://127.0.0.1:$SMTP_PORT", "from": "wa-alertd@example.org" },
    "routes": [
      $hroute
      { "name": "cyber-hook", "office": "cyberspace", "channel": "webhook", "url": "http://127.0.0.1:$HTTP_PORT/hook/cyber", "secret": "test-secret" },
      { "name": "cyber-wecom", "office": "cyberspace", "channel": "wecom", "url": "http://127.0.0.1:$HTTP_PORT/wecom?key=k", "min_level": "orange" },
      { "name": "petition-mail", "office": "petition", "channel": "email", "to": ["xinfang@example.org"], "prefectures": ["拉萨", "日喀则"] },
      { "name": "boss-dingtalk", "office": "supervisors", "channel": "dingtalk", "url": "http://127.0.0.1:$HTTP_PORT/dingtalk?access_token=t", "secret": "SECabc" }
    ]
  }
}
EOC
}

# start_alertd NAME [ARGS]: wa-alertd in the background; sets ALERTD_PID
start_alertd() {
	local name=$1
	shift
	# No HTTP API unless the scenario asks for one (the default port may be taken on this machine).
	case " $* " in *" --listen "*) ;; *) set -- --no-http "$@" ;; esac
	"$ALERTD" --config "$tmp/$name.json" --brokers "$B" --db "$tmp/$name.db" --stats-interval 1 "$@" \
		>>"$tmp/$name.out" 2>>"$tmp/$name.err" &
	ALERTD_PID=$!
	pids+=("$ALERTD_PID")
}

wait_group() { "$TOOL" wait-group --brokers "$B" --topic wa.hits --group "alertd-$1" --timeout "${2:-180}" >/dev/null; }
# the ledger's outbox fully delivered
outbox_empty() { [ "$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM outbox WHERE status <> 'delivered'\").fetchone()[0])" "$1")" = 0 ]; }
kafka_outbox_empty() { [ "$(sql "$1" "SELECT count(*) FROM kafka_out WHERE sent_at IS NULL")" = 0 ]; }
sql() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$1" "$2"; }

scenario_cli() {
	local out rc
	out=$("$ALERTD" --help 2>&1)
	rc=$?
	[ $rc = 0 ] && echo "$out" | grep -q 'Usage: wa-alertd' && ok "cli: --help" || bad "cli: --help" "rc=$rc"
	out=$("$ALERTD" --bogus 2>&1)
	rc=$?
	[ $rc = 2 ] && [ "$(echo "$out" | wc -l)" = 1 ] && ok "cli: unknown option → exit 2, one line" || bad "cli: unknown option" "rc=$rc $out"
	echo '{"alerting": {"routes": [{"name": "x", "office": "police", "channel": "webhook", "url": "http://h", "secret": "s"}]}}' >"$tmp/bad.json"
	out=$("$ALERTD" --config "$tmp/bad.json" --db "$tmp/cli.db" migrate 2>&1)
	rc=$?
	[ $rc = 2 ] && [ "$(echo "$out" | wc -l)" = 1 ] && echo "$out" | grep -q 'alerting.routes\[0\].office' &&
		ok "cli: bad route → one line naming the key" || bad "cli: bad route" "rc=$rc $out"
	echo '{"alerting": {"window_dayz": 3}}' >"$tmp/bad2.json"
	out=$("$ALERTD" --config "$tmp/bad2.json" migrate 2>&1)
	rc=$?
	[ $rc = 2 ] && echo "$out" | grep -q 'window_dayz' && ok "cli: unknown key refused" || bad "cli: unknown key" "rc=$rc $out"
	out=$("$ALERTD" --db "$tmp/cli.db" case 1 --to closed --by x 2>&1)
	rc=$?
	[ $rc = 1 ] && echo "$out" | grep -q 'no case 1' && ok "cli: case on a missing case → one-line error" || bad "cli: case" "rc=$rc $out"
	out=$("$ALERTD" --db "$tmp/cli.db" migrate 2>&1)
	echo "$out" | grep -q 'schema version' && ok "cli: migrate ($out)" || bad "cli: migrate" "$out"
}

scenario_main() {
	start_cluster main --partitions 6 || { bad "main: cluster"; return; }
	HTTP_PORT=0
	start_receivers main || { bad "main: receivers"; return; }
	write_config main
	python3 tests/alerting/gen_hits.py "$INCIDENTS" "$PER" "$tmp/hits" || { bad "main: hits"; return; }
	# Malformed messages among the hits: each must end in wa.dlq.
	printf '%s\n' 'not json' '{"id": "no-level"}' '[1, 2, 3]' '{"id": 5, "level": "purple"}' >"$tmp/bad.jsonl"
	cat "$tmp/bad.jsonl" >>"$tmp/hits.1.jsonl"
	local total=$(($(wc -l <"$tmp/hits.1.jsonl") + $(wc -l <"$tmp/hits.2.jsonl")))
	# The webhook receiver answers 503 for the first stretch: every notification is retried.
	touch "$tmp/main.down"
	start_alertd main
	local t0=$SECONDS rate=$((INCIDENTS * PER / 60 + 1))
	"$TOOL" produce --brokers "$B" --topic wa.hits --rate "$rate" "$tmp/hits.1.jsonl" 2>"$tmp/main.produce" &
	local producer=$!
	pids+=("$producer")
	local i midstream=0 restart_line=0
	for i in $(seq 1 "$KILLS"); do
		# Let this process join the group and work for a random moment, then kill it.
		wait_for 60 bash -c "tail -n +$((restart_line + 1)) '$tmp/main.err' | grep -q 'hits_in=[1-9]'" ||
			log "main: process $i consumed nothing within 60 s"
		sleep "$(python3 -c 'import random; print(round(random.uniform(0.2, 2.0), 2))')"
		[ "$i" = 3 ] && rm -f "$tmp/main.down" # the receiver comes back
		kill -0 "$producer" 2>/dev/null && midstream=$((midstream + 1))
		kill -KILL "$ALERTD_PID" 2>/dev/null
		wait "$ALERTD_PID" 2>/dev/null
		log "main: SIGKILL $i after $(tail -n +$((restart_line + 1)) "$tmp/main.err" | grep -o 'hits_in=[0-9]*' | tail -n 1) of this process; hits still arriving: $(kill -0 "$producer" 2>/dev/null && echo yes || echo no)"
		echo "--- restart $i" >>"$tmp/main.err"
		restart_line=$(wc -l <"$tmp/main.err")
		start_alertd main
	done
	rm -f "$tmp/main.down"
	check "main: the kills came while hits were arriving ($midstream of $KILLS)" test "$midstream" -ge $((KILLS - 1))
	wait "$producer" || bad "main: producing the hits"
	wait_group main 180 || bad "main: wa-alertd consumed every hit" "$(tail -n 5 "$tmp/main.err")"
	# The reposts naming no unit: they join their case by text.
	"$TOOL" produce --brokers "$B" --topic wa.hits "$tmp/hits.2.jsonl" 2>>"$tmp/main.produce" || bad "main: producing the reposts"
	wait_group main 120 || bad "main: wa-alertd consumed the reposts"
	log "main: $total messages consumed in $((SECONDS - t0)) s with $KILLS kills"
	log "main: hits seen again after the kills (stored before, offsets not yet committed), changing nothing: $(awk '/^--- restart/ { sum += last; last = 0 } match($0, /duplicates=[0-9]+/) { last = substr($0, RSTART + 11, RLENGTH - 11) } END { print sum + last }' "$tmp/main.err")"
	wait_for 120 outbox_empty "$tmp/main.db" || log "main: outbox not empty after 120 s"
	check "main: $INCIDENTS incidents → $INCIDENTS cases" $CHECK cases "$tmp/main.db" "$tmp/hits.expected.json"
	check "main: every notification delivered, received by key" $CHECK delivered "$tmp/main.db" "$tmp/main.http.log" "$tmp/main.smtp.log"
	check "main: retries recorded while the receiver was down" \
		test "$(sql "$tmp/main.db" "SELECT count(*) FROM attempts WHERE delivered = 0 AND http_status = 503")" -gt 0
	check "main: a delivered fast report moves the case to reported" \
		$CHECK count "$tmp/main.db" "SELECT count(*) FROM cases WHERE status = 'reported' AND reported_at IS NOT NULL" "$INCIDENTS"
	check "main: acknowledgements on the cases" \
		test "$(sql "$tmp/main.db" "SELECT count(*) FROM events WHERE kind = 'acknowledged'")" = "$(sql "$tmp/main.db" "SELECT count(*) FROM outbox")"
	check "main: webhook signatures and Chinese text intact" grep -q '"signature_ok": true, "kind": "fast_report".*环卫工人欠薪快报' "$tmp/main.http.log"
	check "main: WeCom robot markdown received" grep -q '"path": "/wecom?key=k", .*"msgtype": "markdown"' "$tmp/main.http.log"
	check "main: e-mail with UTF-8 subject and body" grep -q '"subject": "新的环卫工人欠薪预警".*拖欠' "$tmp/main.smtp.log"
	# Dead letters and case events (published from the ledger's Kafka outbox).
	wait_for 30 kafka_outbox_empty "$tmp/main.db" || log "main: Kafka outbox not empty after 30 s"
	"$TOOL" dump --brokers "$B" --topic wa.dlq >"$tmp/dlq.txt" 2>>"$tmp/dump.err"
	check "main: the 4 malformed hits in wa.dlq with a reason" \
		test "$(python3 -c "import json,sys; print(len({(d['partition'],d['offset']) for d in map(json.loads, open(sys.argv[1])) if d.get('reason')}))" "$tmp/dlq.txt")" = 4
	"$TOOL" dump --brokers "$B" --topic wa.cases >"$tmp/cases.txt" 2>>"$tmp/dump.err"
	check "main: case events in wa.cases ($(wc -l <"$tmp/cases.txt") messages)" \
		test "$(grep -c '"kind":"opened"' "$tmp/cases.txt")" -ge "$INCIDENTS"
	stop_pid "$ALERTD_PID"
	check "main: SIGTERM → exit 0" test "$RC" = 0
	# The complaint ledger as CSV, and an online backup.
	"$ALERTD" --db "$tmp/main.db" export-csv --prefecture 拉萨 --out "$tmp/lhasa.csv" 2>"$tmp/csv.err"
	check "main: CSV export of one prefecture" python3 -c "
import csv,sys
rows=list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig')))
assert rows and all(r['prefecture']=='拉萨' for r in rows), len(rows)
assert all(int(r['hits'])==$PER for r in rows)
print(len(rows),'Lhasa cases')" "$tmp/lhasa.csv"
	"$ALERTD" --db "$tmp/main.db" backup "$tmp/backup.db" >/dev/null 2>"$tmp/backup.err"
	check "main: backup holds every case" $CHECK count "$tmp/backup.db" "SELECT count(*) FROM cases" "$INCIDENTS"
	kill -TERM "$HTTP_PID" "$SMTP_PID" 2>/dev/null
	kill -TERM "$DEV_PID" 2>/dev/null
	wait "$DEV_PID" 2>/dev/null
}

scenario_clocks() {
	start_cluster clocks || { bad "clocks: cluster"; return; }
	HTTP_PORT=0
	start_receivers clocks || { bad "clocks: receivers"; return; }
	write_config clocks no # no housing route: nothing reports the cases automatically
	python3 tests/alerting/gen_hits.py 3 1 "$tmp/ch" --seed 3
	cat "$tmp/ch.2.jsonl" >"$tmp/ch.jsonl"
	# Three cases: the hits name their units (gen_hits puts a single post in the second file).
	python3 -c "
import json,sys
for i,l in enumerate(open(sys.argv[1])):
    h=json.loads(l); h['entities']['company']='测试%d环卫有限公司'%i; print(json.dumps(h,ensure_ascii=False))" "$tmp/ch.jsonl" >"$tmp/ch3.jsonl"
	start_alertd clocks
	"$TOOL" produce --brokers "$B" --topic wa.hits "$tmp/ch3.jsonl" 2>/dev/null
	wait_group clocks 60 || bad "clocks: consumed"
	stop_pid "$ALERTD_PID"
	local db=$tmp/clocks.db opened
	opened=$(sql "$db" "SELECT min(opened_at) FROM cases")
	"$ALERTD" --config "$tmp/clocks.json" --db "$db" case 2 --to reported --by 住建厅 >/dev/null 2>>"$tmp/clocks.err"
	"$ALERTD" --config "$tmp/clocks.json" --db "$db" case 3 --to reported --by 住建厅 >/dev/null 2>>"$tmp/clocks.err"
	"$ALERTD" --config "$tmp/clocks.json" --db "$db" case 3 --to assigned --by 住建厅 --note 城关区住建局 >/dev/null 2>>"$tmp/clocks.err"
	"$ALERTD" --config "$tmp/clocks.json" --db "$db" case 3 --to resolved --by 城关区住建局 --note "已补发全部工资" >/dev/null 2>>"$tmp/clocks.err"
	local out
	out=$("$ALERTD" --config "$tmp/clocks.json" --db "$db" case 1 --to resolved --by x --note paid 2>&1)
	check "clocks: an illegal step is refused" bash -c "echo '$out' | grep -q 'is open: it cannot become resolved'"
	out=$("$ALERTD" --config "$tmp/clocks.json" --db "$db" check-clocks --at $((opened + 7199)) 2>&1)
	check "clocks: nothing overdue before 2 h ($out)" test "$out" = "0 deadlines passed"
	out=$("$ALERTD" --config "$tmp/clocks.json" --db "$db" check-clocks --at $((opened + 7205)) 2>&1)
	check "clocks: the unreported case overdue at 2 h ($out)" $CHECK count "$db" "SELECT group_concat(id) FROM cases WHERE report_overdue = 1" 1
	out=$("$ALERTD" --config "$tmp/clocks.json" --db "$db" check-clocks --at $((opened + 86405)) 2>&1)
	check "clocks: the unresolved cases overdue at 24 h, not the resolved one ($out)" \
		$CHECK count "$db" "SELECT group_concat(id) FROM cases WHERE resolve_overdue = 1" 1,2
	"$ALERTD" --config "$tmp/clocks.json" --db "$db" deliver >"$tmp/clocks.deliver" 2>&1
	check "clocks: escalations sent to the supervisors' DingTalk robot" \
		test "$(grep -c '超时未' "$tmp/clocks.http.log")" = 3
	check "clocks: DingTalk robot messages signed" grep -q '"path": "/dingtalk?access_token=t&timestamp=[0-9]*&sign=' "$tmp/clocks.http.log"
	check "clocks: overdue events on the trail" $CHECK count "$db" "SELECT count(*) FROM events WHERE kind LIKE 'overdue_%'" 3
	kill -TERM "$HTTP_PID" "$SMTP_PID" 2>/dev/null
	kill -TERM "$DEV_PID" 2>/dev/null
	wait "$DEV_PID" 2>/dev/null
}

scenario_dbfail() {
	start_cluster dbfail || { bad "dbfail: cluster"; return; }
	HTTP_PORT=0
	start_receivers dbfail || { bad "dbfail: receivers"; return; }
	write_config dbfail
	python3 tests/alerting/gen_hits.py 40 10 "$tmp/df" --seed 5
	head -n 100 "$tmp/df.1.jsonl" >"$tmp/dfa.jsonl"
	tail -n +101 "$tmp/df.1.jsonl" >"$tmp/dfb.jsonl"
	start_alertd dbfail
	"$TOOL" produce --brokers "$B" --topic wa.hits "$tmp/dfa.jsonl" 2>/dev/null
	wait_group dbfail 60 || bad "dbfail: first part consumed"
	# Another connection takes the ledger's write lock and keeps it: the ledger cannot be written.
	python3 -c "
import sqlite3,sys,time
c=sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
c.execute('BEGIN EXCLUSIVE'); open(sys.argv[2],'w').close(); time.sleep(float(sys.argv[3])); c.execute('ROLLBACK')" \
		"$tmp/dbfail.db" "$tmp/locked" 25 &
	local locker=$!
	pids+=("$locker")
	wait_for 10 test -e "$tmp/locked"
	"$TOOL" produce --brokers "$B" --topic wa.hits "$tmp/dfb.jsonl" 2>/dev/null
	wait_for 20 grep -q 'cannot write the ledger' "$tmp/dbfail.err"
	check "dbfail: a clear error while the ledger cannot be written" grep -q 'cannot write the ledger.*nothing committed to Kafka past them' "$tmp/dbfail.err"
	local lag
	lag=$("$TOOL" wait-group --brokers "$B" --topic wa.hits --group alertd-dbfail --timeout 1 2>/dev/null | sed -n 's/^lag //p')
	check "dbfail: offsets not committed past the failure (lag ${lag:-?})" test "${lag:-0}" -gt 0
	# Killed while it cannot write: nothing of the held hits may be lost.
	kill -KILL "$ALERTD_PID"
	wait "$ALERTD_PID" 2>/dev/null
	wait "$locker"
	start_alertd dbfail
	wait_group dbfail 60 || bad "dbfail: rest consumed after the ledger is writable"
	"$TOOL" produce --brokers "$B" --topic wa.hits "$tmp/df.2.jsonl" 2>/dev/null
	wait_group dbfail 60 || bad "dbfail: reposts consumed"
	check "dbfail: every hit stored once, 40 cases" $CHECK cases "$tmp/dbfail.db" "$tmp/df.expected.json"
	stop_pid "$ALERTD_PID"
	kill -TERM "$HTTP_PID" "$SMTP_PID" 2>/dev/null
	kill -TERM "$DEV_PID" 2>/dev/null
	wait "$DEV_PID" 2>/dev/null
}

scenario_hotline() {
	start_cluster hotline || { bad "hotline: cluster"; return; }
	HTTP_PORT=0
	start_receivers hotline || { bad "hotline: receivers"; return; }
	write_config hotline
	local port
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	local mport
	mport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	start_alertd hotline --listen "127.0.0.1:$port" --metrics "127.0.0.1:$mport"
	wait_for 20 grep -q 'HTTP API on port' "$tmp/hotline.err" || { bad "hotline: API up" "$(tail -n 3 "$tmp/hotline.err")"; return; }
	local url=http://127.0.0.1:$port/api/complaints
	local good='{"channel":"12345","ticket":"GD-2026-0001","complainant":{"name":"次仁","phone":"13900000000"},"unit":{"name":"拉萨市净美环卫有限公司"},"content":"我们十二名环卫工人三个月没有领到工资","region":{"prefecture":"拉萨","county":"城关区"},"workers":12,"months":3,"amount_yuan":54000}'
	post() { curl -s -o "$tmp/hl.body" -w '%{http_code}' -H "Content-Type: application/json" "$@" "$url"; }
	check "hotline: a valid complaint → 201 and a case" bash -c "[ \"\$(curl -s -o '$tmp/hl.body' -w '%{http_code}' -H 'Authorization: Bearer test-token' --data-binary '$good' '$url')\" = 201 ] && grep -q case_id '$tmp/hl.body'"
	check "hotline: the same ticket again → 200, the same case" bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer test-token' --data-binary '$good' '$url')\" = 200 ]"
	local code
	code=$(post --data-binary "$good")
	check "hotline: no token → 401" test "$code" = 401
	code=$(post -H 'Authorization: Bearer wrong' --data-binary "$good")
	check "hotline: wrong token → 401" test "$code" = 401
	local field body
	for field in channel ticket complainant.name unit.name content region.prefecture workers; do
		body=$(python3 -c "
import json,sys
d=json.loads(sys.argv[1]); f=sys.argv[2]
if f=='workers': d['workers']='many'
elif '.' in f: a,b=f.split('.'); del d[a][b]
else: del d[f]
print(json.dumps(d,ensure_ascii=False))" "$good" "$field")
		code=$(post -H 'Authorization: Bearer test-token' --data-binary "$body")
		check "hotline: invalid $field → 400 naming it" bash -c "[ '$code' = 400 ] && grep -q '\"field\":\"$field\"' '$tmp/hl.body'"
	done
	wait_for 20 bash -c "grep -q 'GD-2026-0001\|次仁' '$tmp/hotline.smtp.log'"
	check "hotline: the complaint's case notified (petition e-mail with the complainant)" grep -q '次仁' "$tmp/hotline.smtp.log"
	check "hotline: /metrics served" bash -c "curl -s 'http://127.0.0.1:$mport/metrics' | grep -q '^wa_alertd_notifications_delivered_total [1-9]'"
	stop_pid "$ALERTD_PID"
	check "hotline: SIGTERM → exit 0" test "$RC" = 0
	kill -TERM "$HTTP_PID" "$SMTP_PID" 2>/dev/null
	kill -TERM "$DEV_PID" 2>/dev/null
	wait "$DEV_PID" 2>/dev/null
}

for s in $SCENARIOS; do
	"scenario_$s"
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
