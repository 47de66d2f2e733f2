#!/bin/sh
# Run every libFuzzer target for the given number of seconds (default 300),
# starting from the seed corpora in tests/fuzz/seeds/. New inputs go to
# build/fuzz/corpus-<target>/, crashes to build/fuzz/.
set -eu
cd "$(dirname "$0")/../.."
secs=${1:-300}
status=0
# The targets load the dictionary on their first input: compile it into the cache first, so that
# a cold compile (seconds, slower still under the sanitizers) is not taken for a hang (-timeout).
mkdir -p build/fuzz/cache
WA_CACHE_DIR=build/fuzz/cache bin/wa-classify --quiet --dict "${WA_FUZZ_DICT:-dict}" /dev/null ||
	echo "fuzz: could not precompile the dictionary; the first input may time out" >&2
for t in fuzz_classify fuzz_json_input fuzz_crawler_extract fuzz_crawler_feed fuzz_crawler_robots fuzz_crawler_charset fuzz_alert_input; do
	mkdir -p "build/fuzz/corpus-$t"
	echo "fuzz: $t for ${secs}s" >&2
	if ! WA_CACHE_DIR=build/fuzz/cache "build/fuzz/$t" -max_total_time="$secs" -max_len=65536 -timeout=10 \
		-rss_limit_mb=2048 -artifact_prefix="build/fuzz/$t-" -print_final_stats=0 \
		"build/fuzz/corpus-$t" tests/fuzz/seeds >"build/fuzz/$t.log" 2>&1; then
		echo "fuzz: $t FAILED, see build/fuzz/$t.log" >&2
		tail -n 30 "build/fuzz/$t.log" >&2
		status=1
	else
		grep -E "^#[0-9]+.*(DONE|pulse)" "build/fuzz/$t.log" | tail -n 1 >&2 || true
	fi
done
exit $status
