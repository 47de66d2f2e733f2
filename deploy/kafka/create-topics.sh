#!/bin/sh
# Create the wa-watch topics on a real Kafka cluster (3 brokers or more), with Kafka's own
# kafka-topics.sh. Run once, from a machine that can reach the brokers:
#
#   deploy/kafka/create-topics.sh kafka-1.wa.example.gov.cn:9093 [client.properties]
#
# client.properties: the admin client's security settings (security.protocol, sasl.*, ssl.*),
# passed as --command-config. Environment: KAFKA_TOPICS (default: kafka-topics.sh on the PATH,
# else /opt/kafka/bin/kafka-topics.sh), REPLICATION (3), MIN_ISR (2).
#
# Layout: every topic has replication factor 3 and min.insync.replicas 2, so with acks=all (what
# every wa-watch producer uses) a write survives the loss of one broker and is refused, not
# lost, when two are down.
#   wa.docs   12 partitions, 7 days    crawled documents; partitions bound the classifier processes
#   wa.hits    6 partitions, 30 days   hits; keyed PREFECTURE|COMPANY, so an incident stays in order
#   wa.dlq     3 partitions, 30 days   messages that could not be parsed, with the reason
#   wa.cases   6 partitions, 365 days  case events and source-health events, for other systems
# Partitions can be added later (kafka-topics.sh --alter --partitions N), never removed; adding
# partitions to wa.hits moves keys to other partitions, so do it with wa-alertd stopped and
# drained.
set -eu
[ $# -ge 1 ] || { echo "usage: $0 BOOTSTRAP_SERVER [client.properties]" >&2; exit 2; }
bootstrap=$1
props=${2:-}
tool=${KAFKA_TOPICS:-}
if [ -z "$tool" ]; then
	if command -v kafka-topics.sh >/dev/null 2>&1; then tool=kafka-topics.sh; else tool=/opt/kafka/bin/kafka-topics.sh; fi
fi
[ -x "$tool" ] || command -v "$tool" >/dev/null 2>&1 || { echo "$0: $tool not found (set KAFKA_TOPICS)" >&2; exit 1; }
rf=${REPLICATION:-3}
isr=${MIN_ISR:-2}
day=86400000

create() { # NAME PARTITIONS RETENTION_MS
	if [ -n "$props" ]; then
		"$tool" --bootstrap-server "$bootstrap" --command-config "$props" --create --if-not-exists \
			--topic "$1" --partitions "$2" --replication-factor "$rf" \
			--config min.insync.replicas="$isr" --config retention.ms="$3" --config cleanup.policy=delete
	else
		"$tool" --bootstrap-server "$bootstrap" --create --if-not-exists \
			--topic "$1" --partitions "$2" --replication-factor "$rf" \
			--config min.insync.replicas="$isr" --config retention.ms="$3" --config cleanup.policy=delete
	fi
}

create wa.docs 12 $((7 * day))
create wa.hits 6 $((30 * day))
create wa.dlq 3 $((30 * day))
create wa.cases 6 $((365 * day))

if [ -n "$props" ]; then
	"$tool" --bootstrap-server "$bootstrap" --command-config "$props" --describe --topic 'wa\..*'
else
	"$tool" --bootstrap-server "$bootstrap" --describe --topic 'wa\..*'
fi
