#!/usr/bin/env bash
# Throwaway PostgreSQL and Redis servers for the tests, on loopback, in a temp folder: sourced by test.sh.
# Installs Debian's postgresql and redis-server packages when missing (with sudo unless root). Nothing here
# touches a PostgreSQL or Redis the machine already runs: own data folder, own free ports, stopped on exit.
#
#   source tests/services.sh
#   start_test_services   # exports MVPPLANNER_TEST_POSTGRES and MVPPLANNER_TEST_REDIS
#   stop_test_services    # stops both and deletes the folder

_services_sudo() {
    if [[ "$(id -u)" -ne 0 ]]; then sudo "$@"; else "$@"; fi
}

_services_pg_bin() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}

_services_install() {
    local missing=()
    [[ -z "$(_services_pg_bin)" ]] && missing+=(postgresql)
    command -v redis-server >/dev/null || missing+=(redis-server)
    command -v nginx >/dev/null || missing+=(nginx-light)
    # deploy/backup scripts and their test (test-backups.sh), and the systemd unit's check (SystemdUnitTests).
    command -v sqlite3 >/dev/null || missing+=(sqlite3)
    command -v fuser >/dev/null || missing+=(psmisc)
    command -v systemd-analyze >/dev/null || missing+=(systemd)
    if ((${#missing[@]})); then
        echo "Installing Debian packages for the tests: ${missing[*]}"
        _services_sudo apt-get update
        DEBIAN_FRONTEND=noninteractive _services_sudo apt-get install -y --no-install-recommends "${missing[@]}"
    fi
}

# A free TCP port on loopback, starting the search at $1.
_services_free_port() {
    local port=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
        port=$((port + 1))
    done
    echo "$port"
}

# Runs a PostgreSQL binary as the owner of the data folder: as root that is the postgres user (PostgreSQL refuses root).
_services_as_pg() {
    if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_test_services() {
    _services_install
    MVPPLANNER_SERVICES_DIR="$(mktemp -d /tmp/mvpplanner-services.XXXXXX)"
    export MVPPLANNER_SERVICES_DIR
    chmod 755 "$MVPPLANNER_SERVICES_DIR"

    local pg_bin pg_dir pg_port redis_port attempt
    pg_bin="$(_services_pg_bin)"
    pg_dir="$MVPPLANNER_SERVICES_DIR/postgres"
    mkdir -p "$pg_dir"
    [[ "$(id -u)" -eq 0 ]] && chown postgres:postgres "$pg_dir"
    # C.UTF-8: text sorts by code point, as on SQLite, so one expected order holds on both providers.
    _services_as_pg "$pg_bin/initdb" -D "$pg_dir" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$MVPPLANNER_SERVICES_DIR/initdb.log"

    # Ports below Linux's ephemeral range (32768+), where an outgoing connection may hold a port nobody listens on;
    # and a server that still cannot bind is tried on the next port.
    pg_port=25432
    for attempt in 1 2 3 4 5; do
        pg_port="$(_services_free_port "$pg_port")"
        if _services_as_pg "$pg_bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/server.log" -w \
            -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null; then
            break
        fi
        [[ $attempt -eq 5 ]] && { echo "PostgreSQL did not start; see $pg_dir/server.log" >&2; cat "$pg_dir/server.log" >&2; return 1; }
        pg_port=$((pg_port + 1))
    done
    export MVPPLANNER_PG_BIN="$pg_bin"
    export MVPPLANNER_PG_DIR="$pg_dir"
    export MVPPLANNER_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

    redis_port=26379
    for attempt in 1 2 3 4 5; do
        redis_port="$(_services_free_port "$redis_port")"
        redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
            --dir "$MVPPLANNER_SERVICES_DIR" --pidfile "$MVPPLANNER_SERVICES_DIR/redis.pid" --logfile "$MVPPLANNER_SERVICES_DIR/redis.log"
        for _ in $(seq 1 50); do
            [[ "$(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null)" == "PONG" ]] && break 2
            sleep 0.1
        done
        [[ $attempt -eq 5 ]] && { echo "Redis did not start; see $MVPPLANNER_SERVICES_DIR/redis.log" >&2; cat "$MVPPLANNER_SERVICES_DIR/redis.log" >&2; return 1; }
        redis_port=$((redis_port + 1))
    done
    export MVPPLANNER_TEST_REDIS="127.0.0.1:$redis_port"
    echo "Test services: PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port"
}

stop_test_services() {
    [[ -z "${MVPPLANNER_SERVICES_DIR:-}" || ! -d "$MVPPLANNER_SERVICES_DIR" ]] && return 0
    if [[ -n "${MVPPLANNER_PG_DIR:-}" ]]; then
        _services_as_pg "$MVPPLANNER_PG_BIN/pg_ctl" -D "$MVPPLANNER_PG_DIR" -m immediate stop >/dev/null 2>&1 || true
    fi
    if [[ -f "$MVPPLANNER_SERVICES_DIR/redis.pid" ]]; then
        kill "$(cat "$MVPPLANNER_SERVICES_DIR/redis.pid")" 2>/dev/null || true
    fi
    rm -rf "$MVPPLANNER_SERVICES_DIR"
}
