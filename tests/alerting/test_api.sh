#!/bin/bash
# Staff API tests (alerting/api_staff.h): wa-alertd with a temporary ledger on a free loopback
# port, against bin/wa-kafka-dev. Accounts made with `wa-alertd users`, cases recorded through
# the hotline intake, then tests/alerting/api_check.py: anonymous requests refused, role and
# prefecture scoping (by id too), CSRF, bad JSON, oversized bodies, the login rate limit, the
# workflow through the API. Ends with "N passed, N failed".
# Environment: WA_ALERTD, WA_KAFKA_DEV (binaries under test), API_TEST_KEEP=1 keeps the logs.
set -u
cd "$(dirname "$0")/../.."
ALERTD=${WA_ALERTD:-bin/wa-alertd}
DEV=${WA_KAFKA_DEV:-bin/wa-kafka-dev}
tmp=$(mktemp -d)
TEST_KEEP=${API_TEST_KEEP:-}
# shellcheck source=../lib/harness.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/harness.sh"
# shellcheck source=api_lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/api_lib.sh"
unset WA_KAFKA_BROKERS

start_kafka_dev
cat >"$tmp/config.json" <<EOC
{ "alerting": { "group": "alertd-api", "hotline_token": "test-token", "routes": [
  { "name": "housing-hook", "office": "housing", "channel": "webhook", "url": "http://127.0.0.1:9/hook", "secret": "s" } ] } }
EOC
start_api_alertd
[ -n "$admin_pw" ] && ok "the first start creates admin and prints its password once" || bad "first admin" "$(head -n 5 "$tmp/alertd.err")"

# Accounts, made while the service runs.
add_users <<EOU && users_ok=1 || users_ok=0
lhasa-housing housing 拉萨
nagqu-housing housing 那曲
cyber cyberspace -
analyst1 analyst -
victim analyst -
EOU
[ $users_ok = 1 ] && ok "users add (5 users, roles and prefectures)" || bad "users add" "$(cat "$tmp/users.err")"
out=$("$ALERTD" users list --db "$tmp/api.db")
echo "$out" | grep -qP '^lhasa-housing\thousing\t拉萨\t' && echo "$out" | grep -qP '^admin\tadmin\t\*\t' &&
	ok "users list shows name, role and prefecture" || bad "users list" "$out"
! grep -q 'correct-horse-1' "$tmp/api.db" && python3 -c "
import sqlite3,sys
rows=sqlite3.connect(sys.argv[1]).execute('SELECT pwhash FROM users').fetchall()
sys.exit(0 if rows and all(r[0].startswith('\$argon2id\$') for r in rows) else 1)" "$tmp/api.db" &&
	ok "passwords are stored as Argon2id hashes only" || bad "password storage"
echo "short" | "$ALERTD" users passwd cyber --password-stdin --db "$tmp/api.db" >/dev/null 2>&1
[ $? = 2 ] && ok "users passwd refuses a short password" || bad "users passwd short"
"$ALERTD" users add "bad name" --role admin --db "$tmp/api.db" >/dev/null 2>&1
[ $? = 2 ] && ok "users add refuses a bad name" || bad "users add bad name"

# Cases through the hotline intake: two in Lhasa, one in Nagqu.
hotline() {
	curl -s -H 'Authorization: Bearer test-token' -H 'Content-Type: application/json' --data-binary "$1" \
		"http://127.0.0.1:$port/api/complaints" | python3 -c 'import json,sys; print(json.load(sys.stdin)["case_id"])'
}
lhasa=$(hotline '{"channel":"12345","ticket":"A-1","complainant":{"name":"次仁","phone":"13900001234"},"unit":{"name":"拉萨市净美环卫有限公司"},"content":"十二名环卫工人三个月没有领到工资","region":{"prefecture":"拉萨"},"workers":12}')
lhasa2=$(hotline '{"channel":"12319","ticket":"A-2","complainant":{"name":"卓玛"},"unit":{"name":"拉萨市城关区物业公司"},"content":"保洁员工资被拖欠两个月","region":{"prefecture":"拉萨"}}')
nagqu=$(hotline '{"channel":"12345","ticket":"N-1","complainant":{"name":"扎西"},"unit":{"name":"那曲市环卫公司"},"content":"清洁工人工资拖欠半年","region":{"prefecture":"那曲"}}')
if [ -n "$lhasa" ] && [ -n "$lhasa2" ] && [ -n "$nagqu" ]; then
	ok "three cases recorded (2 Lhasa, 1 Nagqu)"
	python3 tests/alerting/api_check.py "$port" "$admin_pw" "{\"lhasa\": $lhasa, \"lhasa2\": $lhasa2, \"nagqu\": $nagqu}" \
		>"$tmp/check.out" 2>&1
	cat "$tmp/check.out"
	pass=$((pass + $(grep -c '^ok ' "$tmp/check.out")))
	fail=$((fail + $(grep -c '^FAIL ' "$tmp/check.out")))
	grep -qE '^(ok|FAIL) ' "$tmp/check.out" && ! grep -q Traceback "$tmp/check.out" || bad "api_check.py ran" "$(tail -n 5 "$tmp/check.out")"
else
	bad "cases recorded" "$(tail -n 3 "$tmp/alertd.err")"
fi

kill -TERM "$ALERTD_PID" 2>/dev/null
rc=0
wait "$ALERTD_PID" 2>/dev/null || rc=$?
[ "$rc" = 0 ] && ok "SIGTERM → exit 0" || bad "SIGTERM → exit 0" "rc=$rc $(tail -n 5 "$tmp/alertd.err")"
grep -q 'ERROR: AddressSanitizer\|runtime error' "$tmp/alertd.err" && bad "sanitizers quiet" "$(grep -m3 -A5 'Sanitizer\|runtime error' "$tmp/alertd.err")"
[ "$(grep -c 'created user admin' "$tmp/alertd.err")" = 1 ] && ok "the admin password was printed once" || bad "printed once"
finish
