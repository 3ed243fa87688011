#!/usr/bin/env bash
# A throwaway PostgreSQL for eventwire's tests: installs Debian's postgresql if missing, starts a cluster on
# 127.0.0.1:${EVENTWIRE_PG_PORT:-5433} with its data under /tmp, creates role and database `eventwire`, and prints
#   export EVENTWIRE_TEST_PG_URL=postgresql://eventwire:eventwire@127.0.0.1:5433/eventwire
# on stdout (everything else goes to stderr), so `eval "$(scripts/postgres.sh)"` works. Idempotent.
set -euo pipefail

PORT="${EVENTWIRE_PG_PORT:-5433}"
DATA="${EVENTWIRE_PG_DIR:-/tmp/eventwire-pg}"
log() { echo "postgres.sh: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    log "installing postgresql"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"

# PostgreSQL refuses to run as root: as root, run it as the `postgres` user the Debian package created.
if [ "$(id -u)" = 0 ]; then
    SUPER=postgres
    as_super() { runuser -u postgres -- "$@"; }
else
    SUPER="$(id -un)"
    as_super() { "$@"; }
fi

if [ ! -s "$DATA/PG_VERSION" ]; then
    log "initialising $DATA"
    mkdir -p "$DATA"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
    chmod 700 "$DATA"
    as_super "$BIN/initdb" -D "$DATA" -U "$SUPER" --auth-local=trust --auth-host=scram-sha-256 -E UTF8 >&2
fi

if as_super "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    log "already running on port $PORT"
else
    log "starting on 127.0.0.1:$PORT"
    as_super "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
        -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1" start >&2
fi

psql_super() { as_super "$BIN/psql" -h "$DATA" -p "$PORT" -U "$SUPER" -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_super -c "SELECT 1 FROM pg_roles WHERE rolname = 'eventwire'")" != 1 ]; then
    psql_super -c "CREATE ROLE eventwire LOGIN PASSWORD 'eventwire'" >&2
fi
if [ "$(psql_super -c "SELECT 1 FROM pg_database WHERE datname = 'eventwire'")" != 1 ]; then
    psql_super -c "CREATE DATABASE eventwire OWNER eventwire" >&2
fi

echo "export EVENTWIRE_TEST_PG_URL=postgresql://eventwire:eventwire@127.0.0.1:$PORT/eventwire"
