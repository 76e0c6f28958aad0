#!/usr/bin/env bash
# Runs a benchmark scenario against the local suite, which must be up (deploy/local/up.sh).
#
#   benchmarks/run.sh registration [--clients N] [--registrations N] [--warmup N]
#                                  [--teachers N] [--audit-timeout S] [--max-seconds S]
#   benchmarks/run.sh group-registration [--members N]   (one request registers a group of N, 10000 by default)
#   benchmarks/run.sh results [--participants N]   (runs run-results.sh: results-service alone, its own database)
#   benchmarks/run.sh documents [--documents N] [--documents-url U]   (needs documents-service only; see
#                                 benchmarks/documents-alone.sh, which starts it alone and runs this)
#   benchmarks/run.sh --help
#
# Builds the driver first if benchmarks/target/benchmarks.jar is missing or older than a source file
# (mvn -o package -pl benchmarks; online if offline resolution fails). The summary is printed and written to
# benchmarks/results/<scenario>-<UTC timestamp>.md and benchmarks/results/LATEST-<scenario>.md.
# Environment: BENCH_JAVA_OPTS (default -Xms256m -Xmx1g), REGISTRATION_URL, AUDIT_URL (the suite's, by default).
# Exit: 0 ok; 1 a request failed with a 5xx or got no answer; 2 bad arguments; 3 audit rows late; 4 suite not up.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
JAR="$SCRIPT_DIR/target/benchmarks.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
REGISTRATION_URL="${REGISTRATION_URL:-http://127.0.0.1:8081}"
AUDIT_URL="${AUDIT_URL:-http://127.0.0.1:8086}"

if [[ $# -eq 0 || "$1" == -h || "$1" == --help ]]; then
  sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  echo "Options: see benchmarks/README.md (defaults: --clients 32 --registrations 20000 --warmup 2000 --teachers 4"
  echo "         --audit-timeout 600 --max-seconds 0 = no limit)."
  [[ $# -eq 0 ]] && exit 2 || exit 0
fi

# the results scenario starts results-service alone against its own database; it does not need the suite
if [[ "$1" == results ]]; then
  shift
  exec "$SCRIPT_DIR/run-results.sh" "$@"
fi

# ---- build if needed ------------------------------------------------------------------------------------------
if [[ ! -f "$JAR" || ! -d "$SCRIPT_DIR/target/lib" ]] \
   || [[ -n "$(find "$SCRIPT_DIR/src" "$SCRIPT_DIR/pom.xml" -newer "$JAR" -type f 2>/dev/null | head -n 1)" ]]; then
  echo "run.sh: building the benchmarks (mvn package -pl benchmarks) ..."
  (cd "$ROOT" && { mvn -B -q -o package -pl benchmarks || mvn -B -q package -pl benchmarks; }) \
    || { echo "run.sh: the build failed" >&2; exit 1; }
fi

# ---- is the suite up? -----------------------------------------------------------------------------------------
# the documents scenario plays registration- and results-service itself: it needs documents-service only
checked=("$REGISTRATION_URL" "$AUDIT_URL")
[[ "$1" == documents ]] && checked=("${DOCUMENTS_URL:-http://127.0.0.1:8085}")
for url in "${checked[@]}"; do
  code="$(curl -s -o /dev/null -m 3 -w '%{http_code}' "$url/q/health/ready" || true)"
  if [[ "$code" != 200 ]]; then
    [[ "$code" =~ ^0*$ ]] && code="nothing"
    echo "run.sh: $url/q/health/ready answers $code: the local suite is not up." >&2
    echo "run.sh: start it with deploy/local/up.sh (and stop it afterwards with deploy/local/down.sh)." >&2
    exit 4
  fi
done

# ---- run --------------------------------------------------------------------------------------------------------
scenario="$1"; shift
# shellcheck disable=SC2086
exec "$JAVA" ${BENCH_JAVA_OPTS:--Xms256m -Xmx1g} -Dbenchmarks.repo="$ROOT" \
  -cp "$JAR:$SCRIPT_DIR/target/lib/*" org.olympiad.competitions.benchmarks.Bench "$scenario" \
  --registration-url "$REGISTRATION_URL" --audit-url "$AUDIT_URL" "$@"
