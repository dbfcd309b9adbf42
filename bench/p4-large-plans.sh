#!/usr/bin/env bash
# P4: the feature table and roadmap board of a 500- and a 5,000-feature plan. Registers an account through the real
# register page, seeds both plans into its personal workspace (bench/Seeder --email), then per plan and page: HTML
# bytes of the prerendered response, per trial (a new tab each) the time from navigation start to the first row/card
# and to interactive, the server's memory growth per open tab (after a forced GC), and on the table cell edits
# (reach -> RICE updated, status -> saved value shown).
# Plans above 1,000 features get one feature-table trial (tab) instead of <trials>: before the paged grid, one tab of
# the 5,000 plan takes minutes and gigabytes on the server, and the suite must stay short. Each browser wait is capped
# at 300 s; the browser run as a whole at 25 minutes.
# BENCH_P4_PAGES=table or =roadmap measures only that page (results then go to p4-large-plans-<page>.txt).
# Usage: bench/p4-large-plans.sh [trials, default 3] [sizes, default "500 5000"]
source "$(dirname "$0")/lib.sh"
trials="${1:-3}"
sizes="${2:-500 5000}"
bench_apt chromium
bench_init "p4-large-plans${BENCH_P4_PAGES:+-$BENCH_P4_PAGES}"
bench_build app seeder browser
gcdump="$(bench_gcdump_tool)"
echo "dotnet-gcdump: ${gcdump:-not available (GC heap figures n/a)}"

data="$bench_work/data"
bench_start_app "$data" Planner__SeedDemoPlan=false
bench_app_facts
bench_register
plans=""
for size in $sizes; do
    echo "== Seeding a plan of $size features (30 personas, 60 problems, default phases and lanes) into $bench_email's workspace"
    started=$(date +%s)
    seed="$(bench_seed "$data" --features "$size" --personas 30 --problems 60 --email "$bench_email" --name "Benchmark: $size features")"
    echo "$(grep '^plan=' <<<"$seed") (seeded in $(($(date +%s) - started)) s)"
    curl -fsS -o /dev/null "$app_base/healthz" || { echo "The app stopped answering after seeding; its log:"; tail -50 "$data/app.log"; exit 1; }
    table_trials="$trials"
    [[ "$size" -gt 1000 ]] && table_trials=1
    plans="${plans:+$plans,}$size=$(sed -n 's/^plan=//p' <<<"$seed"):$table_trials:$trials"
done
timeout 1500 dotnet "$bench_artifacts/browser/MvpPlanner.Bench.Browser.dll" p4 --base "$app_base" --email "$bench_email" --password "$bench_password" --pid "$app_pid" --gcdump "$gcdump" --plans "$plans" --trials "$trials" --pages "${BENCH_P4_PAGES:-table,roadmap}"
bench_loadavg
