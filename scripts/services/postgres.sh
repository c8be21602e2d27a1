#!/usr/bin/env bash
# A project-local PostgreSQL 15 cluster for tests and benchmarks, without Docker:
#   up      install the server package when missing, initdb on first use, start (idempotent)
#   down    stop it (fast mode)
#   env     print DATABASE_URL and PGPORT for .local/services.env
#   status  exit 0 only when the server answers
# Data lives in .local/postgres (ignored by git). PostgreSQL refuses to run as root, so as root
# the server runs as the OS user `ledgerpg` (created when missing), which owns that folder. When
# that user cannot reach the work tree (a parent folder without the search bit), the cluster
# lives in /var/tmp/ledger-postgres-<hash of the work tree path> instead and .local/postgres
# points there. It listens on 127.0.0.1 only, trusts loopback and its own socket, and prefers
# port 55432 (the next free one when that is taken).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$(pwd)"
PG_USER=ledgerpg
PREFERRED_PORT=55432
LINK="$ROOT/.local/postgres"

find_bindir() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

ensure_binaries() {
  if ! BIN="$(find_bindir)"; then
    echo "postgres: server binaries missing; installing the postgresql package" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    BIN="$(find_bindir)"
  fi
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$PG_USER" -- "$@"
  else
    "$@"
  fi
}

ensure_user() {
  [ "$(id -u)" = 0 ] || return 0
  id -u "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
}

# The cluster folder: .local/postgres itself, or the /var/tmp fallback it links to.
cluster_dir() {
  if [ -L "$LINK" ]; then readlink "$LINK"; else echo "$LINK"; fi
}

prepare_dir() {
  mkdir -p "$ROOT/.local"
  if [ ! -e "$LINK" ]; then
    mkdir -p "$LINK"
    if [ "$(id -u)" = 0 ]; then
      chown "$PG_USER" "$LINK"
      if ! runuser -u "$PG_USER" -- test -w "$LINK"; then
        rmdir "$LINK"
        local fallback
        fallback="/var/tmp/ledger-postgres-$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
        mkdir -p "$fallback"
        chown "$PG_USER" "$fallback"
        chmod 700 "$fallback"
        ln -s "$fallback" "$LINK"
      fi
    fi
  fi
  DIR="$(cluster_dir)"
  DATA="$DIR/data"
  SOCKET_DIR="$DIR"
  PORT_FILE="$DIR/port"
}

port_free() {
  node -e '
    const server = require("node:net").createServer();
    server.once("error", () => process.exit(1));
    server.listen({ port: Number(process.argv[1]), host: "127.0.0.1", exclusive: true }, () => server.close(() => process.exit(0)));
  ' "$1"
}

pick_port() {
  local port=$PREFERRED_PORT
  while ! port_free "$port"; do
    port=$((port + 1))
    [ "$port" -lt $((PREFERRED_PORT + 100)) ] || { echo "postgres: no free port in $PREFERRED_PORT..$port" >&2; exit 1; }
  done
  echo "$port"
}

current_port() {
  [ -f "${PORT_FILE:-}" ] && cat "$PORT_FILE" || echo "$PREFERRED_PORT"
}

is_ready() {
  "$BIN/pg_isready" -q -h 127.0.0.1 -p "$(current_port)" -d ledger -U postgres
}

init_cluster() {
  as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  cat > "$DATA/pg_hba.conf" <<'EOF'
# Local test cluster: the own socket and loopback only, no passwords.
local all all              trust
host  all all 127.0.0.1/32 trust
EOF
  cat >> "$DATA/postgresql.conf" <<EOF

# Tuned for a test box (scripts/services/postgres.sh).
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SOCKET_DIR'
max_connections = 200
shared_buffers = 256MB
fsync = on
max_wal_size = 2GB
logging_collector = off
include_if_exists = 'port.conf'
EOF
}

start_server() {
  local port
  port="$(current_port)"
  if ! port_free "$port"; then port="$(pick_port)"; fi
  echo "port = $port" > "$DATA/port.conf"
  chown "$(stat -c %U "$DATA")" "$DATA/port.conf"
  echo "$port" > "$PORT_FILE"
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DIR/postgres.log" -w -t 60 start >/dev/null
  if ! as_pg "$BIN/psql" -h "$SOCKET_DIR" -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'ledger'" | grep -q 1; then
    as_pg "$BIN/createdb" -h "$SOCKET_DIR" -p "$port" -U postgres ledger
  fi
}

case "${1:-}" in
  up)
    ensure_binaries
    ensure_user
    prepare_dir
    if is_ready; then exit 0; fi
    [ -f "$DATA/PG_VERSION" ] || init_cluster
    # A server left running by an earlier run, or a stale pid file after a crash.
    if as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    fi
    start_server
    echo "postgres: up on 127.0.0.1:$(current_port) (data in $DATA)"
    ;;
  down)
    BIN="$(find_bindir)" || exit 0
    [ -e "$LINK" ] || exit 0
    prepare_dir
    [ -f "$DATA/PG_VERSION" ] || exit 0
    if as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
      echo "postgres: stopped"
    fi
    ;;
  env)
    [ -e "$LINK" ] && prepare_dir
    port="$(current_port)"
    echo "DATABASE_URL=postgres://postgres@127.0.0.1:$port/ledger"
    echo "PGPORT=$port"
    ;;
  status)
    BIN="$(find_bindir)" || { echo "postgres: not installed" >&2; exit 1; }
    [ -e "$LINK" ] || { echo "postgres: not initialised" >&2; exit 1; }
    prepare_dir
    if is_ready; then
      echo "postgres: running on 127.0.0.1:$(current_port)"
    else
      echo "postgres: not running" >&2
      exit 1
    fi
    ;;
  *)
    echo "usage: $0 up|down|env|status" >&2
    exit 2
    ;;
esac
