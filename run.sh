#!/usr/bin/env bash
# Runs Caravel on Payara Micro with the embedded H2 file database and demo data, building it first
# when the sources are newer than the WAR. Configuration: see docs/operations.md.
#   CARAVEL_PORT (8080)  CARAVEL_DATA_DIR (./data)  CARAVEL_DEMO_ENABLED (true here)
#   CARAVEL_SCREENING_OFAC_DIR (none: demo mode screens against the OFAC snapshot bundled with Caravel)
#   CARAVEL_JAVA_OPTS (-Xmx1g -XX:MaxMetaspaceSize=512m -XX:+ExitOnOutOfMemoryError)
#   CARAVEL_LOG_FORMAT (text in a terminal, json otherwise: one JSON object per line for a log shipper)
set -euo pipefail
cd "$(dirname "$0")"

port=${CARAVEL_PORT:-8080}
export CARAVEL_DATA_DIR=${CARAVEL_DATA_DIR:-$PWD/data}
export CARAVEL_DEMO_ENABLED=${CARAVEL_DEMO_ENABLED:-true}
war=web/target/caravel.war

if [ ! -f "$war" ] || [ ! -f web/target/payara-micro.jar ] \
   || [ -n "$(find pom.xml bpmn ejb web -newer "$war" -type f -not -path '*/target/*' -print -quit)" ]; then
  echo "Building Caravel..."
  mvn -B -q -pl web -am package -Dmaven.test.skip=true
fi
mkdir -p "$CARAVEL_DATA_DIR"
format=${CARAVEL_LOG_FORMAT:-$([ -t 1 ] && echo text || echo json)}
logging=etc/logging.properties
[ "$format" = text ] && logging=etc/logging-terminal.properties

(
  for _ in $(seq 1 240); do
    if curl -fs "http://localhost:$port/health/ready" >/dev/null 2>&1; then
      printf '\n==> Caravel is ready at http://localhost:%s/  (API: http://localhost:%s/api/v1, data: %s)\n\n' \
        "$port" "$port" "$CARAVEL_DATA_DIR"
      exit 0
    fi
    sleep 0.5
  done
  echo "==> Caravel did not become ready; see the log above." >&2
) &

# a heap limit keeps the process within about 1.5 GB; see docs/operations.md (Memory)
# shellcheck disable=SC2086
# One node: no data grid (Hazelcast) at all, so nothing listens but the HTTP port and the start is about
# 2 s shorter; a cluster names its members instead (docs/operations.md, Cluster).
exec java ${CARAVEL_JAVA_OPTS:--Xmx1g -XX:MaxMetaspaceSize=512m -XX:+ExitOnOutOfMemoryError} -Xss1m \
  -jar web/target/payara-micro.jar \
  --deploy "$war" --contextroot / --port "$port" --disablephonehome --nohazelcast \
  --logproperties "$logging"
