#!/usr/bin/env bash
# A single-node Apache Kafka broker (KRaft: broker + controller in one JVM) run from the jars on Maven Central,
# for the local stack and CI, where there is no Docker engine.
#
#   deploy/local/kafka.sh start|stop|status|restart
#
# Knobs (environment):
#   KAFKA_PORT             client (PLAINTEXT) port                      default 9092
#   KAFKA_CONTROLLER_PORT  KRaft controller port                        default 9093
#   KAFKA_HOME_DIR         server.properties, data/, kafka.pid, kafka.log
#                                                                       default deploy/local/.kafka/broker-$KAFKA_PORT
#   JAVA_HOME              the JDK to run it with (else `java` on PATH)
#
# The jars (deploy/local/kafka/pom.xml) are copied once into deploy/local/.kafka/lib with Maven.
# Exit codes: 0 ok; status: 0 iff a broker is running on KAFKA_PORT; 1 failure; 2 usage.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_BASE="$SCRIPT_DIR/.kafka"
KAFKA_LIB="$KAFKA_BASE/lib"
KAFKA_HOME_DIR="${KAFKA_HOME_DIR:-$KAFKA_BASE/broker-$KAFKA_PORT}"
KAFKA_POM="$SCRIPT_DIR/kafka/pom.xml"
LOG4J_CONFIG="$SCRIPT_DIR/kafka/log4j2.properties"
PID_FILE="$KAFKA_HOME_DIR/kafka.pid"
LOG_FILE="$KAFKA_HOME_DIR/kafka.log"
PROPS="$KAFKA_HOME_DIR/server.properties"
DATA_DIR="$KAFKA_HOME_DIR/data"
START_TIMEOUT=60
STOP_TIMEOUT=20
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# run by `setsid bash -c`: writes its pid to $0, closes inherited descriptors above 2, becomes "$@"
DETACH='echo $$ > "$0"; for fd in /proc/$$/fd/*; do fd=${fd##*/}; ((fd > 2)) && eval "exec $fd>&-"; done; exec nohup "$@"'

say() { echo "kafka: $*"; }
die() { echo "kafka: $*" >&2; exit 1; }

# true if something accepts TCP connections on 127.0.0.1:$1
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# the pid of the broker this script started in KAFKA_HOME_DIR, if that process is still alive
our_pid() {
  local pid
  [[ -f "$PID_FILE" ]] || return 1
  pid="$(cat "$PID_FILE" 2>/dev/null)"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  # guard against a recycled pid: it must still be a kafka.Kafka JVM
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka' || return 1
  echo "$pid"
}

# Copies the broker's jars into .kafka/lib once (again only if the Kafka version in the pom changed).
ensure_jars() {
  local version tmp
  version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$KAFKA_POM")"
  [[ -f "$KAFKA_LIB/kafka_2.13-$version.jar" ]] && return 0
  say "copying the Kafka $version jars into $KAFKA_LIB (once) ..."
  mkdir -p "$KAFKA_BASE"
  tmp="$(mktemp -d "$KAFKA_BASE/lib.tmp.XXXXXX")"
  if ! mvn -q -B -f "$KAFKA_POM" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp"; then
    rm -rf "$tmp"; die "could not fetch the Kafka jars with Maven (see above)"
  fi
  rm -rf "$KAFKA_LIB"
  mv "$tmp" "$KAFKA_LIB"
  say "$(ls "$KAFKA_LIB" | wc -l) jars in $KAFKA_LIB"
}

write_properties() {
  if [[ -f "$PROPS" ]]; then
    # The storage was formatted for these listeners (--standalone records the controller's endpoint): a changed
    # port would need a new home dir.
    grep -q "^listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT\$" "$PROPS" ||
      die "$PROPS was written for other ports; use another KAFKA_HOME_DIR or delete $KAFKA_HOME_DIR"
    return 0
  fi
  mkdir -p "$KAFKA_HOME_DIR"
  cat > "$PROPS" <<EOF
# Written by deploy/local/kafka.sh: a single-node KRaft broker for development and CI.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA_DIR
num.partitions=3
default.replication.factor=1
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
EOF
}

format_storage() {
  [[ -f "$DATA_DIR/meta.properties" ]] && return 0
  local cluster_id
  cluster_id="$("$JAVA" -cp "$KAFKA_LIB/*" -Dlog4j2.configurationFile="$LOG4J_CONFIG" kafka.tools.StorageTool random-uuid)"
  say "formatting $DATA_DIR (cluster id $cluster_id)"
  "$JAVA" -cp "$KAFKA_LIB/*" -Dlog4j2.configurationFile="$LOG4J_CONFIG" \
    kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPS" --standalone >> "$LOG_FILE" 2>&1 ||
    { tail -n 20 "$LOG_FILE" >&2; die "formatting the storage failed"; }
}

start() {
  local pid started waited=0
  if pid="$(our_pid)"; then say "already running on 127.0.0.1:$KAFKA_PORT (pid $pid)"; return 0; fi
  if port_open "$KAFKA_PORT"; then
    say "already running on 127.0.0.1:$KAFKA_PORT (not started from $KAFKA_HOME_DIR; left alone)"; return 0
  fi
  rm -f "$PID_FILE"
  ensure_jars
  write_properties
  format_storage
  started=$(date +%s%N)
  echo "---- $(date '+%F %T') start" >> "$LOG_FILE"
  # setsid: its own session, so that a Ctrl-C in the terminal that ran up.sh does not reach it. The inner shell
  # writes its own pid, closes every inherited descriptor but 0-2 (a caller's pipe kept open would make
  # `kafka.sh start | tee` or a CI runner wait for the broker to exit) and then becomes the JVM (exec), so the
  # pid file holds the JVM's pid.
  (cd "$KAFKA_HOME_DIR" && exec setsid bash -c "$DETACH" "$PID_FILE" \
      "$JAVA" -Xms256m -Xmx512m -Dlog4j2.configurationFile="$LOG4J_CONFIG" -cp "$KAFKA_LIB/*" \
      kafka.Kafka "$PROPS") >> "$LOG_FILE" 2>&1 < /dev/null &
  while ! port_open "$KAFKA_PORT"; do
    sleep 0.5; waited=$((waited + 1))
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$LOG_FILE" >&2; rm -f "$PID_FILE"; die "the broker exited during start (log: $LOG_FILE)"
    fi
    if (( waited >= START_TIMEOUT * 2 )); then
      tail -n 40 "$LOG_FILE" >&2
      [[ -n "$pid" ]] && kill -KILL "$pid" 2>/dev/null; rm -f "$PID_FILE"
      die "not accepting connections on 127.0.0.1:$KAFKA_PORT after ${START_TIMEOUT}s (log: $LOG_FILE)"
    fi
  done
  say "started on 127.0.0.1:$KAFKA_PORT (pid $(cat "$PID_FILE"), $(( ($(date +%s%N) - started) / 1000000 )) ms; log $LOG_FILE)"
}

stop() {
  local pid i
  if ! pid="$(our_pid)"; then
    rm -f "$PID_FILE"
    if port_open "$KAFKA_PORT"; then
      say "a broker on 127.0.0.1:$KAFKA_PORT was not started from $KAFKA_HOME_DIR: not stopping it"; return 1
    fi
    say "not running"; return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < STOP_TIMEOUT * 4; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "still up after ${STOP_TIMEOUT}s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "$PID_FILE"
  say "stopped (pid $pid)"
}

status() {
  local pid
  if pid="$(our_pid)"; then
    if port_open "$KAFKA_PORT"; then say "running on 127.0.0.1:$KAFKA_PORT (pid $pid)"
    else say "starting (pid $pid), not yet accepting connections on $KAFKA_PORT"; fi
    return 0
  fi
  if port_open "$KAFKA_PORT"; then say "running on 127.0.0.1:$KAFKA_PORT (not started from $KAFKA_HOME_DIR)"; return 0; fi
  say "not running on 127.0.0.1:$KAFKA_PORT"; return 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  restart) stop && start ;;
  *) echo "usage: $0 start|stop|status|restart   (env: KAFKA_PORT, KAFKA_CONTROLLER_PORT, KAFKA_HOME_DIR)" >&2; exit 2 ;;
esac
