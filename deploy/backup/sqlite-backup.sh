#!/usr/bin/env bash
# Online backup of MvpPlanner's SQLite database, safe while the app is running and writing:
#
#   sqlite-backup.sh /var/lib/mvpplanner/mvpplanner.db /var/backups/mvpplanner/mvpplanner-$(date -u +%F).db
#
# VACUUM INTO writes the copy inside one read transaction. The database runs in WAL mode, so the app keeps writing
# meanwhile, and the copy is the database exactly as it was when the backup began: never half of a change. The copy is
# one self-contained file (no -wal or -shm beside it), checked with PRAGMA integrity_check before it gets its name.
# (The sqlite3 shell's .backup would also work, but it starts over whenever the app writes during the copy, and on a
# busy database may never finish.)
#
# Needs the sqlite3 command-line tool (Debian: apt-get install sqlite3). Run it as the app's user or as root.
set -euo pipefail

die() {
    echo "sqlite-backup: $*" >&2
    exit 1
}

[[ $# -eq 2 ]] || die "usage: sqlite-backup.sh <database-file> <backup-file>"
db=$1
out=$2
command -v sqlite3 >/dev/null || die "needs the sqlite3 command-line tool (Debian: apt-get install sqlite3)"
[[ -f $db ]] || die "no database file at $db"
[[ -e $out ]] && die "$out already exists; a backup never overwrites one, choose a new name"
[[ $out == *"'"* ]] && die "the backup path must not contain a single quote"

partial="$out.partial"
rm -f "$partial"
trap 'rm -f "$partial"' EXIT

# Waits up to 30 s if the database is locked (a checkpoint, a migration) instead of failing at once.
sqlite3 -bail -cmd ".timeout 30000" "$db" "VACUUM INTO '$partial'"

# Opened as root, SQLite may have created the -wal and -shm files as root: give them back, or the app cannot open them.
if [[ $(id -u) -eq 0 ]]; then
    for file in "$db-wal" "$db-shm"; do
        [[ -e $file ]] && chown --reference="$db" "$file"
    done
fi

check=$(sqlite3 -bail "$partial" "PRAGMA integrity_check")
[[ $check == ok ]] || die "the copy failed its integrity check: $check"
mv "$partial" "$out"
trap - EXIT
echo "sqlite-backup: $db -> $out ($(stat -c %s "$out") bytes)"
