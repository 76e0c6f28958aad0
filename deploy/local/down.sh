#!/usr/bin/env bash
# Stops what deploy/local/up.sh started (it knows by the pid files in .local/pids): the six services, the Kafka
# broker if up.sh started it, and the embedded PostgreSQL if up.sh started it. A PostgreSQL server or broker that
# was already running before up.sh is left alone. Data (.local/postgres, deploy/local/.kafka) is kept.
set -uo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
PIDS="$ROOT/.local/pids"
SERVICES=(registration venue attempt results documents audit)
STOP_TIMEOUT=20

say() { echo "down: $*"; }

# stops the process of pid file $2 (named $1) if it is alive and its command line contains $3
stop_pid() {
  local name="$1" pidfile="$2" marker="$3" pid i
  [[ -f "$pidfile" ]] || return 0
  pid="$(cat "$pidfile" 2>/dev/null)"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
     tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"; then
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < STOP_TIMEOUT * 4; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null; say "$name (pid $pid) did not stop in ${STOP_TIMEOUT}s: killed"
    else
      say "stopped $name (pid $pid)"
    fi
  else
    say "$name was not running (stale pid file removed)"
  fi
  rm -f "$pidfile"
}

# the services first (they use the database and the broker); SIGTERM to all, then wait for each
for s in "${SERVICES[@]}"; do
  stop_pid "$s-service" "$PIDS/$s.pid" "$s-service/target/quarkus-app/quarkus-run.jar" &
done
wait

if [[ -f "$PIDS/kafka.started-by-up" ]]; then
  # the port and home dir up.sh started it with (whatever KAFKA_PORT says now)
  { read -r kafka_port; read -r kafka_home; } < "$PIDS/kafka.started-by-up"
  KAFKA_PORT="${kafka_port:-9092}" KAFKA_HOME_DIR="$kafka_home" "$SCRIPT_DIR/kafka.sh" stop |
    sed 's/^kafka: /down: Kafka: /'
  rm -f "$PIDS/kafka.started-by-up"
else
  say "Kafka: left alone (not started by up.sh)"
fi

if [[ -f "$PIDS/postgres.pid" ]]; then
  stop_pid "embedded PostgreSQL" "$PIDS/postgres.pid" LocalPostgres
else
  say "PostgreSQL: left alone (not started by up.sh)"
fi
