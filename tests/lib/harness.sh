# Shared by the service tests (tests/kafka, tests/alerting): sourced after $tmp is made.
# Processes the test starts go into pids and are killed on exit; $tmp is removed unless
# TEST_KEEP is set. ok/bad count checks; the script ends with "N passed, N failed".
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
	wait 2>/dev/null
	if [ -n "${TEST_KEEP:-}" ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }
# check NAME CMD...: ok with the command's output, or FAIL with it
check() {
	local name=$1
	shift
	if "$@" >"$tmp/check.out" 2>&1; then ok "$name $(tr '\n' ' ' <"$tmp/check.out" | head -c 300)"; else bad "$name" "$(head -c 800 "$tmp/check.out")"; fi
}
log() { echo "     $*"; }
