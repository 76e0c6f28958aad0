#!/usr/bin/env bash
# Calculating a tour of 200,000 participants x 10 scored items (results-service, issue 5).
#   benchmarks/run-results.sh [--participants N]      (also: benchmarks/run.sh results [--participants N])
# Builds results-service's jar and the driver (offline), starts results-service alone on 8084 against its own
# database competitions_results_bench (created if missing; the local suite's data stay apart) with its outbox relay
# and consumers switched off (the benchmark's 200,000 events must not reach the shared broker), runs the `results`
# scenario, stops the service. Writes benchmarks/results/LATEST-results.md. Run it under the shared build lock,
# with the local suite down (port 8084 must be free).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -q -o package -pl results-service,benchmarks -am -DskipTests
DB=competitions_results_bench
if curl -s -o /dev/null -m 2 http://127.0.0.1:8084/q/health/live; then
  echo "run-results.sh: port 8084 is taken (is the local suite up? deploy/local/down.sh)" >&2
  exit 4
fi
createdb -h 127.0.0.1 -U postgres "$DB" 2>/dev/null || true
java -Xmx1g -Dquarkus.profile=local -Dquarkus.http.port=8084 -Dcompetitions.database="$DB" \
  -Dcompetitions.outbox.relay.enabled=false \
  -Dmp.messaging.incoming.registration-events.enabled=false -Dmp.messaging.incoming.attempt-events.enabled=false \
  -Dmp.messaging.incoming.venue-events.enabled=false -Dquarkus.log.level=WARN \
  -jar results-service/target/quarkus-app/quarkus-run.jar > /tmp/results-bench-service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8084/q/health/live || true)" == 200 ]] && break
  sleep 1
done
java -Xmx512m -Dbenchmarks.repo="$ROOT" -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" \
  org.olympiad.competitions.benchmarks.Bench results --results-db "jdbc:postgresql://127.0.0.1:5432/$DB" "$@"
