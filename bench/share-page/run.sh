#!/usr/bin/env bash
# Load test of the stakeholder page /s/{token}: a large plan (500 features, 30 personas, 8 phases), a link showing
# every section, then wrk on the full page (200) and on revalidation (If-None-Match -> 304).
# Usage: bench/share-page/run.sh [duration, default 20s]. Prints wrk's summaries; writes nothing into the repository.
# The seeder lives in bench/Seeder (shared with the bench/p*.sh scripts); bench/p1-share-page.sh is the fuller version
# of this run (static-file baseline, compression, results file).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$(pwd)"
duration="${1:-20s}"

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1

if ! command -v wrk >/dev/null; then
    sudo=""
    if [[ "$(id -u)" -ne 0 ]]; then
        sudo="sudo"
    fi
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends wrk
fi

work="$(mktemp -d)"
app_pid=""
cleanup() {
    if [[ -n "$app_pid" ]]; then
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "== Publishing the app (Release) and building the seeder"
dotnet publish src/MvpPlanner.Web -c Release -o "$work/app" --nologo -v quiet
dotnet build bench/Seeder -c Release -o "$work/seeder" --nologo -v quiet

echo "== Seeding a large plan"
db="$work/data/planner.db"
mkdir -p "$work/data"
token="$(dotnet "$work/seeder/MvpPlanner.Bench.Seeder.dll" "$db" --features 500 --personas 30 --problems 60 --phases 8 | sed -n 's/^token=//p')"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
base="http://127.0.0.1:$port"
url="$base/s/$token"

echo "== Starting the app on $base"
(
    cd "$work/app"
    ASPNETCORE_URLS="$base" \
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Planner="Data Source=$db" \
    Planner__DataDirectory="$work/data" \
    Planner__SeedDemoPlan=false \
    Planner__ShareRateLimitPerMinute=100000000 \
    Serilog__MinimumLevel__Default=Warning \
    Serilog__WriteTo__1__Args__path="$work/data/logs/log-.txt" \
    exec dotnet MvpPlanner.Web.dll >"$work/app.log" 2>&1
) &
app_pid=$!

for _ in $(seq 1 120); do
    if curl -fsS "$base/healthz" >/dev/null 2>&1; then
        break
    fi
    sleep 0.5
done
curl -fsS "$base/healthz" >/dev/null || { echo "The app did not start:"; cat "$work/app.log"; exit 1; }

status="$(curl -s -o "$work/page.html" -w '%{http_code}' "$url")"
etag="$(curl -s -D - -o /dev/null "$url" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }')"
revalidated="$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$url")"
echo "== Page: HTTP $status, $(wc -c <"$work/page.html") bytes, ETag $etag; revalidation: HTTP $revalidated"
[[ "$status" == 200 && "$revalidated" == 304 ]] || { echo "Unexpected answers; see $work/app.log"; exit 1; }

echo "== Warm-up (5s)"
wrk -t2 -c32 -d5s "$url" >/dev/null

echo "== Full page (200), wrk -t2 -c32 -d$duration --latency"
wrk -t2 -c32 -d"$duration" --latency "$url"

echo "== Revalidation (304), wrk -t2 -c32 -d$duration --latency -H 'If-None-Match: $etag'"
wrk -t2 -c32 -d"$duration" --latency -H "If-None-Match: $etag" "$url"

echo "== Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(dotnet --version) SDK"
