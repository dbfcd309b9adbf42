#!/usr/bin/env bash
# Builds MvpPlanner and runs every test: unit, bUnit, HTTP and end-to-end (real Kestrel + Debian's Chromium).
# The same command runs on a developer's machine and in CI (.ci/run, .github/workflows/ci.yml).
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 # Playwright drives the system browser; it never downloads one.
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [[ ! -x "$CHROMIUM_PATH" ]]; then
    echo "Chromium not found at $CHROMIUM_PATH: installing Debian's chromium package."
    sudo=""
    if [[ "$(id -u)" -ne 0 ]]; then
        sudo="sudo"
    fi
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium
    export CHROMIUM_PATH=/usr/bin/chromium
fi

# PostgreSQL and Redis for the multi-instance tests: throwaway servers on loopback, stopped on exit.
source tests/services.sh
log="$(mktemp)"
trap 'stop_test_services; rm -f "$log"' EXIT
start_test_services

dotnet tool restore
dotnet build MvpPlanner.sln -c Release

set +e
dotnet test MvpPlanner.sln -c Release --no-build --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The core service tests once more on PostgreSQL: every rule, race included, must hold on both providers.
echo "Core tests on PostgreSQL"
MVPPLANNER_TEST_DATABASE=PostgreSql dotnet test tests/MvpPlanner.Core.Tests -c Release --no-build \
    --logger "console;verbosity=normal" 2>&1 | tee -a "$log"
postgres_status=${PIPESTATUS[0]}
if [[ "$status" -eq 0 ]]; then
    status=$postgres_status
fi
set -e

# CI shows the end of this output: name every failed test there, with the first lines of its message.
if grep -qE '^\s+Failed [A-Za-z]' "$log"; then
    echo "Failed tests:"
    awk '
        /^ +Failed [A-Za-z]/ { print; left = 8; next }
        left > 0 && /^ +(Passed|Skipped) / { left = 0 }
        left > 0 { print; left-- }
    ' "$log"
fi
# One closing line over all test projects, e.g. "Tests: 42 passed, 0 failed, 0 skipped". Reads both summary
# forms of the console logger: "Total tests: N" followed by "Passed: N" lines, or "Passed!  - Failed: N, Passed: N".
awk '
    /^Total tests: [0-9]+/ { summary = 1; next }
    summary && /^ *Passed: [0-9]+ *$/ { passed += $2; next }
    summary && /^ *Failed: [0-9]+ *$/ { failed += $2; next }
    summary && /^ *Skipped: [0-9]+ *$/ { skipped += $2; next }
    summary { summary = 0 }
    /(Passed|Failed)! +- +Failed: / {
        gsub(",", "")
        for (i = 1; i < NF; i++) {
            if ($i == "Failed:") failed += $(i + 1)
            if ($i == "Passed:") passed += $(i + 1)
            if ($i == "Skipped:") skipped += $(i + 1)
        }
    }
    END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
exit "$status"
