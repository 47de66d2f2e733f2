# Shared by the service tests (tests/kafka, tests/alerting, tests/e2e, tests/browser): sourced
# after $tmp is made.
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
# finish: print the summary and exit with its status (a script may define its own after this)
finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" = 0 ]
	exit $?
}
# wait_for SECONDS COMMAND...: poll until the command succeeds
wait_for() {
	local end=$((SECONDS + $1))
	shift
	while [ $SECONDS -lt $end ]; do
		"$@" 2>/dev/null && return 0
		sleep 0.2
	done
	return 1
}
# free_ports N: N free loopback ports below the kernel's ephemeral range (32768 and up), so
# that no outgoing connection or port-0 listener of another process takes one between two
# starts of a service
free_ports() {
	python3 -c '
import random, socket, sys
got = []
while len(got) < int(sys.argv[1]):
    p = random.randint(20000, 32000)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p))
    except OSError:
        continue
    finally:
        s.close()
    if p not in got:
        got.append(p)
print(" ".join(map(str, got)))' "$1"
}
