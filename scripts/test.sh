#!/usr/bin/env bash
# The repository's test command: runs every test project of Opside.sln.
#
# Tests that need PostgreSQL read an admin connection string from OPSIDE_TEST_POSTGRES. When it is not
# set, this script starts a throwaway PostgreSQL server (installing the Debian package first when running
# as root on a machine without one), points OPSIDE_TEST_POSTGRES at it and removes it on exit. Without
# PostgreSQL those tests report themselves as skipped.
#
# Usage: scripts/test.sh [extra dotnet test arguments]   (RESULTS_DIR overrides ./TestResults)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

pg_tmp=""
pg_bin=""
pg_as=()

log() { printf 'test.sh: %s\n' "$*" >&2; }

find_pg_bin() {
    local candidate
    candidate="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$candidate" && -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]]; then
        printf '%s\n' "$candidate"
    fi
}

stop_postgres() {
    local rc=$?
    if [[ -n "$pg_tmp" && -d "$pg_tmp" ]]; then
        if [[ -f "$pg_tmp/data/postmaster.pid" ]]; then
            "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_tmp/data" -m immediate -w stop >/dev/null 2>&1 || true
        fi
        rm -rf "$pg_tmp"
    fi
    exit "$rc"
}

# A free TCP port on loopback: nothing accepts a connection there right now. Postgres start-up still
# fails if another process grabs it first, so start_postgres retries with a new port.
pick_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    return 1
}

start_postgres() {
    pg_tmp="$(mktemp -d "${TMPDIR:-/tmp}/opside-pg.XXXXXX")"
    trap stop_postgres EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    if [[ "$(id -u)" -eq 0 ]]; then
        # initdb refuses to run as root.
        if ! id postgres >/dev/null 2>&1; then
            useradd --system --no-create-home --shell /usr/sbin/nologin postgres
        fi
        chown postgres "$pg_tmp"
        pg_as=(runuser -u postgres --)
    else
        pg_as=(env)
    fi
    chmod 700 "$pg_tmp"

    # Trust authentication is safe enough here: the server listens on 127.0.0.1 only, holds nothing
    # but test data and lives as long as this script.
    "${pg_as[@]}" "$pg_bin/initdb" -D "$pg_tmp/data" -U postgres --auth=trust -E UTF8 --no-locale >"$pg_tmp/initdb.log" 2>&1 || {
        cat "$pg_tmp/initdb.log" >&2
        return 1
    }

    local port attempt
    for attempt in 1 2 3 4 5; do
        port="$(pick_port)" || { log "no free TCP port found"; return 1; }
        # Durability settings are off because the data is thrown away; it makes DDL-heavy tests faster.
        if "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_tmp/data" -l "$pg_tmp/postgres.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pg_tmp -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null; then
            export OPSIDE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
            log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') started on 127.0.0.1:$port (data in $pg_tmp)"
            return 0
        fi
        log "PostgreSQL did not start on port $port (attempt $attempt)"
        tail -n 5 "$pg_tmp/postgres.log" >&2 || true
    done
    return 1
}

if [[ -n "${OPSIDE_TEST_POSTGRES:-}" ]]; then
    log "using the PostgreSQL server from OPSIDE_TEST_POSTGRES"
else
    pg_bin="$(find_pg_bin)"
    if [[ -z "$pg_bin" && "$(id -u)" -eq 0 ]]; then
        log "installing PostgreSQL (apt-get install postgresql)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq postgresql >/dev/null
        pg_bin="$(find_pg_bin)"
    fi

    if [[ -n "$pg_bin" ]]; then
        start_postgres || { log "could not start PostgreSQL"; exit 1; }
    else
        log "NOTE: PostgreSQL is not installed and installing it needs root; tests that need it will be reported as skipped"
    fi
fi

set +e
# A hung test (a lock never released, a cluster that never forms) fails the run with a dump of where it
# hangs instead of eating CI's whole time budget.
dotnet test Opside.sln -c Release --logger "trx" --results-directory "${RESULTS_DIR:-TestResults}" \
    --blame-hang-timeout 10m "$@"
rc=$?
set -e
exit "$rc"
