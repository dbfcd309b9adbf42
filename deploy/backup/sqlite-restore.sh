#!/usr/bin/env bash
# Puts a backup made by sqlite-backup.sh in place of MvpPlanner's SQLite database. Stop the app first:
#
#   systemctl stop mvpplanner
#   sqlite-restore.sh /var/backups/mvpplanner/mvpplanner-2026-12-01.db /var/lib/mvpplanner/mvpplanner.db
#   systemctl start mvpplanner
#
# The current database is not deleted: it moves aside as <database>.before-restore-<time> (with its -wal and -shm),
# so a restore can be undone. Its -wal must not stay beside the restored file: SQLite would replay the old database's
# changes into the restored one. The restored file gets the current file's owner and mode.
#
# Needs the sqlite3 command-line tool (Debian: apt-get install sqlite3); uses fuser (Debian: psmisc) when present to
# refuse while a process still has the database open.
set -euo pipefail

die() {
    echo "sqlite-restore: $*" >&2
    exit 1
}

[[ $# -eq 2 ]] || die "usage: sqlite-restore.sh <backup-file> <database-file>"
backup=$1
db=$2
command -v sqlite3 >/dev/null || die "needs the sqlite3 command-line tool (Debian: apt-get install sqlite3)"
[[ -f $backup ]] || die "no backup file at $backup"

check=$(sqlite3 -bail "$backup" "PRAGMA integrity_check" 2>&1) || die "$backup is not a readable SQLite database: $check"
[[ $check == ok ]] || die "$backup failed its integrity check: $check"

if command -v fuser >/dev/null; then
    for file in "$db" "$db-wal"; do
        if [[ -e $file ]] && fuser -s "$file" 2>/dev/null; then
            die "a process still has $file open: stop the app first (systemctl stop mvpplanner)"
        fi
    done
else
    echo "sqlite-restore: fuser not found, so I cannot check that the app is stopped; make sure it is." >&2
fi

incoming="$db.restoring"
cp "$backup" "$incoming"
trap 'rm -f "$incoming"' EXIT
if [[ -f $db ]]; then
    chown --reference="$db" "$incoming" 2>/dev/null || true
    chmod --reference="$db" "$incoming"
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
for suffix in "" -wal -shm; do
    if [[ -e $db$suffix ]]; then
        mv "$db$suffix" "$db.before-restore-$stamp$suffix"
    fi
done
mv "$incoming" "$db"
trap - EXIT
echo "sqlite-restore: $backup -> $db (the previous database is $db.before-restore-$stamp, if there was one)"
