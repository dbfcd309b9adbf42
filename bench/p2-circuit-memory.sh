#!/usr/bin/env bash
# P2: server memory per idle circuit on the demo plan's roadmap board. Registers the first account through the real
# register page (it gets the demo plan), opens the board in 40 then 100 pages (10 pages per signed-in context, one
# Chromium), and after each step lets the server settle, forces a full GC (dotnet-gcdump collect, installed into
# bench/.artifacts/tools) and reads VmRSS/RssAnon from /proc/<pid>/status and the live GC heap from the dump.
# Usage: bench/p2-circuit-memory.sh [counts, default 40,100]
source "$(dirname "$0")/lib.sh"
counts="${1:-40,100}"
bench_apt chromium
bench_init p2-circuit-memory
bench_build app browser
gcdump="$(bench_gcdump_tool)"
echo "dotnet-gcdump: ${gcdump:-not available (GC heap figures n/a)}"

bench_start_app "$bench_work/data" Planner__SeedDemoPlan=true
bench_app_facts
bench_register
bench_browser p2 --email "$bench_email" --password "$bench_password" --pid "$app_pid" --gcdump "$gcdump" --counts "$counts"
bench_loadavg
