#!/usr/bin/env bash
# Restores a dump made by postgres-backup.sh. Stop every instance of the app first.
#
#   PGHOST=db.internal PGUSER=mvpplanner postgres-restore.sh /var/backups/mvpplanner/mvpplanner-2026-12-01.dump mvpplanner
#
# Into an existing database, every object the dump holds is dropped and recreated (--clean --if-exists), in one
# transaction: an error leaves the database as it was. A database that does not exist yet is created first (as the
# connecting role; create it yourself with createdb -O <owner> to choose its owner). Objects that are in the database
# but not in the dump stay: to go back to a backup from before an upgrade, restore into a new, empty database.
# <database> is a name, with the server and credentials from libpq's environment (PGHOST, PGPORT, PGUSER,
# PGPASSWORD or ~/.pgpass), or a connection URI (then the database must exist). Options after it go to pg_restore,
# e.g. --no-owner --role=mvpplanner to restore onto a server where the original owner's role has another name.
#
# Needs pg_restore, psql and createdb (Debian: postgresql-client).
set -euo pipefail

die() {
    echo "postgres-restore: $*" >&2
    exit 1
}

[[ $# -ge 2 ]] || die "usage: postgres-restore.sh <dump-file> <database-or-connection-uri> [pg_restore options]"
dump=$1
database=$2
shift 2
command -v pg_restore >/dev/null || die "needs pg_restore (Debian: apt-get install postgresql-client)"
[[ -f $dump ]] || die "no dump file at $dump"
pg_restore --list "$dump" >/dev/null || die "$dump is not a pg_dump custom-format file"

if [[ $database != *=* && $database != *://* ]]; then
    exists=$(psql -X -q -A -t -v ON_ERROR_STOP=1 -v name="$database" --dbname="${PGMAINTENANCEDB:-postgres}" \
        <<<"SELECT 1 FROM pg_database WHERE datname = :'name'")
    if [[ $exists != 1 ]]; then
        createdb -- "$database"
        echo "postgres-restore: created database $database"
    fi
fi

pg_restore --clean --if-exists --single-transaction --exit-on-error --dbname="$database" "$@" "$dump"
echo "postgres-restore: $dump -> $database"
