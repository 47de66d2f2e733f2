#!/bin/bash
# The whole pipeline on one machine, on the bundled demo source (what `make run` starts):
#
#   wa-kafka-dev  ->  wa-notify-sink  ->  wa-demo-site  ->  wa-alertd  ->  wa-classify run  ->  wa-crawler
#
# State lives in $WA_RUN_STATE (default var/demo/) and survives restarts: the ledger
# (ledger.db), the crawl state (crawler.db), the admin password (admin-password, mode 600),
# the notifications received (notifications.jsonl) and the services' logs (logs/). The Kafka
# cluster is in memory and starts empty each time; the crawl state and the ledger (a document
# id is stored once, an incident keeps its case) make a second run continue without opening a
# case twice.
#
# The crawler starts once the classifier stage and wa-alertd have their partitions. Ctrl-C
# (SIGINT) or SIGTERM: every service gets SIGTERM, in the reverse order of starting (the stage
# and wa-alertd first take in what is already in their topics, as the cluster goes with the
# stop), and its exit status is reported; the exit status is 0 when every service stopped
# cleanly.
#
# Environment:
#   WA_RUN_STATE        state folder (default var/demo)
#   WA_RUN_HOST         address the dashboard listens on (default 127.0.0.1)
#   WA_RUN_PORT         dashboard / API port (default 8080)
#   WA_DEMO_SITE_PORT   demo site port (default WA_RUN_PORT + 1); keep it stable between runs:
#                       the site's URLs are the documents' identity in the crawl state
#   WA_NOTIFY_PORT      notification receiver port (default WA_RUN_PORT + 2)
#   WA_RUN_BIN          folder of the binaries (default bin)
#   WA_RUN_QUIET=1      no line per notification on the terminal
set -eu
cd "$(dirname "$0")/../.."

STATE=${WA_RUN_STATE:-var/demo}
HOST=${WA_RUN_HOST:-127.0.0.1}
PORT=${WA_RUN_PORT:-8080}
SITE_PORT=${WA_DEMO_SITE_PORT:-$((PORT + 1))}
SINK_PORT=${WA_NOTIFY_PORT:-$((PORT + 2))}
BIN=${WA_RUN_BIN:-bin}
QUIET=${WA_RUN_QUIET:-}

say() { printf 'run: %s\n' "$*"; }
die() {
	printf 'run: error: %s\n' "$*" >&2
	exit 1
}

for p in "$PORT" "$SITE_PORT" "$SINK_PORT"; do
	case $p in '' | *[!0-9]*) die "ports must be numbers (WA_RUN_PORT, WA_DEMO_SITE_PORT, WA_NOTIFY_PORT): '$p'" ;; esac
	[ "$p" -ge 1 ] && [ "$p" -le 65535 ] || die "port $p is out of range"
done
for b in wa-kafka-dev wa-notify-sink wa-demo-site wa-alertd wa-classify wa-crawler; do
	[ -x "$BIN/$b" ] || die "$BIN/$b is missing: run 'make run' (or 'make run-bins')"
done

umask 077
mkdir -p "$STATE/logs" "$STATE/run" || die "cannot create $STATE"
STATE=$(cd "$STATE" && pwd)

# One supervisor per state folder. Children do not inherit the lock (9>&- below).
exec 9>"$STATE/run/lock"
flock -n 9 || die "another run uses $STATE (its lock $STATE/run/lock is held)"

# Leftovers of a supervisor that was killed without stopping its services (SIGKILL): stop
# those, and only those (pid listed by us, still running one of our binaries).
if [ -s "$STATE/run/pids" ]; then
	tac "$STATE/run/pids" | while read -r pid name; do
		exe=$(readlink "/proc/$pid/exe" 2>/dev/null || true)
		case $exe in */"$name")
			say "stopping $name (pid $pid), left running by an earlier run"
			kill -TERM "$pid" 2>/dev/null || true
			n=0
			while kill -0 "$pid" 2>/dev/null && [ $n -lt 100 ]; do
				sleep 0.1
				n=$((n + 1))
			done
			[ "$(readlink "/proc/$pid/exe" 2>/dev/null || true)" = "$exe" ] && kill -KILL "$pid" 2>/dev/null || true
			;;
		esac
	done
fi
: >"$STATE/run/pids"

names=()
pids=()
stopping=0

# start NAME CMD...: in its own process group (so that a Ctrl-C reaches only this script, which
# then stops the services in order), stdout and stderr to logs/NAME.out and logs/NAME.log.
start() {
	local name=$1
	shift
	set -m
	"$@" >"$STATE/logs/$name.out" 2>"$STATE/logs/$name.log" 9>&- &
	local pid=$!
	set +m
	names+=("$name")
	pids+=("$pid")
	echo "$pid $(basename "$1")" >>"$STATE/run/pids"
}

# metric PORT NAME: the value of a Prometheus metric of one of our services (bash's /dev/tcp, so
# that no HTTP client is needed), as a whole number; fails if the service does not answer.
metric() {
	local body
	exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
	printf 'GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 || { exec 3<&-; return 1; }
	body=$(timeout 2 cat <&3) || true
	exec 3<&-
	printf '%s\n' "$body" | tr -d '\r' | awk -v n="$2" '$1 == n { printf "%d\n", $2; found = 1 } END { exit !found }'
}
running() { # running NAME: the pid of a started service still running, else fails
	local i
	for i in "${!names[@]}"; do
		[ "${names[$i]}" = "$1" ] && kill -0 "${pids[$i]}" 2>/dev/null && { echo "${pids[$i]}"; return 0; }
	done
	return 1
}
# The Kafka cluster is in memory: before a stage is stopped, let it take in what is already in
# its topic, so that nothing the crawler recorded as produced is lost with the cluster (at most
# 15 s each). wa-classify run: until its consumer lag is 0 twice in a row. wa-alertd: until it
# has stored as many hits as the stage produced (the stage's last stats line says how many).
drain_classify() {
	local n=0 zeros=0 lag
	running wa-classify >/dev/null && [ -n "${CLASSIFY_METRICS:-}" ] || return 0
	while [ $n -lt 75 ]; do
		lag=$(metric "$CLASSIFY_METRICS" wa_classify_consumer_lag 2>/dev/null) || lag=-1
		if [ "$lag" = 0 ]; then zeros=$((zeros + 1)); else zeros=0; fi
		[ $zeros -ge 2 ] && return 0
		sleep 0.2
		n=$((n + 1))
	done
	say "wa-classify run still had documents to take in after 15 s"
}
drain_alertd() {
	local n=0 want got
	running wa-alertd >/dev/null && [ -n "${ALERTD_METRICS:-}" ] || return 0
	want=$(sed -n 's/.* hits_out=\([0-9]*\) .*/\1/p' "$STATE/logs/wa-classify.log" | tail -n 1)
	[ -n "$want" ] || return 0
	while [ $n -lt 75 ]; do
		got=$(metric "$ALERTD_METRICS" wa_alertd_hits_in_total 2>/dev/null) || got=0
		[ "$got" -ge "$want" ] && return 0
		sleep 0.2
		n=$((n + 1))
	done
	say "wa-alertd had stored $got of the $want hits after 15 s"
}

# stop_all: SIGTERM in reverse order of starting, wait for each (20 s, then SIGKILL), report.
stop_all() {
	local i rc clean=0 n
	for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
		case ${names[$i]} in
		wa-classify) drain_classify ;;
		wa-alertd) drain_alertd ;;
		esac
		kill -TERM "${pids[$i]}" 2>/dev/null || true
		n=0
		while kill -0 "${pids[$i]}" 2>/dev/null && [ $n -lt 200 ]; do
			sleep 0.1
			n=$((n + 1))
		done
		if kill -0 "${pids[$i]}" 2>/dev/null; then
			say "${names[$i]} (pid ${pids[$i]}) did not stop within 20 s: SIGKILL"
			kill -KILL "${pids[$i]}" 2>/dev/null || true
		fi
		rc=0
		wait "${pids[$i]}" 2>/dev/null || rc=$?
		if [ "$rc" = 0 ]; then
			say "stopped ${names[$i]} (pid ${pids[$i]}): exit status 0"
		else
			say "stopped ${names[$i]} (pid ${pids[$i]}): exit status $rc (see $STATE/logs/${names[$i]}.log)"
			clean=1
		fi
	done
	: >"$STATE/run/pids"
	return $clean
}

on_signal() {
	[ $stopping = 1 ] && return
	stopping=1
	echo
	say "stopping (SIGTERM to each service, last started first)"
	if stop_all; then
		say "all services stopped cleanly; state kept in $STATE"
		exit 0
	fi
	exit 1
}
trap on_signal INT TERM
trap 'if [ $stopping = 0 ] && [ ${#pids[@]} -gt 0 ]; then stopping=1; stop_all || true; fi' EXIT

# wait_for SECONDS NAME TEST...: until TEST succeeds; fails if NAME's process died meanwhile.
wait_for() {
	local secs=$1 name=$2 n=0
	shift 2
	local pid=${pids[${#pids[@]} - 1]}
	while ! "$@" 2>/dev/null; do
		if ! kill -0 "$pid" 2>/dev/null; then
			tail -n 5 "$STATE/logs/$name.log" >&2
			die "$name exited while starting (log: $STATE/logs/$name.log)"
		fi
		[ $n -ge $((secs * 10)) ] && die "$name did not start within $secs s (log: $STATE/logs/$name.log)"
		sleep 0.1
		n=$((n + 1))
	done
}
port_free() { ! (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
for hp in "$HOST:$PORT" "127.0.0.1:$SITE_PORT" "127.0.0.1:$SINK_PORT"; do
	port_free "${hp%:*}" "${hp##*:}" ||
		die "port ${hp##*:} is in use: choose others with WA_RUN_PORT, WA_DEMO_SITE_PORT, WA_NOTIFY_PORT"
done

export WA_CACHE_DIR=${WA_CACHE_DIR:-$STATE/cache}
unset WA_KAFKA_BROKERS

# 1. Kafka (in memory: empty at each start).
rm -f "$STATE/run/bootstrap"
start wa-kafka-dev "$BIN/wa-kafka-dev" --bootstrap-file "$STATE/run/bootstrap"
wait_for 30 wa-kafka-dev test -s "$STATE/run/bootstrap"
BROKERS=$(head -n 1 "$STATE/run/bootstrap")
say "wa-kafka-dev: brokers $BROKERS"

# 2. The offices' receiver.
start wa-notify-sink "$BIN/wa-notify-sink" --listen "127.0.0.1:$SINK_PORT" --log "$STATE/notifications.jsonl"
wait_for 10 wa-notify-sink test -s "$STATE/logs/wa-notify-sink.out"
NOTIFY=$(head -n 1 "$STATE/logs/wa-notify-sink.out")

# 3. The demo site.
start wa-demo-site "$BIN/wa-demo-site" --content deploy/demo/content.jsonl --listen "127.0.0.1:$SITE_PORT"
wait_for 10 wa-demo-site test -s "$STATE/logs/wa-demo-site.out"
SITE=$(head -n 1 "$STATE/logs/wa-demo-site.out")

sed "s|@NOTIFY@|$NOTIFY|g" deploy/demo/wa-watch.demo.json >"$STATE/run/wa-watch.json"
sed "s|@SITE@|$SITE|g" deploy/demo/sources.json >"$STATE/run/sources.json"

# 4. wa-alertd. A ledger whose admin password file was lost gets a new admin password.
LEDGER=$STATE/ledger.db
PWFILE=$STATE/admin-password
if [ -e "$LEDGER" ] && [ ! -s "$PWFILE" ]; then
	pw=$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n' | head -c 20)
	if printf '%s\n' "$pw" | "$BIN/wa-alertd" users passwd admin --password-stdin --db "$LEDGER" >/dev/null 2>&1 ||
		printf '%s\n' "$pw" | "$BIN/wa-alertd" users add admin --role admin --password-stdin --db "$LEDGER" >/dev/null; then
		printf '%s\n' "$pw" >"$PWFILE"
		say "the admin password was not in $PWFILE: a new one was set"
	else
		say "warning: could not set an admin password; use: $BIN/wa-alertd users passwd admin --db $LEDGER"
	fi
fi
dash=()
"$BIN/wa-alertd" --help 2>/dev/null | grep -q -- '--dashboard' && dash=(--dashboard "$PWD/alerting/dashboard")
start wa-alertd "$BIN/wa-alertd" --config "$STATE/run/wa-watch.json" --brokers "$BROKERS" --db "$LEDGER" \
	--listen "$HOST:$PORT" --stats-interval 60 --metrics 127.0.0.1:0 "${dash[@]}"
wait_for 60 wa-alertd grep -q 'HTTP API on port' "$STATE/logs/wa-alertd.log"
first=$(sed -n 's/.*created user admin with password \([^ ]*\) .*/\1/p' "$STATE/logs/wa-alertd.log" | head -n 1)
if [ -n "$first" ]; then
	printf '%s\n' "$first" >"$PWFILE"
fi
chmod 600 "$PWFILE" 2>/dev/null || true

# 5. The classifier stage; once both consumers have their partitions, 6. the crawler (each
# source at its interval).
start wa-classify "$BIN/wa-classify" run --config "$STATE/run/wa-watch.json" --brokers "$BROKERS" \
	--metrics 127.0.0.1:0
wait_for 60 wa-classify grep -q 'run: assigned' "$STATE/logs/wa-classify.log"
wait_for 30 wa-classify grep -q 'wa-alertd: assigned' "$STATE/logs/wa-alertd.log"
CLASSIFY_METRICS=$(sed -n 's|.*metrics at http://[^:]*:\([0-9]*\)/metrics.*|\1|p' "$STATE/logs/wa-classify.log" | head -n 1)
ALERTD_METRICS=$(sed -n 's/.*metrics on port \([0-9]*\).*/\1/p' "$STATE/logs/wa-alertd.log" | head -n 1)
start wa-crawler "$BIN/wa-crawler" --config "$STATE/run/sources.json" --brokers "$BROKERS" \
	--state "$STATE/crawler.db"

URL_HOST=$HOST
[ "$URL_HOST" = 0.0.0.0 ] && URL_HOST=127.0.0.1
cat <<EOB

================================================================================
 wage-arrears watch is running (demo)

 Dashboard      http://$URL_HOST:$PORT/
 Login          admin / $(cat "$PWFILE" 2>/dev/null || echo '(unknown: see above)')
                (also in $PWFILE)
 Demo source    $SITE/  (feeds, GBK and Tibetan pages, a message board)
 Notifications  below, one line each (time, office, kind, subject);
                all of them as JSON in $STATE/notifications.jsonl
 Logs           $STATE/logs/
 Hotline        curl -H 'Authorization: Bearer demo-hotline-token' \\
                  -H 'Content-Type: application/json' -d @complaint.json \\
                  http://$URL_HOST:$PORT/api/complaints

 Ctrl-C to stop.
================================================================================

EOB

# Show the notifications as they come; watch the services.
shown=1
while :; do
	for i in "${!pids[@]}"; do
		if ! kill -0 "${pids[$i]}" 2>/dev/null; then
			rc=0
			wait "${pids[$i]}" 2>/dev/null || rc=$?
			say "${names[$i]} (pid ${pids[$i]}) exited unexpectedly with status $rc; last lines of its log:"
			tail -n 5 "$STATE/logs/${names[$i]}.log" | sed 's/^/    /'
			unset "pids[$i]" "names[$i]"
			pids=("${pids[@]}")
			names=("${names[@]}")
			stopping=1
			say "stopping the others"
			stop_all || true
			exit 1
		fi
	done
	total=$(wc -l <"$STATE/logs/wa-notify-sink.out")
	if [ "$total" -gt "$shown" ]; then
		[ -z "$QUIET" ] && sed -n "$((shown + 1)),${total}p" "$STATE/logs/wa-notify-sink.out" | sed 's/^/notify  /'
		shown=$total
	fi
	sleep 0.5
done
