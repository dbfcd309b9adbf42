#!/usr/bin/env bash
# P3: live update latency. 20 signed-in pages on the demo plan (10 on the feature table, 10 on the roadmap board), an
# editor on the roadmap renames a feature through its dialog; per page, ms from the Save click to the new title in its
# DOM (MutationObserver, Date.now() in one browser on one machine). p50/p95 over the trials.
# Usage: bench/p3-live-updates.sh [trials, default 5] [peers, default 20]
source "$(dirname "$0")/lib.sh"
trials="${1:-5}"
peers="${2:-20}"
bench_apt chromium
bench_init p3-live-updates
bench_build app browser

bench_start_app "$bench_work/data" Planner__SeedDemoPlan=true
bench_app_facts
bench_register
bench_browser p3 --email "$bench_email" --password "$bench_password" --trials "$trials" --peers "$peers"
bench_loadavg
