# Shared helpers of the bench/p*.sh scripts. Source it; it is not a script of its own.
# Every script: builds what it needs in Release (skipped when BENCH_SKIP_BUILD=1, as run-all.sh does after building
# once), starts the app on a free loopback port with its own temporary data directory, stops it on exit, and writes
# its raw output to bench/results/<UTC date>/[<BENCH_LABEL>/]<goal>.txt.
set -euo pipefail

bench_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
# Build outputs live here (ignored by git) so repeated runs build incrementally.
bench_artifacts="${BENCH_ARTIFACTS:-$bench_repo/bench/.artifacts}"
bench_pids=()
bench_work=""

# bench_init <goal>: temp folder, cleanup trap, results file; from here on all output also goes to the results file.
bench_init() {
    local goal="$1"
    bench_work="$(mktemp -d "/tmp/mvpplanner-bench-$goal.XXXXXX")"
    trap bench_cleanup EXIT
    local dir="$bench_repo/bench/results/$(date -u +%F)${BENCH_LABEL:+/$BENCH_LABEL}"
    mkdir -p "$dir"
    bench_results="$dir/$goal.txt"
    : >"$bench_results"
    exec > >(tee -a "$bench_results") 2>&1
    echo "# $goal"
    bench_machine
}

bench_machine() {
    echo "date: $(date -u +%FT%TZ)"
    echo "git commit: $(git -C "$bench_repo" rev-parse HEAD) ($(git -C "$bench_repo" rev-parse --abbrev-ref HEAD))$(git -C "$bench_repo" diff --quiet HEAD -- src 2>/dev/null || echo ', src has uncommitted changes')"
    echo "nproc: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); mem: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "dotnet: $(dotnet --version) SDK; runtime $(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ { v = $2 } END { print v }')"
    bench_loadavg
}

bench_loadavg() {
    echo "loadavg: $(cat /proc/loadavg)"
}

bench_cleanup() {
    local pid
    for pid in "${bench_pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    bench_pids=()
    if [[ -n "$bench_work" && -z "${BENCH_KEEP_WORK:-}" ]]; then
        rm -rf "$bench_work"
    fi
}

bench_apt() {
    local missing=()
    local pkg
    for pkg in "$@"; do
        case "$pkg" in
            chromium) [[ -x "$CHROMIUM_PATH" ]] || missing+=(chromium) ;;
            *) command -v "$pkg" >/dev/null || missing+=("$pkg") ;;
        esac
    done
    if [[ ${#missing[@]} -gt 0 ]]; then
        local sudo=""
        [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
        $sudo apt-get update
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
    fi
}

# bench_build [app] [seeder] [browser] [concurrent-edits]: Release builds into $bench_artifacts.
bench_build() {
    if [[ -n "${BENCH_SKIP_BUILD:-}" ]]; then
        return
    fi
    local what
    for what in "$@"; do
        echo "== Building $what (Release)"
        case "$what" in
            app) dotnet publish "$bench_repo/src/MvpPlanner.Web" -c Release -o "$bench_artifacts/app" --nologo -v quiet ;;
            seeder) dotnet build "$bench_repo/bench/Seeder" -c Release -o "$bench_artifacts/seeder" --nologo -v quiet ;;
            browser) dotnet build "$bench_repo/bench/Browser" -c Release -o "$bench_artifacts/browser" --nologo -v quiet ;;
            concurrent-edits) dotnet build "$bench_repo/bench/ConcurrentEdits" -c Release -o "$bench_artifacts/concurrent-edits" --nologo -v quiet ;;
        esac
    done
}

# dotnet-gcdump in a folder of the bench artifacts (not the repository's tool manifest). Empty when it cannot be had.
bench_gcdump_tool() {
    local dir="$bench_artifacts/tools"
    if [[ ! -x "$dir/dotnet-gcdump" ]]; then
        dotnet tool install dotnet-gcdump --version 10.0.750501 --tool-path "$dir" >/dev/null 2>&1 || true
    fi
    [[ -x "$dir/dotnet-gcdump" ]] && echo "$dir/dotnet-gcdump" || true
}

bench_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# bench_seed <data dir> [seeder options...]: prints plan=<id> and token=<token>.
bench_seed() {
    local data="$1"
    shift
    mkdir -p "$data"
    dotnet "$bench_artifacts/seeder/MvpPlanner.Bench.Seeder.dll" "$data/mvpplanner.db" "$@"
}

# bench_start_app <data dir> [VAR=value...]: starts the published app on a free loopback port with that data folder
# (database mvpplanner.db in it), waits for /healthz, and sets app_pid and app_base.
bench_start_app() {
    local data="$1"
    shift
    mkdir -p "$data"
    local port
    port="$(bench_free_port)"
    app_base="http://127.0.0.1:$port"
    (
        cd "$bench_artifacts/app"
        exec env \
            ASPNETCORE_URLS="$app_base" \
            ASPNETCORE_ENVIRONMENT=Production \
            ConnectionStrings__Planner="Data Source=$data/mvpplanner.db" \
            Planner__DataDirectory="$data" \
            Serilog__MinimumLevel__Default=Warning \
            Serilog__WriteTo__1__Args__path="$data/logs/mvpplanner-.log" \
            "$@" \
            dotnet MvpPlanner.Web.dll >"$data/app.log" 2>&1
    ) &
    app_pid=$!
    bench_pids+=("$app_pid")
    local _
    for _ in $(seq 1 240); do
        if curl -fsS "$app_base/healthz" >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.25
    done
    echo "The app did not start; its log:"
    cat "$data/app.log"
    return 1
}

bench_stop_app() {
    local pid="$1"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    local kept=()
    local p
    for p in "${bench_pids[@]}"; do
        [[ "$p" == "$pid" ]] || kept+=("$p")
    done
    bench_pids=("${kept[@]}")
}

# bench_memory <pid>: VmRSS / RssAnon and the private dirty bytes of a process, in KiB, on one line.
bench_memory() {
    local pid="$1"
    local rss anon priv
    rss="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")"
    anon="$(awk '/^RssAnon:/ { print $2 }' "/proc/$pid/status")"
    priv="$(awk '/^Private_Dirty:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || echo "?")"
    echo "VmRSS_kB=$rss RssAnon_kB=$anon Private_Dirty_kB=$priv"
}

# The browser benchmarks' account: registered through the app's real register page by bench_register.
bench_email="bench.admin@example.test"
bench_password="bench-2026-planner"

bench_browser() {
    dotnet "$bench_artifacts/browser/MvpPlanner.Bench.Browser.dll" "$@" --base "$app_base"
}

bench_register() {
    bench_browser register --name "Bench Admin" --email "$bench_email" --password "$bench_password"
}

bench_app_facts() {
    echo "app pid: $app_pid; server GC: $(grep -o '"System.GC.Server": [a-z]*' "$bench_artifacts/app/MvpPlanner.Web.runtimeconfig.json" || echo unknown); chromium: $("$CHROMIUM_PATH" --version 2>/dev/null || echo unknown)"
}
