#!/usr/bin/env bash
# Runs Caravel on Payara Micro with the embedded H2 file database and demo data, building it first
# when the sources are newer than the WAR. Configuration: see docs/operations.md.
#   CARAVEL_PORT (8080)  CARAVEL_DATA_DIR (./data)  CARAVEL_DEMO_ENABLED (true here)
#   CARAVEL_SCREENING_OFAC_DIR (none: demo mode screens against the OFAC snapshot bundled with Caravel)
#   CARAVEL_JAVA_OPTS (-Xmx1g -XX:MaxMetaspaceSize=512m -XX:+ExitOnOutOfMemoryError, and the heap handed back when idle:
#     -XX:G1PeriodicGCInterval=10000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30)
#   CARAVEL_LOG_FORMAT (text in a terminal, json otherwise: one JSON object per line for a log shipper)
#   CARAVEL_CDS (on: a class-data archive in the data folder makes later starts shorter; off)
#   JAVA_HOME (the Java to run on, 17 or newer; unset: the java on the PATH)
set -euo pipefail
cd "$(dirname "$0")"

port=${CARAVEL_PORT:-8080}
export CARAVEL_DATA_DIR=${CARAVEL_DATA_DIR:-$PWD/data}
export CARAVEL_DEMO_ENABLED=${CARAVEL_DEMO_ENABLED:-true}
war=web/target/caravel.war

if [ ! -f "$war" ] || [ ! -f web/target/payara-micro.jar ] \
   || [ -n "$(find pom.xml bpmn ejb web -newer "$war" -type f -not -path '*/target/*' -not -path '*/src/test/*' -print -quit)" ]; then
  echo "Building Caravel..."
  mvn -B -q -pl web -am package -Dmaven.test.skip=true
  touch "$war" # newer than the sources even when nothing in it changed
fi
mkdir -p "$CARAVEL_DATA_DIR"
# the Java of JAVA_HOME when it is set, else the one on the PATH (17 or newer)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

# Payara Micro's runtime unpacked once into the data folder (not again into /tmp at every start), and a
# class-data archive of what a start loads: the first start writes it when Caravel stops, later starts map it
# instead of loading, verifying (and on Java 25 also linking and profiling) those classes again. Java 17 to 24: a
# dynamic class-data archive (about 2.5 s of an 18 s start); Java 25 and newer: an ahead-of-time cache (JEP 483,
# 515), which also keeps the methods' profiles, so the compiler starts sooner (a start about 5 s shorter than
# Java 17's here). The recording start takes about twice as long, once. A new build, Payara Micro or Java makes a
# new one; CARAVEL_CDS=off leaves it out.
runtime="$CARAVEL_DATA_DIR/payara-runtime"
if [ ! -f "$runtime/launch-micro.jar" ] || [ web/target/payara-micro.jar -nt "$runtime/launch-micro.jar" ]; then
  rm -rf "$runtime"
  "$java" -jar web/target/payara-micro.jar --rootdir "$runtime" --outputlauncher >/dev/null 2>&1
  cp "$runtime/config/domain.xml" "$runtime/config/domain.xml.unpacked"
fi
# Payara keeps what it deployed in the runtime's domain.xml and would deploy it twice; start from the unpacked one
cp "$runtime/config/domain.xml.unpacked" "$runtime/config/domain.xml"
rm -rf "$runtime/applications" "$runtime/generated"
java_version=$("$java" -version 2>&1)
java_major=$(printf '%s\n' "$java_version" | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
archive="$runtime/caravel-$(printf '%s' "$java_version" | cksum | cut -d' ' -f1)"
if [ "${java_major:-0}" -ge 25 ]; then
  archive="$archive.aot"
  # the cache's notes on classes it cannot keep (loaded by Payara's own class loaders) are not for the operator
  quiet="-Xlog:aot*=error,cds*=error"
  use_archive=("-XX:AOTCache=$archive" "$quiet")
  write_archive=("-XX:AOTCacheOutput=$archive" "$quiet")
else
  archive="$archive.jsa"
  use_archive=("-XX:SharedArchiveFile=$archive")
  write_archive=("-XX:ArchiveClassesAtExit=$archive")
fi
[ -f "$archive" ] && [ "$war" -nt "$archive" ] && rm -f "$archive"
# Lucene maps the search index through Java's foreign memory API from Java 22 on, which asks to be allowed
newer=()
[ "${java_major:-0}" -ge 22 ] && newer=("--enable-native-access=ALL-UNNAMED")
cds=()
cds_wanted=${CARAVEL_CDS:-on}
# Java 17 crashes at start (SIGSEGV in check_shared_class_file_load_hook) when a recording (JFR) or an agent that
# transforms classes meets classes from a dynamic archive: with either, the archive is left out
case " ${CARAVEL_JAVA_OPTS:-} " in
  *StartFlightRecording*|*" -javaagent"*|*" -agentlib"*|*" -agentpath"*)
    [ "$cds_wanted" != off ] && echo "==> CARAVEL_JAVA_OPTS records or loads an agent: starting without the class-data archive."
    cds_wanted=off ;;
esac
if [ "$cds_wanted" != off ]; then
  if [ -f "$archive" ]; then
    cds=("${use_archive[@]}")
  else
    cds=("${write_archive[@]}")
    echo "==> When this Caravel stops, Java writes a class-data archive (some seconds) that shortens later starts."
  fi
fi
format=${CARAVEL_LOG_FORMAT:-$([ -t 1 ] && echo text || echo json)}
logging=etc/logging.properties
[ "$format" = text ] && logging=etc/logging-terminal.properties

(
  for _ in $(seq 1 240); do
    # ready, and the application mapped (Payara answers /health/ready a moment before it maps the WAR)
    if curl -fs "http://localhost:$port/health/ready" >/dev/null 2>&1 \
       && curl -fs "http://localhost:$port/api/v1/catalog/products?limit=1" >/dev/null 2>&1; then
      printf '\n==> Caravel is ready at http://localhost:%s/  (API: http://localhost:%s/api/v1, data: %s)\n\n' \
        "$port" "$port" "$CARAVEL_DATA_DIR"
      exit 0
    fi
    sleep 0.5
  done
  echo "==> Caravel did not become ready; see the log above." >&2
) &

# a heap limit keeps the process within about 1.5 GB, and an idle node gives back the heap its start needed (a
# collection after 10 s without one; the heap kept at most 30% free): see docs/operations.md (Memory)
# shellcheck disable=SC2086
# One node: no data grid (Hazelcast) at all, so nothing listens but the HTTP port and the start is about
# 2 s shorter; a cluster names its members instead (docs/operations.md, Cluster). The MySQL driver's cleanup thread
# for connections an application forgets is not needed under Payara's pool (on Java 25 it once ran before the web
# container had started and printed a stack trace).
exec "$java" ${CARAVEL_JAVA_OPTS:--Xmx1g -XX:MaxMetaspaceSize=512m -XX:+ExitOnOutOfMemoryError -XX:G1PeriodicGCInterval=10000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30} -Xss1m "${newer[@]}" "${cds[@]}" \
  -Dcom.mysql.cj.disableAbandonedConnectionCleanup=true \
  -jar "$runtime/launch-micro.jar" --rootdir "$runtime" \
  --deploy "$war" --contextroot / --port "$port" --disablephonehome --nohazelcast \
  --logproperties "$logging"
