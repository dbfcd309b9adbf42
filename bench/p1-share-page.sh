#!/usr/bin/env bash
# P1: the stakeholder page /s/{token} of a 500-feature plan under load, against the same bytes served as a static file
# by the same app in the same run.
#
# The static twin: after fetching the page once, the script adds it (and its .gz/.br variants, precompressed like the
# app's own wwwroot assets) to a temporary copy of the published app's wwwroot and static-asset manifest
# (MvpPlanner.Web.staticwebassets.endpoints.json) as /bench/page.html, then restarts that copy. So both paths run in
# one process, through the same Kestrel, middleware pipeline (security headers, rate limiter, authentication) and
# MapStaticAssets, and the static file carries the same bytes as the page.
#
# wrk -t2 -c32 -d<duration> --timeout 10s --latency (a 10 s timeout so slow answers count in the latencies
# instead of vanishing as wrk's 2 s timeouts), each after its own warm-up: identity, Accept-Encoding: br, Accept-Encoding: gzip,
# and revalidation with If-None-Match (304); each pair page then static. Share rate limit raised out of the way.
# Usage: bench/p1-share-page.sh [duration, default 10s]
source "$(dirname "$0")/lib.sh"
duration="${1:-10s}"
bench_apt wrk brotli
bench_init p1-share-page
bench_build app seeder

app_copy="$bench_work/app"
cp -r "$bench_artifacts/app" "$app_copy"
bench_artifacts_orig="$bench_artifacts"
data="$bench_work/data"

echo "== Seeding: 500 features, 30 personas, 60 problems, 8 phases, 4 lanes; an all-sections share link"
seed="$(bench_seed "$data" --features 500 --personas 30 --problems 60 --phases 8)"
echo "$seed"
token="$(sed -n 's/^token=//p' <<<"$seed")"

start() {
    bench_artifacts="$bench_work" # bench_start_app runs $bench_artifacts/app: the copy
    bench_start_app "$data" Planner__ShareRateLimitPerMinute=100000000 Planner__SeedDemoPlan=false
    bench_artifacts="$bench_artifacts_orig"
}

start
page_url="$app_base/s/$token"
curl -fsS -o "$bench_work/page.html" "$page_url"
bench_stop_app "$app_pid"

echo "== Static twin: /bench/page.html in the app copy's wwwroot and static-asset manifest"
mkdir -p "$app_copy/wwwroot/bench"
cp "$bench_work/page.html" "$app_copy/wwwroot/bench/page.html"
gzip -9 -k -n "$app_copy/wwwroot/bench/page.html"
brotli -q 11 -k "$app_copy/wwwroot/bench/page.html"
python3 - "$app_copy" <<'PY'
import base64, hashlib, json, os, sys, email.utils
root = sys.argv[1]
manifest_path = os.path.join(root, "MvpPlanner.Web.staticwebassets.endpoints.json")
manifest = json.load(open(manifest_path))
def info(name):
    path = os.path.join(root, "wwwroot", "bench", name)
    data = open(path, "rb").read()
    return len(data), base64.b64encode(hashlib.sha256(data).digest()).decode(), email.utils.formatdate(os.path.getmtime(path), usegmt=True)
size, sha, modified = info("page.html")
def endpoint(asset, encoding):
    n, h, m = info(asset)
    headers = [{"Name": "Cache-Control", "Value": "no-cache"}]
    if encoding:
        headers.append({"Name": "Content-Encoding", "Value": encoding})
    headers += [{"Name": "Content-Length", "Value": str(n)}, {"Name": "Content-Type", "Value": "text/html"},
                {"Name": "ETag", "Value": f'"{h}"'}, {"Name": "Last-Modified", "Value": m}, {"Name": "Vary", "Value": "Accept-Encoding"}]
    selectors = [{"Name": "Content-Encoding", "Value": encoding, "Quality": f"{1 / (n + 1):.12f}"}] if encoding else []
    return {"Route": "bench/page.html", "AssetFile": "bench/" + asset, "Selectors": selectors, "ResponseHeaders": headers,
            "EndpointProperties": [{"Name": "integrity", "Value": "sha256-" + sha}]}
manifest["Endpoints"] += [endpoint("page.html.gz", "gzip"), endpoint("page.html.br", "br"), endpoint("page.html", None)]
json.dump(manifest, open(manifest_path, "w"))
PY
start
static_url="$app_base/bench/page.html"
page_url="$app_base/s/$token"

echo "== Responses (curl)"
for enc in identity br gzip; do
    for url in "$page_url" "$static_url"; do
        curl -s -o /dev/null -H "Accept-Encoding: $enc" -w "$enc ${url/$token/<token>}: HTTP %{http_code}, %{size_download} bytes on the wire, content-type %{content_type}\n" "$url"
        curl -s -D - -o /dev/null -H "Accept-Encoding: $enc" "$url" | tr -d '\r' | grep -i '^content-encoding:' | sed 's/^/    /' || true
    done
done
cmp <(curl -s "$page_url") <(curl -s "$static_url") && echo "identical bytes: page and static twin" || echo "WARNING: page and static twin differ"
etag_of() { curl -s -D - -o /dev/null "$1" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }'; }
page_etag="$(etag_of "$page_url")"
static_etag="$(etag_of "$static_url")"
echo "page ETag $page_etag -> $(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $page_etag" "$page_url")"
echo "static ETag $static_etag -> $(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $static_etag" "$static_url")"

run() {
    local name="$1"
    shift
    echo
    echo "== $name: wrk -t2 -c32 -d$duration --timeout 10s --latency $*" | sed "s/$token/<token>/g"
    bench_loadavg
    wrk -t2 -c32 -d3s "$@" >/dev/null # warm-up
    wrk -t2 -c32 -d"$duration" --timeout 10s --latency "$@" | sed "s/$token/<token>/g"
}
run "page identity" "$page_url"
run "static identity" "$static_url"
run "page br" -H "Accept-Encoding: br" "$page_url"
run "static br" -H "Accept-Encoding: br" "$static_url"
run "page gzip" -H "Accept-Encoding: gzip" "$page_url"
run "static gzip" -H "Accept-Encoding: gzip" "$static_url"
run "page 304" -H "If-None-Match: $page_etag" "$page_url"
run "static 304" -H "If-None-Match: $static_etag" "$static_url"

echo
echo "== Summary (requests/s, p99) — goal: page >= 50 % of static, p99 <= 50 ms"
awk '
    /^== / { name = $2 " " $3; sub(":", "", name) }
    /Requests\/sec:/ { rps[name] = $2; order[++n] = name }
    /^ +99%/ { p99[name] = $2 }
    END {
        for (i = 1; i <= n; i++) {
            k = order[i]; split(k, parts, " ")
            line = sprintf("%-16s %10.1f req/s  p99 %s", k, rps[k], p99[k])
            if (parts[1] == "page" && rps["static " parts[2]] > 0) line = line sprintf("  (%.0f %% of static)", 100 * rps[k] / rps["static " parts[2]])
            print line
        }
    }' "$bench_results"
bench_loadavg
