#!/usr/bin/env bash
# Backup of MvpPlanner's PostgreSQL database with pg_dump, safe while every instance is running and writing:
#
#   PGHOST=db.internal PGUSER=mvpplanner postgres-backup.sh mvpplanner /var/backups/mvpplanner/mvpplanner-$(date -u +%F).dump
#   postgres-backup.sh 'postgresql://mvpplanner@db.internal:5432/mvpplanner?sslmode=require' mvpplanner.dump
#
# pg_dump reads one consistent snapshot of the database. The custom format (-Fc) is compressed and is what
# postgres-restore.sh (pg_restore) reads; the dump is listed with pg_restore --list before it gets its name.
# <database> is a database name, with the server and credentials from libpq's usual environment (PGHOST, PGPORT,
# PGUSER, PGPASSWORD or ~/.pgpass, PGSSLMODE), or a whole connection URI / "key=value" string.
#
# Needs pg_dump and pg_restore of the server's major version or newer (Debian: postgresql-client).
set -euo pipefail

die() {
    echo "postgres-backup: $*" >&2
    exit 1
}

[[ $# -eq 2 ]] || die "usage: postgres-backup.sh <database-or-connection-uri> <dump-file>"
database=$1
out=$2
command -v pg_dump >/dev/null || die "needs pg_dump (Debian: apt-get install postgresql-client)"
[[ -e $out ]] && die "$out already exists; a backup never overwrites one, choose a new name"

partial="$out.partial"
rm -f "$partial"
trap 'rm -f "$partial"' EXIT

pg_dump --format=custom --file="$partial" --dbname="$database"
pg_restore --list "$partial" >/dev/null || die "pg_restore cannot read the dump"
mv "$partial" "$out"
trap - EXIT
echo "postgres-backup: $out ($(stat -c %s "$out") bytes)"
