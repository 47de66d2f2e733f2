#!/bin/bash
# Kafka tests (issue "Kafka backbone", SPEC §3.4): wa-classify run against bin/wa-kafka-dev over
# real TCP on loopback. Every scenario starts its own cluster and stage processes and stops them.
# Ends with "N passed, N failed".
#
#   cli     --help and one-line errors of wa-kafka-dev and wa-classify run, the bootstrap line
#   main    100,000 documents with 1,000 malformed ones: hits = offline hits by id, exactly the
#           malformed ones in wa.dlq with a reason, keys, stats line, /metrics, clean SIGTERM
#   kill    SIGKILL mid-stream and restart, three times: nothing missing, repeats counted
#   term    SIGTERM mid-stream and restart: clean handover, nothing missing, nothing repeated
#   broker  one broker down and back during the run: nothing missing
#   dict    dictionary changed mid-stream: new dict_version on later hits; broken dictionary
#           refused with an error, old one stays, nothing dropped
#   group   two stage processes in one group: the work is split, nothing left unprocessed
#   big     a hit too large for a Kafka message: a dead letter with the reason, nothing stalls
#
# Environment: WA_CLASSIFY, WA_KAFKA_DEV, WA_KAFKA_TOOL (binaries under test; the sanitizer
# build runs some scenarios with its own), KAFKA_TEST_DOCS (100000), KAFKA_TEST_BAD (1000),
# KAFKA_TEST_SCENARIOS (all of the above), KAFKA_TEST_KEEP=1 keeps the logs.
set -u
cd "$(dirname "$0")/../.."
WA=${WA_CLASSIFY:-bin/wa-classify}
DEV=${WA_KAFKA_DEV:-bin/wa-kafka-dev}
TOOL=${WA_KAFKA_TOOL:-build/tests/wa-kafka-tool}
OFFLINE=bin/wa-classify
N=${KAFKA_TEST_DOCS:-100000}
BAD=${KAFKA_TEST_BAD:-1000}
SCENARIOS=${KAFKA_TEST_SCENARIOS:-cli main kill term broker dict group big}
CHECK="python3 tests/kafka/kafka_check.py"
tmp=$(mktemp -d)
# Work on copies of the binaries and the dictionary: a rebuild or a dictionary edit in the tree
# while the tests run must not change what is tested half-way.
# The binary under test goes to a folder of its own with the stage it starts (`wa-classify run`
# execs wa-classify-stage beside it).
mkdir -p "$tmp/bin" "$tmp/run"
cp "$WA" "$tmp/run/wa-classify" && cp "$(dirname "$WA")/wa-classify-stage" "$tmp/run/wa-classify-stage" &&
	cp "$OFFLINE" "$tmp/bin/wa-classify" && cp "$DEV" "$tmp/bin/wa-kafka-dev" &&
	cp "$TOOL" "$tmp/bin/wa-kafka-tool" && cp -r dict "$tmp/dict0" || { echo "cannot copy the binaries"; echo "0 passed, 1 failed"; exit 1; }
WA=$tmp/run/wa-classify OFFLINE=$tmp/bin/wa-classify DEV=$tmp/bin/wa-kafka-dev TOOL=$tmp/bin/wa-kafka-tool
export WA_CACHE_DIR=${WA_CACHE_DIR:-$tmp/cache}
unset WA_KAFKA_BROKERS
TEST_KEEP=${KAFKA_TEST_KEEP:-}
# shellcheck source=../lib/harness.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/harness.sh"

# Test configuration: a short session timeout so a killed member leaves the group in seconds,
# a fast dictionary check.
cat >"$tmp/wa.json" <<'EOF'
{
  "_comment": "Kafka tests: short session timeout, fast dictionary checks",
  "kafka": { "consumer": { "session.timeout.ms": 4000, "heartbeat.interval.ms": 500 } },
  "classifier": { "dict_check_interval_ms": 300 }
}
EOF


# start_cluster NAME [ARGS]: a fresh wa-kafka-dev; sets B (bootstrap list) and DEV_PID
start_cluster() {
	local name=$1
	shift
	"$DEV" --bootstrap-file "$tmp/$name.bs" "$@" >"$tmp/$name.dev.out" 2>"$tmp/$name.dev.err" &
	DEV_PID=$!
	pids+=("$DEV_PID")
	if ! wait_for 20 test -s "$tmp/$name.bs"; then
		B=""
		cat "$tmp/$name.dev.err"
		return 1
	fi
	B=$(cat "$tmp/$name.bs")
}

stop_cluster() {
	kill -TERM "$DEV_PID" 2>/dev/null
	wait "$DEV_PID" 2>/dev/null
}

# start_stage LOGNAME ARGS...: wa-classify run in the background; sets STAGE_PID
start_stage() {
	local name=$1
	shift
	"$WA" run --config "$tmp/wa.json" --brokers "$B" --stats-interval 1 --dict "$tmp/dict0" "$@" >>"$tmp/$name.out" 2>>"$tmp/$name.err" &
	STAGE_PID=$!
	pids+=("$STAGE_PID")
}

# stop_pid PID: SIGTERM and wait; the exit status goes to RC (not $(...): a subshell cannot wait)
stop_pid() {
	kill -TERM "$1" 2>/dev/null
	RC=0
	wait "$1" 2>/dev/null || RC=$?
}

assigned_count() { grep -c ': assigned ' "$1" 2>/dev/null; }
wait_assigned() { # FILE N: until the file shows N assignments
	wait_for 60 bash -c "[ \$(grep -c ': assigned ' '$1' 2>/dev/null) -ge $2 ]"
}
wait_group() { "$TOOL" wait-group --brokers "$B" --topic wa.docs --group "$1" --timeout "${2:-180}"; }
dump() { "$TOOL" dump --brokers "$B" --topic "$1" "${@:2}" 2>>"$tmp/dump.err"; }
offline() { "$OFFLINE" --quiet --dict "$tmp/dict0" "$@" 2>/dev/null; }

# Documents: N with BAD malformed ones among them, and the hits the offline classifier finds.
$CHECK docs "$tmp/docs.jsonl" "$N" "$BAD"
offline "$tmp/docs.jsonl" >"$tmp/expected.jsonl"
log "$(wc -l <"$tmp/docs.jsonl") messages ($N documents, $BAD malformed), $(wc -l <"$tmp/expected.jsonl") expected hits"

# ------------------------------------------------------------------------------------------------
scenario_cli() {
	check "wa-kafka-dev --help" bash -c "'$DEV' --help | grep -q '^Usage: wa-kafka-dev'"
	"$DEV" --broker-count 0 >/dev/null 2>"$tmp/err"
	local rc=$?
	check "wa-kafka-dev bad argument: exit 2, one line" bash -c "[ $rc = 2 ] && [ \$(wc -l <'$tmp/err') = 1 ]"
	check "wa-classify run --help" bash -c "'$WA' run --help | grep -q '^Usage: wa-classify run'"
	echo '{"kafka": {"brokers": "127.0.0.1:1"}, "clasifier": {}}' >"$tmp/bad1.json"
	"$WA" run --config "$tmp/bad1.json" >/dev/null 2>"$tmp/err"
	rc=$?
	check "config: unknown section named with the file, exit 2" bash -c "[ $rc = 2 ] && [ \$(wc -l <'$tmp/err') = 1 ] && grep -q 'bad1.json: clasifier: unknown key' '$tmp/err'"
	echo '{"kafka": {"consumer": {"session.timeout.ms": "soon"}}}' >"$tmp/bad2.json"
	"$WA" run --config "$tmp/bad2.json" >/dev/null 2>"$tmp/err"
	rc=$?
	check "config: bad librdkafka property names file and key" bash -c "[ $rc = 2 ] && [ \$(wc -l <'$tmp/err') = 1 ] && grep -q 'bad2.json: kafka.consumer.\"session.timeout.ms\"' '$tmp/err'"
	echo '{"classifier": {"stats_interval_s": "often"}}' >"$tmp/bad3.json"
	"$WA" run --config "$tmp/bad3.json" >/dev/null 2>"$tmp/err"
	rc=$?
	check "config: wrong type names file and key" bash -c "[ $rc = 2 ] && grep -q 'bad3.json: classifier.stats_interval_s: expected a whole number' '$tmp/err'"
	"$WA" run --config "$tmp/nowhere.json" >/dev/null 2>"$tmp/err"
	rc=$?
	check "config: missing file" bash -c "[ $rc = 2 ] && grep -q 'nowhere.json: cannot read' '$tmp/err'"
	"$WA" run --metrics nonsense >/dev/null 2>"$tmp/err"
	rc=$?
	check "bad --metrics: exit 2" test "$rc" = 2

	start_cluster cli --broker-count 2 --partitions 3 || { bad "wa-kafka-dev starts"; return; }
	check "bootstrap line is the first stdout line and the file's content" bash -c "[ \"\$(head -n 1 '$tmp/cli.dev.out')\" = '$B' ] && echo '$B' | grep -Eq '^127\.0\.0\.1:[0-9]+,127\.0\.0\.1:[0-9]+\$'"
	kill -TERM "$DEV_PID"
	rc=0
	wait "$DEV_PID" || rc=$?
	check "wa-kafka-dev: SIGTERM exits 0" test "$rc" = 0
}

# ------------------------------------------------------------------------------------------------
scenario_main() {
	start_cluster main --partitions 12 || { bad "main: cluster"; return; }
	start_stage main --group main --metrics 127.0.0.1:0
	local stage=$STAGE_PID
	"$TOOL" produce --brokers "$B" --topic wa.docs "$tmp/docs.jsonl" 2>"$tmp/main.produce"
	check "main: every document produced and acknowledged" grep -q ' 0 failed, 0 unacknowledged' "$tmp/main.produce"
	check "main: group committed every offset" wait_group main
	local url
	url=$(grep -o 'http://[0-9.:]*/metrics' "$tmp/main.err" | head -n 1)
	curl -sf "$url" >"$tmp/main.metrics" 2>&1
	check "main: /metrics counts every message" grep -qx "wa_classify_docs_in_total $((N + BAD))" "$tmp/main.metrics"
	check "main: /metrics has dlq, lag, dictionary version" bash -c "grep -qx 'wa_classify_dlq_total $BAD' '$tmp/main.metrics' && grep -q '^wa_classify_consumer_lag ' '$tmp/main.metrics' && grep -q '^wa_classify_dict_info{version=' '$tmp/main.metrics'"
	stop_pid "$stage"
	local rc=$RC
	check "main: SIGTERM stops cleanly, exit 0" bash -c "[ $rc = 0 ] && grep -q 'stopped cleanly' '$tmp/main.err'"
	check "main: stats line with docs in, hits out, dlq, lag, dict_version" grep -Eq "docs_in=$((N + BAD)) hits_out=[0-9]+ dlq=$BAD lag=[0-9]+ in_flight=[0-9]+ dict_version=[0-9a-f]+" "$tmp/main.err"
	dump wa.hits >"$tmp/main.hits"
	dump wa.hits --keys >"$tmp/main.keyed"
	dump wa.dlq >"$tmp/main.dlq"
	check "main: hit set equals the offline hit set (by id)" $CHECK hits "$tmp/expected.jsonl" "$tmp/main.hits"
	check "main: no repeats without faults" bash -c "$CHECK hits '$tmp/expected.jsonl' '$tmp/main.hits' | grep -q ' repeats 0 '"
	check "main: exactly the malformed messages in wa.dlq, each with a reason" $CHECK dlq "$tmp/docs.jsonl" "$tmp/main.dlq"
	check "main: hits keyed PREFECTURE|COMPANY (else id)" $CHECK keys "$tmp/main.keyed"
	check "main: dead letter carries topic, partition, offset, original bytes" python3 -c "
import json,base64
d=json.loads(open('$tmp/main.dlq').readline())
assert d['topic']=='wa.docs' and d['partition']>=0 and d['offset']>=0 and d['stage']=='wa-classify', d
assert len(base64.b64decode(d['value_base64']))==d['value_bytes'], d"
	stop_cluster
}

# ------------------------------------------------------------------------------------------------
scenario_kill() {
	start_cluster kill --partitions 12 || { bad "kill: cluster"; return; }
	# Produce over ~30 s while the stage is killed and restarted.
	"$TOOL" produce --brokers "$B" --topic wa.docs --rate $((N / 30 + 1)) "$tmp/docs.jsonl" 2>"$tmp/kill.produce" &
	local producer=$!
	pids+=("$producer")
	start_stage kill --group kill
	local i midstream=0
	for i in 1 2 3; do
		if ! wait_assigned "$tmp/kill.err" "$i"; then
			bad "kill: stage $i got partitions" "$(tail -n 5 "$tmp/kill.err")"
			break
		fi
		sleep 3
		local before
		before=$(grep -o 'docs_in=[0-9]*' "$tmp/kill.err" | tail -n 1)
		local streaming=no
		kill -0 "$producer" 2>/dev/null && streaming=yes
		kill -KILL "$STAGE_PID"
		wait "$STAGE_PID" 2>/dev/null
		log "kill: SIGKILL $i after ${before:-docs_in=0} (this process), documents still arriving: $streaming"
		[ "$streaming" = yes ] && midstream=$((midstream + 1))
		echo "--- restart $i" >>"$tmp/kill.err"
		start_stage kill --group kill
	done
	check "kill: all three kills while documents were arriving" test "$midstream" = 3
	wait "$producer"
	check "kill: every document produced" grep -q ' 0 failed, 0 unacknowledged' "$tmp/kill.produce"
	check "kill: the restarted stage joins the group" wait_assigned "$tmp/kill.err" 4
	check "kill: group committed every offset after the restarts" wait_group kill
	stop_pid "$STAGE_PID"
	local rc=$RC
	check "kill: last stage stops with exit 0" test "$rc" = 0
	dump wa.hits >"$tmp/kill.hits"
	dump wa.dlq >"$tmp/kill.dlq"
	check "kill: nothing missing, repeats counted" $CHECK hits "$tmp/expected.jsonl" "$tmp/kill.hits"
	check "kill: dead letters complete" $CHECK dlq "$tmp/docs.jsonl" "$tmp/kill.dlq"
	# Repeats are the at-least-once price of a SIGKILL: the work after the last commit is redone.
	log "kill: hits after 3 SIGKILLs: $($CHECK hits "$tmp/expected.jsonl" "$tmp/kill.hits" | head -n 1)"
	log "kill: dead letters after 3 SIGKILLs: $($CHECK dlq "$tmp/docs.jsonl" "$tmp/kill.dlq" | head -n 1)"
	stop_cluster
}

# ------------------------------------------------------------------------------------------------
scenario_term() {
	start_cluster term --partitions 12 || { bad "term: cluster"; return; }
	start_stage term --group term
	wait_assigned "$tmp/term.err" 1
	"$TOOL" produce --brokers "$B" --topic wa.docs --rate $((N / 8 + 1)) "$tmp/docs.jsonl" 2>"$tmp/term.produce" &
	local producer=$!
	pids+=("$producer")
	sleep 3
	stop_pid "$STAGE_PID"
	check "term: SIGTERM mid-stream exits 0 after committing" bash -c "[ $RC = 0 ] && grep -q 'stopped cleanly' '$tmp/term.err'"
	log "term: stopped after $(grep -o 'docs_in=[0-9]*' "$tmp/term.err" | tail -n 1)"
	start_stage term --group term
	wait "$producer"
	check "term: group committed every offset" wait_group term
	stop_pid "$STAGE_PID"
	dump wa.hits >"$tmp/term.hits"
	check "term: nothing missing, nothing repeated" bash -c "$CHECK hits '$tmp/expected.jsonl' '$tmp/term.hits' | tee /dev/stderr | grep -q ' repeats 0 missing 0 extra 0'"
	stop_cluster
}

# ------------------------------------------------------------------------------------------------
scenario_broker() {
	start_cluster broker --partitions 12 || { bad "broker: cluster"; return; }
	start_stage broker --group broker
	wait_assigned "$tmp/broker.err" 1
	"$TOOL" produce --brokers "$B" --topic wa.docs --rate $((N / 8 + 1)) "$tmp/docs.jsonl" 2>"$tmp/broker.produce" &
	local producer=$!
	pids+=("$producer")
	sleep 2
	kill -USR1 "$DEV_PID"
	sleep 4
	kill -USR2 "$DEV_PID"
	wait "$producer"
	check "broker: taken down and brought back" bash -c "grep -q 'broker 2 down' '$tmp/broker.dev.err' && grep -q 'every broker up' '$tmp/broker.dev.err'"
	check "broker: every document produced despite the outage" grep -q ' 0 failed, 0 unacknowledged' "$tmp/broker.produce"
	check "broker: group committed every offset" wait_group broker
	stop_pid "$STAGE_PID"
	local rc=$RC
	check "broker: stage stops with exit 0" test "$rc" = 0
	dump wa.hits >"$tmp/broker.hits"
	dump wa.dlq >"$tmp/broker.dlq"
	check "broker: nothing missing" $CHECK hits "$tmp/expected.jsonl" "$tmp/broker.hits"
	check "broker: dead letters complete" $CHECK dlq "$tmp/docs.jsonl" "$tmp/broker.dlq"
	stop_cluster
}

# ------------------------------------------------------------------------------------------------
scenario_dict() {
	local d=$tmp/dict n3=$((N / 10))
	cp -r "$tmp/dict0" "$d"
	$CHECK docs "$tmp/b1.jsonl" "$n3" 0 --offset 1000000
	$CHECK docs "$tmp/b2.jsonl" "$n3" 0 --offset 2000000
	$CHECK docs "$tmp/b3.jsonl" "$n3" 0 --offset 3000000
	offline --dict "$d" "$tmp/b1.jsonl" >"$tmp/b1.exp"
	start_cluster dict --partitions 6 || { bad "dict: cluster"; return; }
	start_stage dict --group dict --dict "$d"
	local stage=$STAGE_PID
	"$TOOL" produce --brokers "$B" --topic wa.docs "$tmp/b1.jsonl" 2>/dev/null
	wait_group dict >/dev/null
	local v1 v2
	v1=$(grep -o 'version [0-9a-f]*' "$tmp/dict.err" | head -n 1 | cut -d' ' -f2)
	# A change an analyst makes: a new subject term (the version is the content hash).
	printf '\n# added while running\n[subject]\n扫街阿姨\n' >>"$d/zh/terms.dict"
	offline --dict "$d" "$tmp/b2.jsonl" >"$tmp/b2.exp"
	offline --dict "$d" "$tmp/b3.jsonl" >"$tmp/b3.exp"
	if wait_for 30 grep -q 'reloaded (files changed)' "$tmp/dict.err"; then
		v2=$(grep 'reloaded (files changed)' "$tmp/dict.err" | head -n 1 | sed 's/.*-> \([0-9a-f]*\).*/\1/')
		ok "dict: changed files reloaded ($v1 -> $v2)"
	else
		bad "dict: changed files reloaded" "$(tail -n 5 "$tmp/dict.err")"
		v2=none
	fi
	"$TOOL" produce --brokers "$B" --topic wa.docs "$tmp/b2.jsonl" 2>/dev/null
	wait_group dict >/dev/null
	kill -HUP "$stage"
	check "dict: SIGHUP reloads" wait_for 30 grep -q 'reloaded (SIGHUP)' "$tmp/dict.err"
	# A broken dictionary: an unknown group.
	printf '[no_such_group]\n某个词\n' >>"$d/zh/terms.dict"
	if wait_for 30 grep -q 'error: dictionary .* refused' "$tmp/dict.err"; then
		ok "dict: broken dictionary refused with an error naming the problem ($(grep -m1 'no_such_group' "$tmp/dict.err" | head -c 120))"
	else
		bad "dict: broken dictionary refused" "$(tail -n 5 "$tmp/dict.err")"
	fi
	"$TOOL" produce --brokers "$B" --topic wa.docs "$tmp/b3.jsonl" 2>/dev/null
	check "dict: group committed every offset" wait_group dict
	stop_pid "$stage"
	local rc=$RC
	check "dict: stage stops with exit 0" test "$rc" = 0
	dump wa.hits >"$tmp/dict.hits"
	cat "$tmp/b1.exp" "$tmp/b2.exp" "$tmp/b3.exp" >"$tmp/dict.exp"
	check "dict: nothing dropped across reloads" $CHECK hits "$tmp/dict.exp" "$tmp/dict.hits"
	check "dict: hits before the change carry the old version" $CHECK versions "$tmp/dict.hits" "$tmp/b1.exp" "$v1"
	check "dict: hits after the change carry the new version" $CHECK versions "$tmp/dict.hits" "$tmp/b2.exp" "$v2"
	check "dict: after the broken dictionary the previous version stays" $CHECK versions "$tmp/dict.hits" "$tmp/b3.exp" "$v2"
	check "dict: old and new versions differ" test "$v1" != "$v2"
	stop_cluster
}

# ------------------------------------------------------------------------------------------------
scenario_group() {
	start_cluster group --partitions 12 || { bad "group: cluster"; return; }
	start_stage groupA --group pair
	local a=$STAGE_PID
	wait_assigned "$tmp/groupA.err" 1
	start_stage groupB --group pair
	local b=$STAGE_PID
	if ! wait_assigned "$tmp/groupB.err" 1; then
		bad "group: second process got partitions" "$(tail -n 3 "$tmp/groupB.err")"
	fi
	"$TOOL" produce --brokers "$B" --topic wa.docs "$tmp/docs.jsonl" 2>/dev/null
	check "group: committed every offset" wait_group pair
	local ra rb
	stop_pid "$a"
	ra=$RC
	stop_pid "$b"
	rb=$RC
	check "group: both stop with exit 0" test "$ra$rb" = 00
	local da db
	da=$(grep -o 'docs_in=[0-9]*' "$tmp/groupA.err" | tail -n 1 | cut -d= -f2)
	db=$(grep -o 'docs_in=[0-9]*' "$tmp/groupB.err" | tail -n 1 | cut -d= -f2)
	check "group: work split between the two (A ${da:-?}, B ${db:-?}, total $((N + BAD)))" bash -c "[ '${da:-0}' -gt 0 ] && [ '${db:-0}' -gt 0 ] && [ \$(( ${da:-0} + ${db:-0} )) -ge $((N + BAD)) ]"
	check "group: partitions split (last assignments)" bash -c "grep ': assigned ' '$tmp/groupA.err' | tail -n 1 | grep -qv 'assigned 12 ' && grep ': assigned ' '$tmp/groupB.err' | tail -n 1 | grep -qv 'assigned 12 '"
	dump wa.hits >"$tmp/group.hits"
	dump wa.dlq >"$tmp/group.dlq"
	check "group: nothing processed by neither (hits)" $CHECK hits "$tmp/expected.jsonl" "$tmp/group.hits"
	check "group: nothing processed by neither (dead letters)" $CHECK dlq "$tmp/docs.jsonl" "$tmp/group.dlq"
	stop_cluster
}

# ------------------------------------------------------------------------------------------------
scenario_big() {
	# A document just under the 1 MB message limit (message.max.bytes) whose hit (the document
	# plus the hit fields) is over it: the hit cannot be sent, so the document becomes a dead
	# letter, and the documents after it in its partition are still committed.
	python3 -c "
import json
hit = '拉萨市城关区的环卫工人已经三个月没发工资了，五十多名工人去上访。'
fill = '今天天气很好，布达拉宫前游客很多。'
doc = {'id': 'big-1', 'text': hit}
doc['text'] = hit + fill * ((999800 - len(json.dumps(doc, ensure_ascii=False).encode())) // len(fill.encode()))
print(json.dumps(doc, ensure_ascii=False))
for i in range(200):
    print(json.dumps({'id': 'after-%d' % i, 'text': '日喀则的环卫工人被拖欠工资两个月了（%d）' % i}, ensure_ascii=False))
" >"$tmp/big.jsonl"
	offline "$tmp/big.jsonl" | grep -v '"id": *"big-1"' >"$tmp/big.exp"
	start_cluster big --partitions 1 || { bad "big: cluster"; return; }
	start_stage big --group big
	"$TOOL" produce --brokers "$B" --topic wa.docs "$tmp/big.jsonl" 2>/dev/null
	check "big: group committed past the oversized hit" wait_group big 60
	stop_pid "$STAGE_PID"
	check "big: stage stops with exit 0" test "$RC" = 0
	dump wa.dlq >"$tmp/big.dlq"
	dump wa.hits >"$tmp/big.hits"
	check "big: dead letter with the reason, value left out" python3 -c "
import json
d = [json.loads(l) for l in open('$tmp/big.dlq') if l.strip()]
assert len(d) == 1, d
assert 'could not be sent' in d[0]['reason'] and d[0].get('value_omitted') is True and d[0]['value_bytes'] > 800000, d[0]
print(d[0]['reason'][:120])"
	check "big: the documents after it were classified" $CHECK hits "$tmp/big.exp" "$tmp/big.hits"
	stop_cluster
}

for s in $SCENARIOS; do
	t0=$SECONDS
	"scenario_$s"
	log "scenario $s: $((SECONDS - t0)) s"
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
