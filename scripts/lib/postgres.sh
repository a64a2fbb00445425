# Starts a private PostgreSQL for tests: its own data folder, socket folder and loopback port, nothing on the defaults.
# Source this file; call start_private_postgres DIR PORT, then stop_private_postgres (safe to call twice).
# PostgreSQL refuses to run as root, so the server runs as the postgres user the Debian package creates.

postgres_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$dir" ] || { echo "no PostgreSQL server under /usr/lib/postgresql" >&2; return 1; }
  echo "$dir"
}

start_private_postgres() {
  local dir="$1" port="$2" bin
  bin="$(postgres_bin)"
  mkdir -p "$dir/socket"
  chmod o+x "$(dirname "$dir")"  # mktemp folders are private; the postgres user must reach its own
  chown -R postgres:postgres "$dir"
  PRIVATE_POSTGRES_DIR="$dir"
  runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1 || {
    echo "initdb failed; its log:" >&2; tail -n 20 "$dir/initdb.log" >&2; return 1; }
  # Test classes run side by side, each with its silos' connection pools: the default of 100 connections ran out.
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir/socket -c fsync=off -c max_connections=400" \
    start >/dev/null || { echo "PostgreSQL did not start; its log:" >&2; tail -n 20 "$dir/postgres.log" >&2; return 1; }
  PRIVATE_POSTGRES_BIN="$bin"
  export PRIVATE_POSTGRES_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres"
  echo "PostgreSQL is up on 127.0.0.1:$port (log: $dir/postgres.log)"
}

stop_private_postgres() {
  [ -n "${PRIVATE_POSTGRES_BIN:-}" ] || return 0
  runuser -u postgres -- "$PRIVATE_POSTGRES_BIN/pg_ctl" -D "$PRIVATE_POSTGRES_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  PRIVATE_POSTGRES_BIN=""
}
