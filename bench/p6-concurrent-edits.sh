#!/usr/bin/env bash
# P6 (issue 14): concurrent edits on one plan on PostgreSQL. A throwaway PostgreSQL 15 (tests/services.sh: loopback,
# own folder and port, stopped on exit; it starts a Redis too, unused here); per run a new database, which
# MvpPlanner.Bench.ConcurrentEdits migrates, fills with one plan, an owner and N editors, then N editors × M changes
# at once through the app's services; it counts what the database holds afterwards and exits 1 on any lost update or
# failed change. Runs 1×400, 4×100, 8×50 and 16×25 editors × changes on PostgreSQL, 8×50 on SQLite (a temporary file)
# for comparison, and a control run (--blind-retry on PostgreSQL, 8×50) that overwrites conflicts with stale values
# and so must report lost updates: it shows the checks can see a loss.
# Usage: bench/p6-concurrent-edits.sh [editors] [changes]   (with arguments: that one size on each provider)
source "$(dirname "$0")/lib.sh"
source "$bench_repo/tests/services.sh"
sizes=("1 400" "4 100" "8 50" "16 25")
compare="8 50"
if [[ $# -gt 0 ]]; then
    sizes=("$1 ${2:-50}")
    compare="$1 ${2:-50}"
fi
bench_init p6-concurrent-edits
bench_build concurrent-edits
trap 'stop_test_services; bench_cleanup' EXIT
start_test_services
pg_port="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$MVPPLANNER_TEST_POSTGRES")"
psql_postgres() {
    "$MVPPLANNER_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "host=127.0.0.1 port=$pg_port user=postgres dbname=postgres" "$@"
}
echo "postgresql: $("$MVPPLANNER_PG_BIN/postgres" --version); $(psql_postgres -At -c "SELECT 'fsync=' || current_setting('fsync') || ' synchronous_commit=' || current_setting('synchronous_commit') || ' max_connections=' || current_setting('max_connections')")"

# run <label> <provider> <connection> <editors> <changes> [options...]
run() {
    local label="$1" provider="$2" connection="$3" editors="$4" changes="$5"
    shift 5
    echo
    echo "== $label: $provider, $editors editors × $changes changes $*"
    bench_loadavg
    local rc=0
    dotnet "$bench_artifacts/concurrent-edits/MvpPlanner.Bench.ConcurrentEdits.dll" --provider "$provider" --connection "$connection" \
        --editors "$editors" --changes "$changes" "$@" | tee -a "$bench_work/runs.txt" || rc=$?
    bench_loadavg
    return "$rc"
}

postgres_db() {
    psql_postgres -c "CREATE DATABASE $1" >&2
    echo "${MVPPLANNER_TEST_POSTGRES/Database=postgres/Database=$1}"
}

status=0
for size in "${sizes[@]}"; do
    read -r editors changes <<<"$size"
    run "PostgreSQL" PostgreSql "$(postgres_db "p6_${editors}x${changes}")" "$editors" "$changes" || { echo "FAILED: lost updates or failed changes"; status=1; }
done

read -r editors changes <<<"$compare"
run "SQLite for comparison" Sqlite "Data Source=$bench_work/p6-${editors}x${changes}.db" "$editors" "$changes" || { echo "FAILED: lost updates or failed changes"; status=1; }

run "Control (must find lost updates)" PostgreSql "$(postgres_db "p6_control")" "$editors" "$changes" --blind-retry || true
if grep -Eq '^RESULT .*control=blind-retry .* lost=[1-9]' "$bench_work/runs.txt"; then
    echo "control: lost updates found, as they must be"
else
    echo "FAILED: the control run overwrote conflicts with stale values, yet the checks found nothing lost"
    status=1
fi

echo
echo "== summary"
grep '^RESULT' "$bench_work/runs.txt" || true
exit "$status"
