#!/bin/bash
# Staff API tests, second part (alerting/api_stream.h, api_reports.h, api_analyst.h, api_admin.h,
# static_files.h): wa-alertd with a temporary ledger, a copy of dict/ and a dashboard folder, against
# bin/wa-kafka-dev. Cases of November 2026 with known open, report and resolve times are recorded
# through the hotline intake and their times set in the ledger; a real hit (bin/wa-classify output)
# goes through Kafka. Then tests/alerting/api_reports_check.py: anonymous refused, scoping of
# stats / stream / report, CSRF, the live stream, the report's numbers in JSON, CSV and XLSX, explain
# spans, dictionary reload, static files, PII view record, disabled users, metrics.
# Environment: WA_ALERTD, WA_KAFKA_DEV, WA_KAFKA_TOOL, WA_CLASSIFY (binaries under test),
# API_TEST_KEEP=1 keeps the logs. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
ALERTD=${WA_ALERTD:-bin/wa-alertd}
DEV=${WA_KAFKA_DEV:-bin/wa-kafka-dev}
TOOL=${WA_KAFKA_TOOL:-build/tests/wa-kafka-tool}
CLASSIFY=${WA_CLASSIFY:-bin/wa-classify}
tmp=$(mktemp -d)
TEST_KEEP=${API_TEST_KEEP:-}
# shellcheck source=../lib/harness.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/harness.sh"
# shellcheck source=api_lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/api_lib.sh"
unset WA_KAFKA_BROKERS

start_kafka_dev

# The dashboard folder, with a file outside it and a link out of it.
mkdir -p "$tmp/dash/js" "$tmp/outside"
echo '<!doctype html><title>wa</title><script src="/static/js/app.js"></script>' >"$tmp/dash/index.html"
echo 'console.log("wa");' >"$tmp/dash/js/app.js"
echo 'secret' >"$tmp/outside/secret.txt"
echo 'hidden' >"$tmp/dash/.hidden.txt"
ln -s "$tmp/outside/secret.txt" "$tmp/dash/link.txt"
cp -r dict "$tmp/dict"

cat >"$tmp/config.json" <<EOC
{ "alerting": { "group": "alertd-api2", "hotline_token": "test-token", "dict_dir": "dict",
  "routes": [ { "name": "housing-hook", "office": "housing", "channel": "webhook", "url": "http://127.0.0.1:9/hook", "secret": "s" } ] } }
EOC
start_api_alertd --dashboard "$tmp/dash"

add_users <<EOU && users_ok=1 || users_ok=0
lhasa-housing housing 拉萨
nagqu-housing housing 那曲
cyber cyberspace -
analyst1 analyst -
petition1 petition -
leaver cyberspace -
EOU
[ $users_ok = 1 ] && ok "users add (6 users)" || bad "users add" "$(cat "$tmp/users.err")"
"$ALERTD" users disable nobody --db "$tmp/api.db" >/dev/null 2>&1
[ $? = 1 ] && ok "users disable of an unknown name → exit 1" || bad "users disable unknown"

# The hit sent through Kafka must find the consumer group in place.
"$TOOL" wait-group --brokers "$B" --topic wa.hits --group alertd-api2 --timeout 60 >/dev/null 2>&1 ||
	log "the consumer group is not ready after 60 s"
python3 tests/alerting/api_reports_check.py "$port" "$admin_pw" "$tmp" "$ALERTD" "$TOOL" "$B" "$CLASSIFY" \
	>"$tmp/check.out" 2>&1
cat "$tmp/check.out"
pass=$((pass + $(grep -c '^ok ' "$tmp/check.out")))
fail=$((fail + $(grep -c '^FAIL ' "$tmp/check.out")))
grep -qE '^(ok|FAIL) ' "$tmp/check.out" && ! grep -q Traceback "$tmp/check.out" || bad "api_reports_check.py ran" "$(tail -n 5 "$tmp/check.out")"

# A live stream stays open while the service is told to stop: it must not hold the stop up.
cookie=$(curl -s -i -H 'Content-Type: application/json' -d "{\"name\":\"admin\",\"password\":\"$admin_pw\"}" \
	"http://127.0.0.1:$port/api/login" | sed -n 's/^Set-Cookie: wa_session=\([0-9a-f]*\);.*/\1/p')
curl -s -N -b "wa_session=$cookie" "http://127.0.0.1:$port/api/stream" >"$tmp/stream.out" 2>/dev/null &
pids+=($!)
wait_for 5 grep -q connected "$tmp/stream.out" || bad "a stream is open before the stop" "$(cat "$tmp/stream.out")"
t0=$SECONDS
kill -TERM "$ALERTD_PID" 2>/dev/null
rc=0
wait "$ALERTD_PID" 2>/dev/null || rc=$?
[ "$rc" = 0 ] && [ $((SECONDS - t0)) -le 10 ] && ok "SIGTERM with a live stream open → exit 0 in $((SECONDS - t0)) s" ||
	bad "SIGTERM → exit 0 within 10 s" "rc=$rc after $((SECONDS - t0)) s $(tail -n 5 "$tmp/alertd.err")"
grep -q 'ERROR: AddressSanitizer\|runtime error\|LeakSanitizer' "$tmp/alertd.err" &&
	bad "sanitizers quiet" "$(grep -m3 -A8 'Sanitizer\|runtime error' "$tmp/alertd.err")"
finish
