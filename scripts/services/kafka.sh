#!/usr/bin/env bash
# A project-local single-node Apache Kafka broker (KRaft, broker and controller in one JVM) for
# tests and benchmarks, without Docker:
#   up      fetch the broker's jars with Maven when missing (deploy/kafka/pom.xml), format the
#           storage on first use, start the broker and wait until it answers (idempotent);
#           installs kcat (Debian package) when missing, for the interoperability test
#   down    stop it: SIGTERM, then SIGKILL after a grace period
#   env     print KAFKA_BROKERS for .local/services.env
#   status  exit 0 only when the broker answers a Kafka metadata request
# Everything lives in .local/kafka (ignored by git): libs/, data/, logs/, server.properties.
# It listens on 127.0.0.1 only and prefers port 59092 (controller 59093), else free ones.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$(pwd)"
HOME_DIR="$ROOT/.local/kafka"
LIBS="$HOME_DIR/libs"
DATA="$HOME_DIR/data"
LOGS="$HOME_DIR/logs"
CONFIG="$HOME_DIR/server.properties"
PID_FILE="$HOME_DIR/kafka.pid"
PORTS_FILE="$HOME_DIR/ports"
KCAT_REASON="$HOME_DIR/kcat-unavailable"
POM="$ROOT/deploy/kafka/pom.xml"
PREFERRED_PORT=59092
PREFERRED_CONTROLLER_PORT=59093
START_TIMEOUT_SECONDS="${KAFKA_START_TIMEOUT_SECONDS:-90}"
STOP_GRACE_SECONDS="${KAFKA_STOP_GRACE_SECONDS:-20}"

log() { echo "kafka: $*" >&2; }

running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  # A stale pid file may name a process that reused the number: only a Kafka broker counts.
  [[ "$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null)" == *" kafka.Kafka "* ]] || return 1
  echo "$pid"
}

broker_port() {
  if [ -f "$PORTS_FILE" ]; then cut -d' ' -f1 "$PORTS_FILE"; else echo "$PREFERRED_PORT"; fi
}

# Exit 0 when the broker answers a metadata request (a real Kafka round trip, not only an open port).
answers() {
  node -e '
    const { Kafka, logLevel } = require("kafkajs");
    const admin = new Kafka({ brokers: [process.argv[1]], clientId: "services-status", logLevel: logLevel.NOTHING,
      connectionTimeout: 1000, requestTimeout: 2000, retry: { retries: 0 } }).admin();
    admin.connect().then(() => admin.describeCluster()).then(() => admin.disconnect()).then(
      () => process.exit(0), () => process.exit(1));
  ' "127.0.0.1:$(broker_port)" 2>/dev/null
}

port_free() {
  node -e '
    const server = require("node:net").createServer();
    server.once("error", () => process.exit(1));
    server.listen(Number(process.argv[1]), "127.0.0.1", () => server.close(() => process.exit(0)));
  ' "$1"
}

any_free_port() {
  node -e '
    const server = require("node:net").createServer();
    server.listen(0, "127.0.0.1", () => { const { port } = server.address(); server.close(() => console.log(port)); });
  '
}

# Picks the ports: the preferred ones when free, else the ones used last time when free, else any
# free ones. The formatted storage records the controller's address, so new ports mean a fresh one.
choose_ports() {
  local stored="" port controller
  [ -f "$PORTS_FILE" ] && stored="$(cat "$PORTS_FILE")"
  if port_free "$PREFERRED_PORT" && port_free "$PREFERRED_CONTROLLER_PORT"; then
    port="$PREFERRED_PORT"
    controller="$PREFERRED_CONTROLLER_PORT"
  elif [ -n "$stored" ] && port_free "${stored% *}" && port_free "${stored#* }"; then
    port="${stored% *}"
    controller="${stored#* }"
  else
    port="$(any_free_port)"
    controller="$(any_free_port)"
    while [ "$controller" = "$port" ]; do controller="$(any_free_port)"; done
  fi
  if [ "$port $controller" != "$stored" ]; then
    [ -d "$DATA" ] && log "ports change from ${stored:-none} to $port $controller: formatting a fresh storage"
    rm -rf "$DATA"
    echo "$port $controller" > "$PORTS_FILE"
  fi
}

fetch_jars() {
  local wanted
  wanted="$(sha256sum "$POM" | cut -d' ' -f1)"
  if [ -f "$LIBS/.pom-sha256" ] && [ "$(cat "$LIBS/.pom-sha256")" = "$wanted" ]; then return 0; fi
  command -v mvn >/dev/null || { log "Maven (mvn) is required to fetch the broker's jars"; exit 1; }
  log "fetching the broker's jars with Maven ($POM)"
  local started=$SECONDS
  rm -rf "$LIBS.tmp"
  if ! mvn -B -f "$POM" dependency:copy-dependencies -DincludeScope=runtime \
    -Dmdep.useRepositoryLayout=false -DoutputDirectory="$LIBS.tmp" > "$LOGS/maven.log" 2>&1; then
    log "Maven could not fetch the jars; last lines of $LOGS/maven.log:"
    tail -n 30 "$LOGS/maven.log" >&2
    exit 1
  fi
  echo "$wanted" > "$LIBS.tmp/.pom-sha256"
  rm -rf "$LIBS"
  mv "$LIBS.tmp" "$LIBS"
  log "fetched $(find "$LIBS" -name '*.jar' | wc -l) jars in $((SECONDS - started)) s"
}

# kcat is optional (only one interoperability test needs it): a failed install is recorded, not fatal.
ensure_kcat() {
  rm -f "$KCAT_REASON"
  command -v kcat >/dev/null && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "kcat is not installed and cannot be installed here (needs apt-get as root): apt-get install kcat" > "$KCAT_REASON"
    return 0
  fi
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=120 kcat; } \
    > "$LOGS/kcat-install.log" 2>&1; then
    echo "apt-get install kcat failed: $(tail -n 3 "$LOGS/kcat-install.log" | tr '\n' ' ')" > "$KCAT_REASON"
  fi
}

write_config() {
  local port controller
  read -r port controller < "$PORTS_FILE"
  sed -e "s|@PORT@|$port|g" -e "s|@CONTROLLER_PORT@|$controller|g" -e "s|@DATA_DIR@|$DATA|g" \
    "$ROOT/deploy/kafka/server.properties.template" > "$CONFIG"
}

JAVA_OPTS=(
  -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError
  -Djava.awt.headless=true -Dkafka.logs.dir="$LOGS"
  -Dlog4j2.configurationFile="$ROOT/deploy/kafka/log4j2.properties"
)

format_storage() {
  [ -f "$DATA/meta.properties" ] && return 0
  local cluster_id
  cluster_id="$(node -e '
    let id; do id = require("node:crypto").randomBytes(16).toString("base64url"); while (id.startsWith("-")); console.log(id)')"
  log "formatting KRaft storage in $DATA (cluster $cluster_id)"
  rm -rf "$DATA"
  java "${JAVA_OPTS[@]}" -cp "$LIBS/*" kafka.tools.StorageTool format --standalone \
    --cluster-id "$cluster_id" --config "$CONFIG" >> "$LOGS/format.log" 2>&1 ||
    { log "formatting failed:"; tail -n 20 "$LOGS/format.log" >&2; exit 1; }
}

fail_start() {
  log "$1; last lines of $LOGS/server.log:"
  tail -n 40 "$LOGS/server.log" >&2 2>/dev/null || true
  tail -n 20 "$LOGS/stdout.log" >&2 2>/dev/null || true
  stop_broker
  exit 1
}

start_broker() {
  local started=$SECONDS pid
  # One run per log, so a failed start's tail shows that start and not the last shutdown.
  if [ -f "$LOGS/server.log" ]; then mv "$LOGS/server.log" "$LOGS/server.log.previous"; fi
  # 9>&-: the broker must not inherit the lock that `up` holds.
  nohup java "${JAVA_OPTS[@]}" -cp "$LIBS/*" kafka.Kafka "$CONFIG" > "$LOGS/stdout.log" 2>&1 < /dev/null 9>&- &
  pid=$!
  echo "$pid" > "$PID_FILE"
  # A cheap port probe first; a node process per poll would only slow the wait down.
  until (exec 3<> "/dev/tcp/127.0.0.1/$(broker_port)") 2>/dev/null && answers; do
    kill -0 "$pid" 2>/dev/null || fail_start "the broker exited during start-up"
    [ $((SECONDS - started)) -lt "$START_TIMEOUT_SECONDS" ] ||
      fail_start "the broker did not answer within $START_TIMEOUT_SECONDS s"
    sleep 0.2
  done
  log "broker (pid $pid) answers on 127.0.0.1:$(broker_port) after $((SECONDS - started)) s"
}

stop_broker() {
  local pid
  if pid="$(running_pid)"; then
    kill -TERM "$pid" 2>/dev/null || true
    local waited=0
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt $((STOP_GRACE_SECONDS * 10)) ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "broker (pid $pid) still running after $STOP_GRACE_SECONDS s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$PID_FILE"
}

case "${1:-}" in
  up)
    mkdir -p "$HOME_DIR" "$LOGS"
    exec 9> "$HOME_DIR/.lock"
    flock 9
    if running_pid >/dev/null && answers; then
      log "already running on 127.0.0.1:$(broker_port)"
      exit 0
    fi
    stop_broker
    command -v java >/dev/null || { log "Java 17 or newer is required"; exit 1; }
    ensure_kcat &
    kcat_job=$!
    fetch_jars
    choose_ports
    write_config
    format_storage
    start_broker
    wait "$kcat_job" || true
    if [ -f "$KCAT_REASON" ]; then log "kcat unavailable: $(cat "$KCAT_REASON")"; fi
    ;;
  down)
    stop_broker
    ;;
  env)
    echo "KAFKA_BROKERS=127.0.0.1:$(broker_port)"
    ;;
  status)
    if running_pid >/dev/null && answers; then
      echo "kafka: running on 127.0.0.1:$(broker_port)"
    else
      echo "kafka: not running"
      exit 1
    fi
    ;;
  *)
    echo "usage: $0 up|down|env|status" >&2
    exit 2
    ;;
esac
