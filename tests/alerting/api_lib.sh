# Shared by the staff API test scripts (test_api.sh, test_api_reports.sh); sourced after
# tests/lib/harness.sh, with ALERTD, DEV and tmp set.

# Start wa-kafka-dev (one partition per topic); sets B to its brokers.
start_kafka_dev() {
	"$DEV" --bootstrap-file "$tmp/bs" --partitions 1 >"$tmp/dev.out" 2>"$tmp/dev.err" &
	pids+=($!)
	wait_for 20 test -s "$tmp/bs" || { bad "kafka-dev starts" "$(tail -n 3 "$tmp/dev.err")"; finish; }
	B=$(cat "$tmp/bs")
}

# Start wa-alertd on $tmp/config.json and $tmp/api.db on a free loopback port, with any further
# arguments; sets port, ALERTD_PID and admin_pw (the password the first start prints).
start_api_alertd() {
	port=$(free_ports 1)
	"$ALERTD" --config "$tmp/config.json" --brokers "$B" --db "$tmp/api.db" --listen "127.0.0.1:$port" \
		--stats-interval 0 "$@" >"$tmp/alertd.out" 2>"$tmp/alertd.err" &
	ALERTD_PID=$!
	pids+=("$ALERTD_PID")
	wait_for 30 grep -q 'HTTP API on port' "$tmp/alertd.err" ||
		{ bad "wa-alertd starts" "$(tail -n 3 "$tmp/alertd.err")"; finish; }
	admin_pw=$(sed -n 's/.*created user admin with password \([^ ]*\) .*/\1/p' "$tmp/alertd.err")
}

# Accounts from stdin, one "NAME ROLE PREFECTURE" per line ("-": every prefecture), all with the
# password correct-horse-1; messages go to $tmp/users.err. Fails if any account was refused.
add_users() {
	local name role pref all=0
	while read -r name role pref; do
		local args=(users add "$name" --role "$role" --password-stdin --db "$tmp/api.db")
		[ "$pref" != "-" ] && args+=(--prefecture "$pref")
		echo "correct-horse-1" | "$ALERTD" "${args[@]}" >/dev/null 2>>"$tmp/users.err" || all=1
	done
	return $all
}
