#!/usr/bin/env bash
# Builds once, then runs P1-P6 one after the other with their default (short) settings. Results go to
# bench/results/<UTC date>/[<label>/]<goal>.txt, e.g. bench/run-all.sh before -> bench/results/<date>/before/.
# Usage: bench/run-all.sh [label]
source "$(dirname "$0")/lib.sh"
export BENCH_LABEL="${1:-${BENCH_LABEL:-}}"
bench_apt wrk brotli chromium
bench_build app seeder browser concurrent-edits
export BENCH_SKIP_BUILD=1
status=0
for script in p1-share-page p2-circuit-memory p3-live-updates p4-large-plans p5-cold-start p6-concurrent-edits; do
    echo "===== $script ($(date -u +%T))"
    "$bench_repo/bench/$script.sh" || { echo "$script failed"; status=1; }
done
echo "===== done ($(date -u +%T)); results in bench/results/$(date -u +%F)${BENCH_LABEL:+/$BENCH_LABEL}/"
exit "$status"
