#!/usr/bin/env bash
# Calculating a tour of 200,000 participants x 10 scored items (results-service, issue 5).
#   benchmarks/run-results.sh [--participants N]
# Builds results-service's jar and the driver (offline), starts results-service alone on 8084 against the
# competitions_results database with its outbox relay and consumers switched off (the benchmark's 200,000 events
# must not reach the shared broker), runs the `results` scenario, stops the service. Writes
# benchmarks/results/LATEST-results.md. Run it under the shared build lock.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -q -o package -pl results-service,benchmarks -am -DskipTests
createdb -h 127.0.0.1 -U postgres competitions_results 2>/dev/null || true
java -Xmx1g -Dquarkus.profile=local -Dquarkus.http.port=8084 -Dcompetitions.outbox.relay.enabled=false \
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
  org.olympiad.competitions.benchmarks.Bench results "$@"
