#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 (a free port, data in a temp folder) and prints
# its database URL on stdout; everything else goes to stderr. Installs PostgreSQL with apt when it
# is missing (needs root, as in CI). Used by the store tests: KCC_SIM_TEST_POSTGRES_URL.
#   url="$(bash scripts/start-postgres.sh)"
# Stop it with the pg_ctl command printed on stderr (or leave it: the folder is in /tmp).
set -euo pipefail

log() { echo "start-postgres: $*" >&2; }

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

bin="$(find_bin)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is not installed and this is not root; install the 'postgresql' package."
    exit 1
  fi
  log "installing PostgreSQL with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  bin="$(find_bin)"
fi

# Run the server as the postgres user when we are root (PostgreSQL refuses to run as root).
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  as_owner() { runuser -u postgres -- "$@"; }
else
  owner="$(id -un)"
  as_owner() { "$@"; }
fi

folder="$(mktemp -d "${TMPDIR:-/tmp}/kcc-sim-postgres.XXXXXX")"
chown "$owner" "$folder"
chmod 700 "$folder"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

as_owner "$bin/initdb" -D "$folder/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
  --no-sync >"$folder/initdb.log" 2>&1 || { cat "$folder/initdb.log" >&2; exit 1; }
as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
  -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" \
  start >&2 || { cat "$folder/server.log" >&2; exit 1; }
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE DATABASE kcc_sim_test" >&2

log "PostgreSQL runs on 127.0.0.1:$port (data in $folder)"
log "stop it with: runuser -u $owner -- $bin/pg_ctl -D $folder/data stop"
# Callers that want to stop it themselves (scripts/test.sh) name a file for the stop command.
if [ -n "${KCC_SIM_POSTGRES_STOP_FILE:-}" ]; then
  if [ "$owner" = postgres ]; then
    echo "runuser -u postgres -- $bin/pg_ctl -D $folder/data -m fast stop" >"$KCC_SIM_POSTGRES_STOP_FILE"
  else
    echo "$bin/pg_ctl -D $folder/data -m fast stop" >"$KCC_SIM_POSTGRES_STOP_FILE"
  fi
fi
echo "postgresql+psycopg://postgres@127.0.0.1:$port/kcc_sim_test"
