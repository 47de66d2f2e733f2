#!/bin/bash
# Run every test of the project and end with one line "N passed, N failed".
#   - cmocka unit tests, normal build and ASan+UBSan build
#   - command-line tests (tests/cli), normal and sanitizer binaries
#   - crawler tests (tests/crawler) against a fixture site on loopback, normal and sanitizer binaries
#   - Kafka tests (tests/kafka) against bin/wa-kafka-dev: every scenario with the normal build,
#     a shorter run of some with the sanitizer build
#   - alerting tests (tests/alerting) against bin/wa-kafka-dev and local webhook and SMTP receivers:
#     every scenario with the normal build, a smaller run with the sanitizer build
#   - staff API tests (tests/alerting/test_api.sh, test_api_reports.sh): accounts, sessions, scoping,
#     CSRF, limits; live stream, statistics, monthly report, analyst, static files; normal and sanitizer
#   - the dashboard in Debian's chromium (tests/browser): live feed, case actions, escaping, Tibetan
#   - end to end (tests/e2e): demo site -> crawler -> Kafka -> classifier -> Kafka -> alertd -> cases
#     and webhooks, restarts without duplicates (normal and sanitizer binaries); the `make run`
#     supervisor started and stopped
#   - a short run of each libFuzzer target
# Assumes `make all asan fuzz-build` has run (make test does that).
set -u
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export WA_CACHE_DIR="$tmp/cache"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
passed=0
failed=0
failures=()

# cmocka prints "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)"; a binary that
# dies before its summary counts as one failure.
run_cmocka() {
	local bin=$1 label=$2 out rc p f
	out=$("$bin" 2>&1)
	rc=$?
	echo "$out" | grep -E '^\[( +(OK|FAILED|PASSED) +|==========)\]' | grep -vE '^\[ +OK +\]' | sed "s|^|$label: |"
	p=$(echo "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	f=$(echo "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	p=${p:-0}
	f=${f:-0}
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		f=1
		echo "$out" | tail -n 25
	fi
	[ "$f" != 0 ] && failures+=("$label")
	passed=$((passed + p))
	failed=$((failed + f))
}

run_counted() {
	local label=$1 out p f
	shift
	out=$("$@" 2>&1)
	echo "$out" | grep -vE '^ok ' | sed "s|^|$label: |"
	p=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p' | tail -n 1)
	f=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p' | tail -n 1)
	if [ -z "$p" ]; then
		p=0
		f=1
	fi
	[ "$f" != 0 ] && failures+=("$label")
	passed=$((passed + p))
	failed=$((failed + f))
}

for t in build/tests/test_*; do
	[ -x "$t" ] && run_cmocka "$t" "unit $(basename "$t")"
done
for t in build/asan/tests/test_*; do
	[ -x "$t" ] && run_cmocka "$t" "asan $(basename "$t")"
done
run_counted "cli" tests/cli/test_cli.sh
WA_CLASSIFY=build/asan/bin/wa-classify run_counted "cli-asan" tests/cli/test_cli.sh
run_counted "crawler" tests/crawler/test_crawler.sh
WA_CRAWLER=build/asan/bin/wa-crawler run_counted "crawler-asan" tests/crawler/test_crawler.sh
run_counted "kafka" tests/kafka/test_kafka.sh
WA_CLASSIFY=build/asan/bin/wa-classify WA_KAFKA_DEV=build/asan/bin/wa-kafka-dev WA_KAFKA_TOOL=build/asan/tests/wa-kafka-tool \
	KAFKA_TEST_DOCS=20000 KAFKA_TEST_BAD=200 KAFKA_TEST_SCENARIOS="cli main group big" \
	run_counted "kafka-asan" tests/kafka/test_kafka.sh
run_counted "alerting" tests/alerting/test_alerting.sh
WA_ALERTD=build/asan/bin/wa-alertd WA_KAFKA_DEV=build/asan/bin/wa-kafka-dev WA_KAFKA_TOOL=build/asan/tests/wa-kafka-tool \
	ALERT_TEST_INCIDENTS=100 ALERT_TEST_PER=10 ALERT_TEST_KILLS=2 ALERT_TEST_SCENARIOS="cli main clocks hotline" \
	run_counted "alerting-asan" tests/alerting/test_alerting.sh
run_counted "api" tests/alerting/test_api.sh
WA_ALERTD=build/asan/bin/wa-alertd WA_KAFKA_DEV=build/asan/bin/wa-kafka-dev run_counted "api-asan" tests/alerting/test_api.sh
run_counted "api-reports" tests/alerting/test_api_reports.sh
WA_ALERTD=build/asan/bin/wa-alertd WA_KAFKA_DEV=build/asan/bin/wa-kafka-dev WA_KAFKA_TOOL=build/asan/tests/wa-kafka-tool \
	WA_CLASSIFY=build/asan/bin/wa-classify run_counted "api-reports-asan" tests/alerting/test_api_reports.sh
run_counted "e2e" tests/e2e/test_e2e.sh
WA_KAFKA_DEV=build/asan/bin/wa-kafka-dev WA_CRAWLER=build/asan/bin/wa-crawler WA_CLASSIFY=build/asan/bin/wa-classify \
	WA_ALERTD=build/asan/bin/wa-alertd WA_DEMO_SITE=build/asan/bin/wa-demo-site WA_NOTIFY_SINK=build/asan/bin/wa-notify-sink \
	run_counted "e2e-asan" tests/e2e/test_e2e.sh
run_counted "make-run" tests/e2e/test_make_run.sh
run_counted "browser" tests/browser/test_browser.sh

# Fuzz smoke: a short run of each target from the seed corpus.
for f in build/fuzz/fuzz_*; do
	[ -x "$f" ] || continue
	name=$(basename "$f")
	mkdir -p "$tmp/corpus-$name"
	if "$f" -max_total_time="${FUZZ_SMOKE_SECONDS:-20}" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$tmp/$name-" "$tmp/corpus-$name" tests/fuzz/seeds >"$tmp/$name.log" 2>&1; then
		passed=$((passed + 1))
		echo "fuzz $name: $(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$tmp/$name.log" | tail -n 1)"
	else
		failed=$((failed + 1))
		failures+=("fuzz $name")
		tail -n 30 "$tmp/$name.log"
	fi
done

if [ ${#failures[@]} -gt 0 ]; then
	echo "failed: ${failures[*]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
