#!/usr/bin/env bash
# P5: cold start to the first page on an empty database. Per trial: a fresh temporary data directory, then
# `dotnet MvpPlanner.Web.dll` (Release publish) is started and /account/login polled every 20 ms until it answers
# 200; the figure is the time from launch to that answer (it includes creating and migrating the database, which the
# app does before it listens). Also the time of the next GET (warm).
# Usage: bench/p5-cold-start.sh [trials, default 5]
source "$(dirname "$0")/lib.sh"
trials="${1:-5}"
bench_init p5-cold-start
bench_build app

times=()
for trial in $(seq 1 "$trials"); do
    data="$bench_work/cold-$trial"
    mkdir -p "$data"
    port="$(bench_free_port)"
    base="http://127.0.0.1:$port"
    bench_loadavg
    started=$(date +%s%N)
    (
        cd "$bench_artifacts/app"
        exec env ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Production \
            ConnectionStrings__Planner="Data Source=$data/mvpplanner.db" Planner__DataDirectory="$data" Planner__SeedDemoPlan=true \
            Serilog__MinimumLevel__Default=Warning Serilog__WriteTo__1__Args__path="$data/logs/mvpplanner-.log" \
            dotnet MvpPlanner.Web.dll >"$data/app.log" 2>&1
    ) &
    pid=$!
    bench_pids+=("$pid")
    code=000
    for _ in $(seq 1 3000); do # at most about 60 s
        code="$(curl -s -o /dev/null -w '%{http_code}' "$base/account/login" || true)"
        [[ "$code" == 200 ]] && break
        sleep 0.02
    done
    ended=$(date +%s%N)
    if [[ "$code" != 200 ]]; then
        echo "trial $trial: /account/login never answered 200 (last: $code); app log:"
        cat "$data/app.log"
        bench_stop_app "$pid"
        continue
    fi
    ms=$(((ended - started) / 1000000))
    warm="$(curl -s -o /dev/null -w '%{time_total}' "$base/account/login")"
    echo "trial $trial: launch -> first 200 from /account/login: $ms ms; next GET: $(awk -v t="$warm" 'BEGIN { printf "%.1f", t * 1000 }') ms; database file: $(stat -c %s "$data/mvpplanner.db" 2>/dev/null || echo '?') bytes"
    times+=("$ms")
    bench_stop_app "$pid"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1; s += $1 } END { if (NR) printf "cold start (ms): n=%d min=%d median=%d max=%d mean=%.0f\n", NR, v[1], v[int((NR + 1) / 2)], v[NR], s / NR }'
bench_loadavg
