#!/usr/bin/env bash
# Issue 7's documents benchmark without the whole suite: starts documents-service alone (profile local,
# -Xmx384m as deploy/local/up.sh starts it) on a fresh database and a store directory of its own, with consumer
# groups of its own that read the topics from their end, runs `benchmarks/run.sh documents` against it, stops it.
#
#   flock /tmp/competitions-build.lock benchmarks/documents-alone.sh [--documents N] [--timeout S]
#
# Needs PostgreSQL on 127.0.0.1:5432 and the Kafka broker on 127.0.0.1:9092, and the packaged service
# (mvn -B -o -q package -DskipTests -pl documents-service). The service's log: /tmp/documents-bench-<ts>.log.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
TS="$(date +%s)"
PORT="${DOCUMENTS_BENCH_PORT:-18085}"
DB=competitions_documents_bench
STORE="/tmp/documents-bench-store-$TS"
LOG="/tmp/documents-bench-$TS.log"
HEAP="${DOCUMENTS_BENCH_HEAP:--Xmx384m}"

psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB" -c "create database $DB"
"$JAVA" $HEAP -Dquarkus.profile=local -Dcompetitions.database=$DB -Dquarkus.http.port="$PORT" \
  -Dcompetitions.documents.store.local-directory="$STORE" \
  -Dmp.messaging.incoming.registration-events.group.id=documents-bench-registration-$TS \
  -Dmp.messaging.incoming.registration-events.auto.offset.reset=latest \
  -Dmp.messaging.incoming.results-events.group.id=documents-bench-results-$TS \
  -Dmp.messaging.incoming.results-events.auto.offset.reset=latest \
  -jar "$ROOT/documents-service/target/quarkus-app/quarkus-run.jar" > "$LOG" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; rm -rf "$STORE"' EXIT
echo "documents-alone: documents-service pid $SERVICE on :$PORT, log $LOG"
for _ in $(seq 1 120); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/q/health/ready" || true)" == 200 ]] && break
  kill -0 $SERVICE 2>/dev/null || { echo "documents-alone: the service stopped; see $LOG" >&2; exit 4; }
  sleep 1
done
# the consumers must be assigned before anything is sent, or auto.offset.reset=latest skips the first events
sleep 5
echo "documents-alone: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
set +e
DOCUMENTS_URL="http://127.0.0.1:$PORT" "$ROOT/benchmarks/run.sh" documents --documents-url "http://127.0.0.1:$PORT" \
  --registration-group "documents-bench-registration-$TS" "$@"
rc=$?
echo "documents-alone: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $rc
