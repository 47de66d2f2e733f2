#!/bin/sh
# Online backup of the wa-alertd ledger (SQLite) while the service runs: a consistent copy by
# `wa-alertd backup`, checked with PRAGMA integrity_check, compressed, old copies pruned.
#
#   deploy/backup-ledger.sh [DEST_DIR]        default /var/backups/wa-watch
#
# Environment: WA_LEDGER (default /var/lib/wa-watch/alertd.db), WA_ALERTD (default wa-alertd on
# the PATH, else /usr/local/bin/wa-alertd), KEEP_DAYS (default 14). Run it as the wa-watch user
# (wa-alertd-backup.timer does, daily). Prints the backup's path. Exit status 0 on success.
set -eu
dest=${1:-/var/backups/wa-watch}
ledger=${WA_LEDGER:-/var/lib/wa-watch/alertd.db}
alertd=${WA_ALERTD:-}
keep=${KEEP_DAYS:-14}
if [ -z "$alertd" ]; then
	if command -v wa-alertd >/dev/null 2>&1; then alertd=wa-alertd; else alertd=/usr/local/bin/wa-alertd; fi
fi
case $keep in '' | *[!0-9]*) echo "backup-ledger: KEEP_DAYS must be a number" >&2; exit 2 ;; esac
[ -e "$ledger" ] || { echo "backup-ledger: no ledger at $ledger" >&2; exit 1; }
umask 077
mkdir -p "$dest"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$dest/alertd-$stamp.db
part=$out.partial
rm -f "$part"
trap 'rm -f "$part"' EXIT
"$alertd" backup "$part" --db "$ledger" >/dev/null
if command -v sqlite3 >/dev/null 2>&1; then
	check=$(sqlite3 "$part" 'PRAGMA integrity_check;' 2>&1 | head -n 5)
	[ "$check" = ok ] || { echo "backup-ledger: the copy fails integrity_check: $check" >&2; exit 1; }
else
	echo "backup-ledger: warning: sqlite3 is not installed; the copy was not checked" >&2
fi
mv "$part" "$out"
gzip -9 "$out"
trap - EXIT
find "$dest" -maxdepth 1 -name 'alertd-*.db.gz' -mtime +"$keep" -exec rm -f {} +
echo "$out.gz"
