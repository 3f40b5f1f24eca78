# Start a private PostgreSQL server for the tests and set RIGHT_STEPS_TEST_POSTGRES_URL.
#
# Sourced by scripts/test. Its own throwaway cluster (so the machine's own server and its
# settings are left alone): listening on 127.0.0.1 only, on its own port, where `postgres`
# connects without a password. Running it again keeps a server that is already running.
# Run on its own, it prints the line to export for running pytest by hand:
#   eval "$(bash scripts/_postgres.sh)"

start_test_postgres() {
  if [ -n "${RIGHT_STEPS_TEST_POSTGRES_URL:-}" ]; then
    return 0 # a server of the tester's own choosing
  fi
  local port="${RIGHT_STEPS_TEST_POSTGRES_PORT:-54329}"
  local data="${RIGHT_STEPS_TEST_POSTGRES_DIR:-${TMPDIR:-/tmp}/right-steps-test-postgres}"
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ]; then
    echo "PostgreSQL is not installed (Debian's postgresql package)." >&2
    return 1
  fi
  # The server refuses to run as root: as root, run it as the postgres user.
  local as_owner=()
  if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi

  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$data"; fi
    chmod 700 "$data"
    "${as_owner[@]}" "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale \
      --no-sync >/dev/null
  fi
  if ! "${as_owner[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    # fsync off: the cluster is thrown away, and the tests only ever stop the clients.
    "${as_owner[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -s \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off" start
  fi
  export RIGHT_STEPS_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  start_test_postgres >&2
  echo "export RIGHT_STEPS_TEST_POSTGRES_URL=$RIGHT_STEPS_TEST_POSTGRES_URL"
fi
