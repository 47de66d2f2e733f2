#!/bin/sh
# Restore the wa-alertd ledger from a backup of deploy/backup-ledger.sh (or of `wa-alertd
# backup`): check the copy (PRAGMA integrity_check), stop wa-alertd, keep the current ledger
# aside, swap the copy in, start wa-alertd again. Run as root.
#
#   deploy/restore-ledger.sh BACKUP [LEDGER]     BACKUP: alertd-*.db or alertd-*.db.gz
#
# LEDGER defaults to /var/lib/wa-watch/alertd.db. Environment: WA_SERVICE (default wa-alertd;
# empty: do not stop or start a service, e.g. when it is not run by systemd), WA_OWNER (default
# wa-watch:wa-watch; empty: keep the owner). The current ledger and its -wal / -shm files are kept
# as LEDGER.before-restore-TIME*.
#
# After a restore the ledger lacks the cases opened after the backup, while Kafka has the
# wa-alertd group's offsets past them. To take those hits in again (safe: a hit of a stored
# document changes nothing), reset the group to the backup's time before starting the service:
#   kafka-consumer-groups.sh --bootstrap-server B --group wa-alertd --topic wa.hits \
#       --reset-offsets --to-datetime 2026-12-01T03:00:00.000 --execute
set -eu
[ $# -ge 1 ] || { echo "usage: $0 BACKUP [LEDGER]" >&2; exit 2; }
backup=$1
ledger=${2:-/var/lib/wa-watch/alertd.db}
service=${WA_SERVICE-wa-alertd}
owner=${WA_OWNER-wa-watch:wa-watch}
command -v sqlite3 >/dev/null 2>&1 || { echo "restore-ledger: sqlite3 is needed (apt-get install sqlite3)" >&2; exit 1; }
[ -f "$backup" ] || { echo "restore-ledger: no file $backup" >&2; exit 1; }
dir=$(dirname "$ledger")
[ -d "$dir" ] || { echo "restore-ledger: no folder $dir" >&2; exit 1; }

# 1. the candidate, beside the ledger (same file system, so the swap is a rename)
cand=$ledger.restore-$$
trap 'rm -f "$cand"' EXIT
case $backup in
*.gz) gzip -dc "$backup" >"$cand" ;;
*) cp "$backup" "$cand" ;;
esac
check=$(sqlite3 "$cand" 'PRAGMA integrity_check;' 2>&1 | head -n 5)
[ "$check" = ok ] || { echo "restore-ledger: $backup fails integrity_check: $check" >&2; exit 1; }
echo "restore-ledger: $backup passes integrity_check"

# 2. stop the service
if [ -n "$service" ]; then
	systemctl stop "$service"
	echo "restore-ledger: stopped $service"
fi

# 3. swap: the old ledger and its WAL aside (a WAL must never meet another database file)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
for suffix in "" -wal -shm; do
	[ -e "$ledger$suffix" ] && mv "$ledger$suffix" "$ledger.before-restore-$stamp$suffix"
done
[ -n "$owner" ] && chown "$owner" "$cand"
chmod 600 "$cand"
mv "$cand" "$ledger"
trap - EXIT
echo "restore-ledger: $ledger restored from $backup (the old one: $ledger.before-restore-$stamp)"

# 4. start it again
if [ -n "$service" ]; then
	systemctl start "$service"
	echo "restore-ledger: started $service"
fi
