#!/usr/bin/env bash
# Proves the backup scripts beside it with a round trip each, while a writer keeps inserting rows:
#
#   test-backups.sh [sqlite|postgres|all]     (default: all)
#
# SQLite: a WAL database with rows and a writer loop; sqlite-backup.sh during the writes; the backup must hold every
# row committed before it began and be exactly a prefix of what was written (no torn change); sqlite-restore.sh
# refuses while the database is open, then puts it back, keeping the old file aside.
# PostgreSQL (needs MVPPLANNER_TEST_POSTGRES, an Npgsql connection string to a superuser, as tests/services.sh
# exports it): a throwaway database with rows and a writer; postgres-backup.sh during the writes; drop the database;
# postgres-restore.sh creates it again; then again over the existing database (--clean); rows, order and the id
# sequence must come back. Run by tests/MvpPlanner.Web.Tests/Deployment/BackupScriptTests.cs; prints "ok: …" lines.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
what=${1:-all}
work="$(mktemp -d /tmp/mvpplanner-backup-test.XXXXXX)"
pids=()
pg_database=""

cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    [[ -n $pg_database ]] && dropdb --if-exists -- "$pg_database" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "FAILED: $*" >&2
    exit 1
}

ok() {
    echo "ok: $*"
}

# Inserts rows one transaction at a time until $work/stop-<name> exists (at most $3 rows, so it always ends);
# $2 is a function that runs the database's shell on the statements it reads.
start_writer() {
    local name=$1 client=$2 limit=$3 statement=$4
    rm -f "$work/stop-$name"
    (
        for ((i = 0; i < limit; i++)); do
            [[ -e $work/stop-$name ]] && break
            echo "$statement"
        done
    ) | $client >/dev/null &
    pids+=($!)
}

stop_writers() {
    touch "$work"/stop-sqlite "$work"/stop-postgres
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    pids=()
}

# Waits (at most 30 s) until the query's number exceeds $2.
wait_for_more_than() {
    local query=$1 target=$2 count
    for _ in $(seq 1 300); do
        count=$($query)
        ((count > target)) && return 0
        sleep 0.1
    done
    fail "the writer did not get past $target rows (at $count)"
}

test_sqlite() {
    command -v sqlite3 >/dev/null || fail "sqlite3 is not installed (Debian: apt-get install sqlite3)"
    local db="$work/sqlite/mvpplanner.db" backup="$work/sqlite/backup.db"
    mkdir -p "$work/sqlite"
    sqlite3 -bail "$db" >/dev/null <<'SQL'
PRAGMA journal_mode = WAL;
CREATE TABLE items (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO items (body) SELECT hex(randomblob(100)) FROM n;
SQL
    sqlite_count() { sqlite3 -cmd ".timeout 10000" "$db" "SELECT count(*) FROM items"; }

    sqlite_shell() { sqlite3 -bail -cmd ".timeout 10000" -cmd "PRAGMA synchronous = NORMAL" "$db"; }
    start_writer sqlite sqlite_shell 200000 \
        "INSERT INTO items (body) VALUES (hex(randomblob(100)));"
    wait_for_more_than sqlite_count 20200
    local before
    before=$(sqlite_count)
    "$here/sqlite-backup.sh" "$db" "$backup"
    local during
    during=$(sqlite_count)
    wait_for_more_than sqlite_count "$during"
    stop_writers
    ok "sqlite: backup taken while a writer inserted rows ($before rows before it began)"

    [[ ! -e $backup-wal ]] || fail "the backup has a -wal file beside it"
    local in_backup
    in_backup=$(sqlite3 "$backup" "SELECT count(*) FROM items")
    ((in_backup >= before)) || fail "the backup has $in_backup rows, fewer than the $before committed before it began"
    sqlite3 "$db" "SELECT id, body FROM items ORDER BY id" >"$work/sqlite/live.txt"
    sqlite3 "$backup" "SELECT id, body FROM items ORDER BY id" >"$work/sqlite/backup.txt"
    head -n "$in_backup" "$work/sqlite/live.txt" | cmp -s - "$work/sqlite/backup.txt" \
        || fail "the backup is not exactly the database as it was at one moment"
    ok "sqlite: the backup holds $in_backup rows, the database as it was at one moment (now $(wc -l <"$work/sqlite/live.txt"))"

    if command -v fuser >/dev/null; then
        exec 9<"$db" # this shell holds the file open, as a running app does
        if "$here/sqlite-restore.sh" "$backup" "$db" 2>"$work/sqlite/refused.txt"; then
            fail "sqlite-restore.sh restored while a process had the database open"
        fi
        exec 9<&-
        grep -q "stop the app first" "$work/sqlite/refused.txt" || fail "unexpected refusal: $(cat "$work/sqlite/refused.txt")"
        ok "sqlite: restore refuses while the database is open"
    fi

    "$here/sqlite-restore.sh" "$backup" "$db"
    sqlite3 "$db" "PRAGMA integrity_check" | grep -qx ok || fail "the restored database fails its integrity check"
    sqlite3 "$db" "SELECT id, body FROM items ORDER BY id" | cmp -s - "$work/sqlite/backup.txt" \
        || fail "the restored database differs from the backup"
    local aside
    aside=$(ls "$db".before-restore-* 2>/dev/null | head -n 1)
    [[ -n $aside ]] || fail "the previous database was not kept aside"
    ok "sqlite: restored $in_backup rows; the previous database is kept as $(basename "$aside")"
}

# MVPPLANNER_TEST_POSTGRES is an Npgsql string ("Host=…;Port=…;Username=…"): libpq reads the same from PG* variables.
use_test_postgres() {
    [[ -n ${MVPPLANNER_TEST_POSTGRES:-} ]] \
        || fail "MVPPLANNER_TEST_POSTGRES is not set: ./test.sh sets it (tests/services.sh starts a throwaway PostgreSQL)"
    local part key value
    IFS=';' read -ra parts <<<"$MVPPLANNER_TEST_POSTGRES"
    for part in "${parts[@]}"; do
        key=$(echo "${part%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')
        value=${part#*=}
        case $key in
        host | server) export PGHOST=$value ;;
        port) export PGPORT=$value ;;
        username | userid | user) export PGUSER=$value ;;
        password) export PGPASSWORD=$value ;;
        esac
    done
}

test_postgres() {
    use_test_postgres
    for tool in psql pg_dump pg_restore createdb dropdb; do
        command -v "$tool" >/dev/null || fail "$tool is not installed (Debian: apt-get install postgresql-client)"
    done
    pg_database="mvpplanner_backup_test_$$_$RANDOM"
    local dump="$work/postgres.dump"
    createdb -- "$pg_database"
    psql -X -q -v ON_ERROR_STOP=1 -d "$pg_database" >/dev/null <<'SQL'
CREATE TABLE items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL);
CREATE INDEX items_body ON items (body);
INSERT INTO items (body) SELECT md5(i::text) FROM generate_series(1, 20000) AS i;
SQL
    pg_count() { psql -X -A -t -d "$pg_database" -c "SELECT count(*) FROM items"; }
    pg_rows() { psql -X -A -t -d "$pg_database" -c "SELECT id, body FROM items ORDER BY id"; }

    pg_shell() { psql -X -q -d "$pg_database"; }
    start_writer postgres pg_shell 200000 "INSERT INTO items (body) VALUES (md5(random()::text));"
    wait_for_more_than pg_count 20200
    local before
    before=$(pg_count)
    "$here/postgres-backup.sh" "$pg_database" "$dump"
    local during
    during=$(pg_count)
    wait_for_more_than pg_count "$during"
    stop_writers
    pg_rows >"$work/postgres-live.txt"
    ok "postgres: dump taken while a writer inserted rows ($before rows before it began)"

    dropdb -- "$pg_database"
    "$here/postgres-restore.sh" "$dump" "$pg_database"
    local restored
    restored=$(pg_count)
    ((restored >= before)) || fail "the restore has $restored rows, fewer than the $before committed before the dump began"
    pg_rows >"$work/postgres-restored.txt"
    head -n "$restored" "$work/postgres-live.txt" | cmp -s - "$work/postgres-restored.txt" \
        || fail "the restored database is not the database as it was at one moment"
    ok "postgres: dropped, then restored into a new database: $restored rows, as at one moment"

    psql -X -q -v ON_ERROR_STOP=1 -d "$pg_database" -c "INSERT INTO items (body) VALUES ('after restore')" >/dev/null
    "$here/postgres-restore.sh" "$dump" "$pg_database"
    pg_rows | cmp -s - "$work/postgres-restored.txt" || fail "restoring over the existing database did not give the dump's rows"
    ok "postgres: restored over the existing database (--clean): the same $restored rows, the row added since gone"

    local next max
    max=$(psql -X -A -t -d "$pg_database" -c "SELECT max(id) FROM items")
    next=$(psql -X -A -t -d "$pg_database" -c "INSERT INTO items (body) VALUES ('new') RETURNING id" | head -n 1)
    ((next > max)) || fail "a new row got id $next, not after the restored $max: the identity sequence was not restored"
    ok "postgres: new rows continue after the restored ids ($next > $max)"
}

case $what in
sqlite) test_sqlite ;;
postgres) test_postgres ;;
all)
    test_sqlite
    test_postgres
    ;;
*) fail "usage: test-backups.sh [sqlite|postgres|all]" ;;
esac
echo "backup round trips: all passed"
