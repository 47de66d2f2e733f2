#!/usr/bin/env bash
# bench/stage.sh — the classifier as a Kafka stage (issue "Kafka backbone", SPEC §6): documents per
# second through one `wa-classify run` process, and the latency from producing a document to
# consuming its hit, on a local bin/wa-kafka-dev cluster over loopback TCP.
#
#   throughput  the bench corpus is produced to wa.docs first (64 partitions, so that the mock
#               brokers' in-memory log of about 5 MB per partition holds all of it), then one stage
#               process consumes it; docs/s = documents / (time the last document arrived - time
#               the first arrived), as the stage reports it when it stops. Best of STAGE_RUNS.
#   latency     the corpus is produced at STAGE_RATE documents/s with the send time (microseconds)
#               stamped into each document ("bench_sent_us", carried into the hit); after a warm-up
#               of a few seconds (the first fetches after a group join are slow), a consumer of
#               wa.hits records now - stamp for every hit to the end: p50, p90, p99, max.
#
# Everything runs on this machine: the cluster, the producer, the stage and the consumer share
# its cores. Results go to stdout and bench/out/stage-report.txt. Exit status 0 when the
# benchmark ran (targets MISSED are printed as such), 1 when it could not run.
#
# Environment (all optional):
#   WA_CLASSIFY, WA_KAFKA_DEV, WA_KAFKA_TOOL   binaries (default: bin/…, build/tests/wa-kafka-tool)
#   WA_DICT       dictionary folder (default: dict)
#   BENCH_OUT     output folder (default: bench/out); the corpus is $BENCH_OUT/corpus.jsonl, made
#                 by bench/run.sh, else generated here with bench/gen_corpus.c
#   STAGE_RUNS    throughput runs (default 3)
#   STAGE_RATE    documents/s of the latency run (default 5000)
set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${BENCH_OUT:-$ROOT/bench/out}
WA=${WA_CLASSIFY:-$ROOT/bin/wa-classify}
DEV=${WA_KAFKA_DEV:-$ROOT/bin/wa-kafka-dev}
TOOL=${WA_KAFKA_TOOL:-$ROOT/build/tests/wa-kafka-tool}
DICT=${WA_DICT:-$ROOT/dict}
RUNS=${STAGE_RUNS:-3}
RATE=${STAGE_RATE:-5000}
T_DOCS_S=50000   # target: documents/s through one stage process
T_P99_MS=100     # target: p99 produce -> hit latency at $RATE documents/s
export LC_NUMERIC=C
export WA_CACHE_DIR=${BENCH_CACHE_DIR:-$OUT/cache}
unset WA_KAFKA_BROKERS

log() { printf '[stage-bench] %s\n' "$*" >&2; }
die() { printf '[stage-bench] error: %s\n' "$*" >&2; exit 1; }
for b in "$WA" "$DEV" "$TOOL"; do [ -x "$b" ] || die "$b is missing (run make)"; done
command -v curl >/dev/null 2>&1 || die "curl is required (apt-get install curl)"
case $RUNS in ''|*[!0-9]*|0) die "STAGE_RUNS must be a positive number" ;; esac
case $RATE in ''|*[!0-9]*|0) die "STAGE_RATE must be a positive number" ;; esac
mkdir -p "$OUT" || die "cannot create $OUT"

CORPUS=$OUT/corpus.jsonl
if [ ! -s "$CORPUS" ]; then
	log "generating the bench corpus"
	cc -std=c11 -O2 -Wall -Wextra -Werror -o "$OUT/gen_corpus" "$ROOT/bench/gen_corpus.c" || die "gen_corpus does not build"
	"$OUT/gen_corpus" --bytes 110000000 --seed 20260214 >"$CORPUS.tmp" && mv "$CORPUS.tmp" "$CORPUS" || die "gen_corpus failed"
fi
DOCS=$(wc -l <"$CORPUS")
BYTES=$(stat -c %s "$CORPUS")
HITS=$("$WA" --quiet --dict "$DICT" "$CORPUS" 2>/dev/null | wc -l)
log "corpus: $DOCS documents, $BYTES bytes, $HITS hits offline"

tmp=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
	wait 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

start_cluster() { # PARTITIONS -> B, DEV_PID
	rm -f "$tmp/bs"
	"$DEV" --partitions "$1" --bootstrap-file "$tmp/bs" >/dev/null 2>"$tmp/dev.err" &
	DEV_PID=$!
	pids+=("$DEV_PID")
	local i
	for i in $(seq 100); do [ -s "$tmp/bs" ] && break; sleep 0.1; done
	[ -s "$tmp/bs" ] || die "wa-kafka-dev did not start: $(cat "$tmp/dev.err")"
	B=$(cat "$tmp/bs")
}
stop() { kill -TERM "$1" 2>/dev/null; wait "$1" 2>/dev/null; }
now_ns() { date +%s%N; }

# The mock brokers answer a fetch that finds no data only after fetch.wait.max.ms (a real broker
# answers as soon as data arrives), so with wa-kafka-dev that setting is added to every hop's
# latency: use 10 ms, as deploy/wa-watch.dev.json does.
cat >"$tmp/bench.json" <<'EOF2'
{ "kafka": { "consumer": { "fetch.wait.max.ms": 10 } } }
EOF2

# ------------------------------------------------------------------ throughput
best=0
for run in $(seq "$RUNS"); do
	start_cluster 64
	"$TOOL" produce --brokers "$B" --topic wa.docs "$CORPUS" 2>"$tmp/produce.err" ||
		die "producing the corpus failed: $(cat "$tmp/produce.err")"
	: >"$tmp/stage.err"
	"$WA" run --config "$tmp/bench.json" --brokers "$B" --dict "$DICT" --group bench --metrics 127.0.0.1:0 --stats-interval 0 2>"$tmp/stage.err" &
	stage=$!
	pids+=("$stage")
	url=""
	for i in $(seq 200); do
		url=$(grep -o 'http://[0-9.:]*/metrics' "$tmp/stage.err" | head -n 1)
		[ -n "$url" ] && break
		sleep 0.05
	done
	[ -n "$url" ] || die "the stage did not start: $(tail -n 3 "$tmp/stage.err")"
	deadline=$((SECONDS + 120)) n=0
	while [ $SECONDS -lt $deadline ]; do
		n=$(curl -sf "$url" | awk '$1 == "wa_classify_docs_in_total" { print $2 }')
		[ "${n:-0}" -ge "$DOCS" ] && break
		sleep 0.1
	done
	stop "$stage"
	stop "$DEV_PID"
	[ "${n:-0}" -ge "$DOCS" ] || die "the stage did not consume the corpus in time: $(tail -n 3 "$tmp/stage.err")"
	# the stage's own summary: messages over the time from the first to the last one
	line=$(grep 'messages from first to last in' "$tmp/stage.err") || die "no summary from the stage"
	secs_busy=$(echo "$line" | sed 's/.* in \([0-9.]*\) s$/\1/')
	rate=$(awk -v n="$DOCS" -v s="$secs_busy" 'BEGIN { printf "%.0f", n / s }')
	log "run $run: $DOCS documents in $secs_busy s: $rate docs/s"
	[ "$rate" -gt "$best" ] && best=$rate
done
mbs=$(awk -v r="$best" -v b="$BYTES" -v d="$DOCS" 'BEGIN { printf "%.0f", r * b / d / 1e6 }')

# ------------------------------------------------------------------ latency
start_cluster 6
: >"$tmp/stage.err"
"$WA" run --config "$tmp/bench.json" --brokers "$B" --dict "$DICT" --group latency --metrics 127.0.0.1:0 \
	--stats-interval 0 2>"$tmp/stage.err" &
stage=$!
pids+=("$stage")
for i in $(seq 300); do grep -q ': assigned ' "$tmp/stage.err" && break; sleep 0.1; done
grep -q ': assigned ' "$tmp/stage.err" || die "the stage got no partitions: $(tail -n 3 "$tmp/stage.err")"
secs=$(( (DOCS + RATE - 1) / RATE ))
log "latency: producing $DOCS documents at $RATE/s (~$secs s), measuring after a 3 s warm-up"
"$TOOL" produce --brokers "$B" --topic wa.docs --rate "$RATE" --stamp-field bench_sent_us "$CORPUS" 2>"$tmp/produce.err" &
producer=$!
pids+=("$producer")
# The first seconds after a group join are not the steady state the target is about (the
# consumer's first fetches of each partition); measure the hits from the fourth second on.
sleep 3
"$TOOL" latency --brokers "$B" --topic wa.hits --field bench_sent_us --count "$HITS" --idle 3 --timeout $((secs + 60)) \
	>"$tmp/latency.out" 2>"$tmp/latency.err" &
lat=$!
pids+=("$lat")
wait "$producer" || die "producing failed: $(cat "$tmp/produce.err")"
wait "$lat"
stop "$stage"
stop "$DEV_PID"
line=$(grep '^latency ' "$tmp/latency.out") || die "no latency measured: $(cat "$tmp/latency.err")"
p50=$(echo "$line" | sed 's/.*p50_ms=\([0-9.]*\).*/\1/')
p99=$(echo "$line" | sed 's/.*p99_ms=\([0-9.]*\).*/\1/')
achieved=$(sed -n 's/.*(\([0-9.]* s\), \([0-9]*\)\/s)/\2/p' "$tmp/produce.err")

verdict() { if awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { exit !(op == ">=" ? a >= b : a < b) }'; then echo met; else echo MISSED; fi; }
{
	echo "Kafka stage benchmark (bin/wa-classify run on bin/wa-kafka-dev, loopback, $(nproc) cores)"
	echo "corpus: $DOCS documents, $((BYTES / 1000000)) MB, $HITS hits"
	echo "throughput: $best docs/s ($mbs MB/s), best of $RUNS; target >= $T_DOCS_S docs/s: $(verdict "$best" ">=" "$T_DOCS_S")"
	echo "latency at ${achieved:-$RATE} docs/s: $(echo "$line" | cut -d' ' -f2-); target p99 < $T_P99_MS ms: $(verdict "$p99" "<" "$T_P99_MS")"
} | tee "$OUT/stage-report.txt"
