#!/usr/bin/env bash
# Starts the whole olympiad suite on this machine: PostgreSQL, a Kafka broker and the six services
# (profile "local"), then prints where they are. Run it again at any time: what already runs is left alone.
# Stop everything with deploy/local/down.sh.
#
# Knobs (environment):
#   COMPETITIONS_DB_HOST / COMPETITIONS_DB_PORT   PostgreSQL to use if it accepts connections  (127.0.0.1 / 5432)
#   COMPETITIONS_DB_USER / COMPETITIONS_DB_PASSWORD                                            (postgres / postgres)
#   LOCAL_PG_PORT        port of the embedded PostgreSQL started when there is none            (15432)
#   KAFKA_PORT, KAFKA_CONTROLLER_PORT   the broker (see kafka.sh)                              (9092, 9093)
#   SERVICE_READY_TIMEOUT  seconds each service has to become ready                           (120)
# Files: .local/logs/<service>.log, .local/logs/postgres.log, .local/pids/*.pid, .local/postgres (embedded data).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
LOCAL="$ROOT/.local"
LOGS="$LOCAL/logs"
PIDS="$LOCAL/pids"
SERVICES=(registration venue attempt results documents audit)
declare -A PORT=([registration]=8081 [venue]=8082 [attempt]=8083 [results]=8084 [documents]=8085 [audit]=8086)
LOCAL_PG_PORT="${LOCAL_PG_PORT:-15432}"
SERVICE_READY_TIMEOUT="${SERVICE_READY_TIMEOUT:-120}"
LOCAL_STACK_CP="$ROOT/deploy/local-stack/target/local-stack-1.0.0-SNAPSHOT.jar:$ROOT/deploy/local-stack/target/lib/*"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

export COMPETITIONS_DB_HOST="${COMPETITIONS_DB_HOST:-127.0.0.1}"
export COMPETITIONS_DB_PORT="${COMPETITIONS_DB_PORT:-5432}"
export COMPETITIONS_DB_USER="${COMPETITIONS_DB_USER:-postgres}"
export COMPETITIONS_DB_PASSWORD="${COMPETITIONS_DB_PASSWORD:-postgres}"
export KAFKA_PORT="${KAFKA_PORT:-9092}"
export KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$KAFKA_PORT}"

T0=$(date +%s)
say() { echo "up: $*"; }
die() { echo "up: $*" >&2; exit 1; }
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
# the pid in pid file $1 if that process is alive and its command line contains $2
alive() {
  local pid
  pid="$(cat "$1" 2>/dev/null)" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2" || return 1
  echo "$pid"
}
# runs "$@" detached: own session (a Ctrl-C here does not reach it), stdin /dev/null, output appended to log $1,
# no other inherited descriptor (so `up.sh | tee` ends), its pid (the JVM's: the inner shell execs it) in file $2
DETACH='echo $$ > "$0"; for fd in /proc/$$/fd/*; do fd=${fd##*/}; ((fd > 2)) && eval "exec $fd>&-"; done; exec nohup "$@"'
spawn() {
  local log="$1" pidfile="$2"; shift 2
  (cd "$LOCAL" && exec setsid bash -c "$DETACH" "$pidfile" "$@") >> "$log" 2>&1 < /dev/null &
  for _ in $(seq 1 50); do [[ -s "$pidfile" ]] && return 0; sleep 0.1; done
  die "could not start $*"
}

mkdir -p "$LOGS" "$PIDS"

# ---- 1. build -------------------------------------------------------------------------------------------------
missing=0
for s in "${SERVICES[@]}"; do [[ -f "$ROOT/$s-service/target/quarkus-app/quarkus-run.jar" ]] || missing=1; done
[[ -f "$ROOT/deploy/local-stack/target/local-stack-1.0.0-SNAPSHOT.jar" ]] || missing=1
if (( missing )); then
  say "building the services (mvn install -DskipTests, a few minutes the first time) ..."
  (cd "$ROOT" && mvn -B -q install -DskipTests) || die "the build failed"
fi

# ---- 2. PostgreSQL --------------------------------------------------------------------------------------------
PG_NOTE=""
if pid="$(alive "$PIDS/postgres.pid" LocalPostgres)"; then
  # an earlier up.sh started it, and the services that run already use it: keep to it
  export COMPETITIONS_DB_HOST=127.0.0.1 COMPETITIONS_DB_PORT="$LOCAL_PG_PORT"
  PG_NOTE="embedded, 127.0.0.1:$LOCAL_PG_PORT (pid $pid, already running)"
elif port_open "$COMPETITIONS_DB_HOST" "$COMPETITIONS_DB_PORT"; then
  PG_NOTE="$COMPETITIONS_DB_HOST:$COMPETITIONS_DB_PORT (already running)"
else
  say "no PostgreSQL at $COMPETITIONS_DB_HOST:$COMPETITIONS_DB_PORT: starting an embedded one on port $LOCAL_PG_PORT"
  rm -f "$PIDS/postgres.pid"
  t=$(date +%s)
  spawn "$LOGS/postgres.log" "$PIDS/postgres.pid" "$JAVA" -Xmx128m -cp "$LOCAL_STACK_CP" \
    org.olympiad.competitions.localstack.LocalPostgres start --port "$LOCAL_PG_PORT" --data-dir "$LOCAL/postgres"
  until grep -q "PostgreSQL ready" "$LOGS/postgres.log" 2>/dev/null && port_open 127.0.0.1 "$LOCAL_PG_PORT"; do
    if ! alive "$PIDS/postgres.pid" LocalPostgres > /dev/null || (( $(date +%s) - t > 90 )); then
      tail -n 30 "$LOGS/postgres.log" >&2; die "the embedded PostgreSQL did not start (log: $LOGS/postgres.log)"
    fi
    sleep 0.3
  done
  export COMPETITIONS_DB_HOST=127.0.0.1 COMPETITIONS_DB_PORT="$LOCAL_PG_PORT"
  PG_NOTE="embedded, 127.0.0.1:$LOCAL_PG_PORT (started in $(( $(date +%s) - t )) s, data .local/postgres)"
fi
say "PostgreSQL: $PG_NOTE"
"$JAVA" -cp "$LOCAL_STACK_CP" org.olympiad.competitions.localstack.LocalPostgres create-databases \
  --host "$COMPETITIONS_DB_HOST" --port "$COMPETITIONS_DB_PORT" --user "$COMPETITIONS_DB_USER" "${SERVICES[@]}" \
  2> >(grep -v '^SLF4J' >&2) | sed 's/^LocalPostgres: /up: /' || die "could not create the databases"

# ---- 3. Kafka -------------------------------------------------------------------------------------------------
if "$SCRIPT_DIR/kafka.sh" status > /dev/null; then
  say "Kafka: already running on 127.0.0.1:$KAFKA_PORT"
else
  "$SCRIPT_DIR/kafka.sh" start 2>&1 | sed 's/^/up: /' || die "Kafka did not start"
  # down.sh stops only a broker that up.sh started, and needs its port and home to find it
  printf '%s\n%s\n' "$KAFKA_PORT" "${KAFKA_HOME_DIR:-}" > "$PIDS/kafka.started-by-up"
fi

# ---- 4. the services ------------------------------------------------------------------------------------------
declare -A STATE
for s in "${SERVICES[@]}"; do
  jar="$ROOT/$s-service/target/quarkus-app/quarkus-run.jar"
  if pid="$(alive "$PIDS/$s.pid" "$s-service/target/quarkus-app/quarkus-run.jar")"; then
    STATE[$s]="already running (pid $pid)"
  elif port_open 127.0.0.1 "${PORT[$s]}"; then
    rm -f "$PIDS/$s.pid"
    STATE[$s]="port ${PORT[$s]} already in use (not started by up.sh)"
  else
    rm -f "$PIDS/$s.pid"
    echo "---- $(date '+%F %T') up.sh" >> "$LOGS/$s.log"
    spawn "$LOGS/$s.log" "$PIDS/$s.pid" "$JAVA" -Xmx384m -Dquarkus.profile=local -jar "$jar"
    STATE[$s]="started (pid $(cat "$PIDS/$s.pid"))"
  fi
  say "$s-service: ${STATE[$s]}"
done

say "waiting for /q/health/ready (at most ${SERVICE_READY_TIMEOUT}s each) ..."
declare -A HEALTH
t=$(date +%s)
pending=("${SERVICES[@]}")
while ((${#pending[@]})); do
  next=()
  for s in "${pending[@]}"; do
    code="$(curl -s -o /dev/null -m 3 -w '%{http_code}' "http://127.0.0.1:${PORT[$s]}/q/health/ready" || true)"
    if [[ "$code" == 200 ]]; then
      HEALTH[$s]="UP ($(( $(date +%s) - t )) s)"
    elif [[ -f "$PIDS/$s.pid" ]] && ! alive "$PIDS/$s.pid" quarkus-run.jar > /dev/null; then
      HEALTH[$s]="EXITED"
    elif (( $(date +%s) - t >= SERVICE_READY_TIMEOUT )); then
      HEALTH[$s]="NOT READY (HTTP ${code:-none})"
    else
      next+=("$s")
    fi
  done
  pending=("${next[@]+"${next[@]}"}")
  ((${#pending[@]})) && sleep 1
done

failed=0
for s in "${SERVICES[@]}"; do
  [[ "${HEALTH[$s]}" == UP* ]] && continue
  failed=1
  echo "==== $s-service: ${HEALTH[$s]} — last lines of $LOGS/$s.log" >&2
  tail -n 30 "$LOGS/$s.log" >&2
done

# ---- 5. where everything is -----------------------------------------------------------------------------------
echo
printf '%-22s %-24s %-34s %s\n' SERVICE URL OPENAPI HEALTH
for s in "${SERVICES[@]}"; do
  url="http://127.0.0.1:${PORT[$s]}"
  printf '%-22s %-24s %-34s %s\n' "$s-service" "$url" "$url/q/openapi" "${HEALTH[$s]}"
done
echo
echo "PostgreSQL: $PG_NOTE, databases competitions_<service>"
echo "Kafka:      $KAFKA_BOOTSTRAP_SERVERS"
echo "Logs:       $LOGS/<service>.log      pids: $PIDS"
echo "Token:      TOKEN=\$(deploy/local/token.sh organizer)   # roles: admin organizer checker teacher participant parent venue_staff"
echo "            curl -H \"Authorization: Bearer \$TOKEN\" http://127.0.0.1:8081/q/openapi"
echo "Stop:       deploy/local/down.sh"
echo "up.sh took $(( $(date +%s) - T0 )) s"
if (( failed )); then
  echo "up: some services are not ready (see above); the others are left running — deploy/local/down.sh stops all" >&2
  exit 1
fi
