#!/usr/bin/env bash
# Local trial of a two-node Caravel cluster: one MariaDB database, two Payara Micro nodes that share
# HTTP sessions over Hazelcast (bound to 127.0.0.1), HAProxy in front on 127.0.0.1:8280.
#   etc/cluster/run-two-nodes.sh [start]   start everything, print the URL
#   etc/cluster/run-two-nodes.sh stop      stop what this script started (pid files), not MariaDB
#   etc/cluster/run-two-nodes.sh status
# Settings (environment): CARAVEL_CLUSTER_DIR (/tmp/caravel-cluster: WAR copy, logs, pid files),
#   CARAVEL_CLUSTER_DB (caravel_cluster), CARAVEL_CLUSTER_HZ_PORT (6950: node n uses HZ_PORT+n-1),
#   CARAVEL_WAR / CARAVEL_MICRO_JAR (web/target/...), CARAVEL_DEMO_ENABLED (true).
# Needs: java 17, mariadb-server, haproxy, curl.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${CARAVEL_CLUSTER_DIR:-/tmp/caravel-cluster}
db=${CARAVEL_CLUSTER_DB:-caravel_cluster}
hz=${CARAVEL_CLUSTER_HZ_PORT:-6950}
war_src=${CARAVEL_WAR:-$root/web/target/caravel.war}
jar_src=${CARAVEL_MICRO_JAR:-$root/web/target/payara-micro.jar}
ofac=${CARAVEL_SCREENING_OFAC_DIR:-$root/ejb/src/main/resources/caravel/sanctions/ofac}
lb_port=8280

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop() {
  for p in "$work/haproxy.pid" "$work/node2.pid" "$work/node1.pid"; do
    if alive "$p"; then
      pid=$(cat "$p"); kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      echo "stopped $(basename "$p" .pid) (pid $pid)"
    fi
    rm -f "$p"
  done
}

status() {
  for n in node1 node2 haproxy; do
    if alive "$work/$n.pid"; then echo "$n: running (pid $(cat "$work/$n.pid"))"; else echo "$n: stopped"; fi
  done
  for port in 8281 8282 $lb_port; do
    printf '%s /health/ready: %s\n' "$port" "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)"
  done
}

database() { # MariaDB on 127.0.0.1:3306 as .ci/run starts it, plus this trial's database
  if ! mariadb-admin --protocol=socket -uroot ping >/dev/null 2>&1; then
    if [ ! -d /var/lib/mysql/mysql ]; then
      mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
    fi
    mkdir -p /run/mysqld && chown mysql /run/mysqld
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
    for _ in $(seq 1 60); do mariadb-admin --protocol=socket -uroot ping >/dev/null 2>&1 && break; sleep 1; done
  fi
  mariadb --protocol=socket -uroot <<SQL
CREATE DATABASE IF NOT EXISTS $db CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'caravel'@'localhost' IDENTIFIED BY 'caravel';
CREATE USER IF NOT EXISTS 'caravel'@'127.0.0.1' IDENTIFIED BY 'caravel';
GRANT ALL PRIVILEGES ON $db.* TO 'caravel'@'localhost';
GRANT ALL PRIVILEGES ON $db.* TO 'caravel'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
}

prepare_war() { # copies of the WAR and Payara Micro, so a rebuild does not touch running nodes
  cp "$war_src" "$work/caravel.war"
  cp "$jar_src" "$work/payara-micro.jar"
  # the HTTP listener on 127.0.0.1 only (Payara Micro has no command-line option for its address)
  echo 'set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1' \
    > "$work/postboot.asadmin"
}

wait_ready() { # wait_ready <port> <pidfile>
  for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/health/ready" || true)" = 200 ] && return 0
    alive "$2" || { echo "node on port $1 exited; see its log" >&2; return 1; }
    sleep 1
  done
  echo "node on port $1 did not become ready" >&2; return 1
}

node() { # node <n>
  local n=$1 dir=$work/node$1
  mkdir -p "$dir/tmp"
  (
    cd "$dir"
    export CARAVEL_DS_CLASS=com.mysql.cj.jdbc.MysqlDataSource
    export CARAVEL_DS_URL="jdbc:mysql://127.0.0.1:3306/$db?nullCatalogMeansCurrent=true&useUnicode=true&characterEncoding=UTF-8&allowPublicKeyRetrieval=true&useSSL=false"
    export CARAVEL_DS_USER=caravel CARAVEL_DS_PASSWORD=caravel
    export CARAVEL_DEMO_ENABLED=${CARAVEL_DEMO_ENABLED:-true}
    export CARAVEL_SCREENING_OFAC_DIR=$ofac
    export CARAVEL_DATA_DIR=$dir
    export CARAVEL_NODE_ID=node-$n
    # Hazelcast: own cluster name, members listed (no multicast), bound to 127.0.0.1 only
    # (--interfaces picks the address; hazelcast.socket.bind.any=false stops the bind to 0.0.0.0).
    nohup java -Xmx1g -XX:MaxMetaspaceSize=512m -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir="$dir/tmp" -Dhazelcast.socket.bind.any=false \
      -jar "$work/payara-micro.jar" --deploy "$work/caravel.war" --contextroot / --port "828$n" \
      --clustername caravel-local --clustermode "tcpip:127.0.0.1:$hz,127.0.0.1:$((hz + 1))" \
      --startport "$((hz + n - 1))" --interfaces 127.0.0.1 \
      --postbootcommandfile "$work/postboot.asadmin" \
      --disablephonehome --logproperties "$root/etc/logging.properties" > "$dir/server.log" 2>&1 &
    echo $! > "$work/node$n.pid"
  )
  echo "node $n starting (pid $(cat "$work/node$n.pid"), log $dir/server.log)"
}

start() {
  mkdir -p "$work"
  for p in node1 node2 haproxy; do
    alive "$work/$p.pid" && { echo "$p is running already (pid $(cat "$work/$p.pid")); run '$0 stop' first" >&2; exit 1; }
  done
  command -v haproxy >/dev/null || { echo "haproxy is missing: apt-get install -y haproxy" >&2; exit 1; }
  database
  prepare_war
  # both at once: a node lock in the database lets one create the engine's tables and demo data first
  node 1; node 2
  wait_ready 8281 "$work/node1.pid"; echo "node 1 ready"
  wait_ready 8282 "$work/node2.pid"; echo "node 2 ready"
  nohup haproxy -f "$root/etc/cluster/haproxy.cfg" > "$work/haproxy.log" 2>&1 &
  echo $! > "$work/haproxy.pid"
  for _ in $(seq 1 20); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$lb_port/health/ready" || true)" = 200 ] && break
    sleep 0.5
  done
  printf '\n==> Caravel cluster: http://127.0.0.1:%s/  (nodes :8281 :8282, API /api/v1, demo users password "demo")\n' "$lb_port"
  echo "    logs and pid files: $work   stop: $0 stop"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 [start|stop|status]" >&2; exit 2 ;;
esac
