#!/usr/bin/env bash
# Creates (or updates) a Payara Server 6 domain for Caravel and, optionally, deploys the EAR.
#
#   etc/payara/setup-domain.sh --payara-home /opt/payara6 --db-host db.example --db-password-file /root/db.pw \
#       --ofac-dir /srv/caravel/ofac --data-dir /srv/caravel/data [options]
#
# What it does, in order (docs/operations.md, "Payara Server (EAR)", explains each step):
#  1. create-domain (skipped when the domain exists) with the given port base; with --admin-password-file
#     the admin user gets that password, otherwise the domain allows admin login without password;
#  2. start-domain, then, through asadmin:
#     - JVM options: heap (-Xmx), -XX:MaxMetaspaceSize, -XX:+ExitOnOutOfMemoryError and every Caravel
#       setting as -Dcaravel.*=... (earlier values of these options are replaced, so running the
#       script again with other values updates the domain);
#     - the MySQL driver (Connector/J) in the domain's lib folder, so redeploys of the EAR reuse the
#       server's copy of the driver instead of loading and leaking their own; its abandoned-connection
#       cleanup thread is off (the pool closes connections);
#     - the database password as password alias caravel-db-password, referenced by the JVM option
#       -Dcaravel.ds.password=${ALIAS=caravel-db-password} (the password never appears in domain.xml);
#     - connection pool sizing (caravel.ds.pool.min / caravel.ds.pool.max);
#     - server.log in JSON (one object per line);
#     - admin listener bound to --admin-address (default 127.0.0.1); with --admin-password-file also
#       enable-secure-admin (HTTPS for the admin console and remote asadmin);
#  3. restart-domain so the JVM options apply, and with --deploy deploy the EAR as application
#     "caravel" at context root /.
#
# Options (defaults in brackets):
#   --payara-home DIR         Payara Server home: the folder with bin/asadmin [$PAYARA_HOME]
#   --domain NAME             domain name [caravel]
#   --domain-dir DIR          folder of the domains [<payara-home>/glassfish/domains]
#   --portbase N              port base: admin N+48, HTTP N+80, HTTPS N+81 [8000]
#   --heap SIZE               maximum heap, -Xmx [1g]
#   --metaspace SIZE          -XX:MaxMetaspaceSize [512m]
#   --db-host HOST            MySQL/MariaDB host [127.0.0.1]
#   --db-port PORT            [3306]
#   --db-name NAME            database [caravel]
#   --db-ssl-mode MODE        Connector/J sslMode: REQUIRED (TLS, no certificate check), VERIFY_CA,
#                             VERIFY_IDENTITY (TLS and the server's certificate and host name), DISABLED [REQUIRED]
#   --db-url URL              full JDBC URL instead of the four options above
#   --db-user USER            [caravel]
#   --db-password-file FILE   file whose first line is the database password (required unless the
#                             alias caravel-db-password exists already)
#   --jdbc-driver JAR         MySQL Connector/J jar to install in the domain [taken from the EAR of --deploy]
#   --pool-min N              connections the pool keeps open [2]
#   --pool-max N              most connections of the pool [32]
#   --data-dir DIR            caravel.data.dir: local files of the application (required)
#   --ofac-dir DIR            caravel.screening.ofac-dir: the OFAC SDN list (sdn.csv, alt.csv, add.csv) (required)
#   --node-id ID              caravel.node.id, stable and different on every server [the host name]
#   --trusted-proxies LIST    caravel.http.trusted-proxies: addresses of your reverse proxies [none]
#   --bootstrap-admin-username NAME        caravel.bootstrap.admin.username [admin]
#   --bootstrap-admin-password-file FILE   caravel.bootstrap.admin.password-file: the first administrator's
#                             password; Caravel creates that administrator once, at a start with none
#   --demo true|false         caravel.demo.enabled: demo users and data (never in production) [false]
#   --admin-password-file FILE  file whose first line is the password of Payara's admin user; turns on
#                             secure admin. Remote asadmin then needs --user admin --passwordfile F, where
#                             F holds the line AS_ADMIN_PASSWORD=<password>
#   --admin-address ADDR      address the admin port listens on [127.0.0.1]; 0.0.0.0 for every interface
#   --json-logs true|false    write server.log as JSON lines [true]
#   --java-home DIR           Java 17+ to run Payara with [$AS_JAVA, else $JAVA_HOME, else the java on PATH]
#   --deploy EAR              deploy (or redeploy) this EAR after the set-up
#   --stop                    stop the domain at the end (for example before handing it to systemd)
#   -h, --help                this text
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
die() { echo "setup-domain: $*" >&2; exit 1; }

payara_home=${PAYARA_HOME:-}
domain=caravel
domain_dir=
portbase=8000
heap=1g
metaspace=512m
db_host=127.0.0.1
db_port=3306
db_name=caravel
db_ssl_mode=REQUIRED
db_url=
db_user=caravel
db_password_file=
pool_min=2
pool_max=32
data_dir=
ofac_dir=
node_id=
trusted_proxies=
bootstrap_username=
bootstrap_password_file=
demo=false
admin_password_file=
admin_address=127.0.0.1
json_logs=true
java_home=${AS_JAVA:-${JAVA_HOME:-}}
deploy_ear=
jdbc_driver=
stop_at_end=

while [ $# -gt 0 ]; do
  opt=$1
  case $opt in
    -h|--help) usage; exit 0 ;;
    --stop) stop_at_end=1; shift; continue ;;
  esac
  [ $# -ge 2 ] || die "option $opt needs a value (see --help)"
  val=$2; shift 2
  case $opt in
    --payara-home) payara_home=$val ;;
    --domain) domain=$val ;;
    --domain-dir) domain_dir=$val ;;
    --portbase) portbase=$val ;;
    --heap) heap=$val ;;
    --metaspace) metaspace=$val ;;
    --db-host) db_host=$val ;;
    --db-port) db_port=$val ;;
    --db-name) db_name=$val ;;
    --db-ssl-mode) db_ssl_mode=$val ;;
    --db-url) db_url=$val ;;
    --db-user) db_user=$val ;;
    --db-password-file) db_password_file=$val ;;
    --pool-min) pool_min=$val ;;
    --pool-max) pool_max=$val ;;
    --data-dir) data_dir=$val ;;
    --ofac-dir) ofac_dir=$val ;;
    --node-id) node_id=$val ;;
    --trusted-proxies) trusted_proxies=$val ;;
    --bootstrap-admin-username) bootstrap_username=$val ;;
    --bootstrap-admin-password-file) bootstrap_password_file=$val ;;
    --demo) demo=$val ;;
    --admin-password-file) admin_password_file=$val ;;
    --admin-address) admin_address=$val ;;
    --json-logs) json_logs=$val ;;
    --java-home) java_home=$val ;;
    --deploy) deploy_ear=$val ;;
    --jdbc-driver) jdbc_driver=$val ;;
    *) die "unknown option $opt (see --help)" ;;
  esac
done

[ -n "$payara_home" ] || die "--payara-home (or PAYARA_HOME) is required"
asadmin_bin=$payara_home/bin/asadmin
[ -x "$asadmin_bin" ] || die "no asadmin at $asadmin_bin"
[ -n "$data_dir" ] || die "--data-dir is required"
[ -n "$ofac_dir" ] || die "--ofac-dir is required"
[ -f "$ofac_dir/sdn.csv" ] || echo "setup-domain: warning: $ofac_dir/sdn.csv not found; readiness stays down until it exists" >&2
[[ $portbase =~ ^[0-9]+$ ]] || die "--portbase must be a number"
[[ $pool_min =~ ^[0-9]+$ && $pool_max =~ ^[0-9]+$ ]] || die "--pool-min and --pool-max must be numbers"
[ "$pool_min" -le "$pool_max" ] && [ "$pool_max" -ge 1 ] || die "need 0 <= --pool-min <= --pool-max, --pool-max >= 1"
case $demo in true|false) ;; *) die "--demo is true or false" ;; esac
case $json_logs in true|false) ;; *) die "--json-logs is true or false" ;; esac
for f in "$db_password_file" "$admin_password_file" "$bootstrap_password_file"; do
  [ -z "$f" ] || [ -r "$f" ] || die "cannot read $f"
done
[ -z "$deploy_ear" ] || [ -r "$deploy_ear" ] || die "cannot read $deploy_ear"
[ -z "$jdbc_driver" ] || [ -r "$jdbc_driver" ] || die "cannot read $jdbc_driver"
if [ -n "$java_home" ]; then export AS_JAVA=$java_home; fi

data_dir=$(realpath -m "$data_dir")
ofac_dir=$(realpath -m "$ofac_dir")
[ -z "$bootstrap_password_file" ] || bootstrap_password_file=$(realpath "$bootstrap_password_file")
[ -n "$domain_dir" ] || domain_dir=$payara_home/glassfish/domains
domain_dir=$(realpath -m "$domain_dir")
mkdir -p "$domain_dir" "$data_dir"
if [ -z "$db_url" ]; then
  db_url="jdbc:mysql://$db_host:$db_port/$db_name?nullCatalogMeansCurrent=true&useUnicode=true&characterEncoding=UTF-8&sslMode=$db_ssl_mode"
fi
admin_port=$((portbase + 48))

first_line() { head -n 1 "$1" | tr -d '\r\n'; }

# asadmin reads passwords from a file of NAME=value lines; keep that file private and remove it at exit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 700 "$work"
pwfile=$work/passwords
: > "$pwfile"
auth=(--user admin)
if [ -n "$admin_password_file" ]; then
  echo "AS_ADMIN_PASSWORD=$(first_line "$admin_password_file")" >> "$pwfile"
  auth+=(--passwordfile "$pwfile")
else
  echo "AS_ADMIN_PASSWORD=" >> "$pwfile"
fi

local_asadmin() { "$asadmin_bin" --interactive=false "$@"; }
remote() { "$asadmin_bin" --interactive=false --host 127.0.0.1 --port "$admin_port" "${auth[@]}" "$@"; }
# create-jvm-options and delete-jvm-options split at unescaped colons
escape_colons() { printf '%s' "${1//:/\\:}"; }

# 1. domain
if [ -d "$domain_dir/$domain" ]; then
  echo "setup-domain: domain $domain exists in $domain_dir; updating it"
else
  if [ -n "$admin_password_file" ]; then
    local_asadmin "${auth[@]}" create-domain --domaindir "$domain_dir" --portbase "$portbase" "$domain"
  else
    local_asadmin --user admin create-domain --nopassword --domaindir "$domain_dir" --portbase "$portbase" "$domain"
  fi
fi

# 2. configure the running domain
if ! local_asadmin list-domains --domaindir "$domain_dir" 2>/dev/null | grep -q "^$domain running"; then
  local_asadmin start-domain --domaindir "$domain_dir" "$domain"
fi

# JVM options: replace earlier values of every option this script manages
managed='^(-Xmx|-Xms|-XX:MaxMetaspaceSize=|-XX:\+ExitOnOutOfMemoryError|-Dcaravel\.|-Dcom\.mysql\.cj\.)'
old=()
while IFS= read -r option; do
  old+=("$(escape_colons "$option")")
done < <(remote list-jvm-options | tr -d '\r' | grep -E "$managed" || true)
if [ ${#old[@]} -gt 0 ]; then
  remote delete-jvm-options -- "$(IFS=:; echo "${old[*]}")" >/dev/null
fi

options=(
  "-Xmx$heap"
  "-XX:MaxMetaspaceSize=$metaspace"
  "-XX:+ExitOnOutOfMemoryError"
  "-Dcaravel.ds.class=com.mysql.cj.jdbc.MysqlDataSource"
  "-Dcaravel.ds.url=$db_url"
  "-Dcaravel.ds.user=$db_user"
  '-Dcaravel.ds.password=${ALIAS=caravel-db-password}'
  "-Dcaravel.ds.pool.min=$pool_min"
  "-Dcaravel.ds.pool.max=$pool_max"
  "-Dcaravel.data.dir=$data_dir"
  "-Dcaravel.screening.ofac-dir=$ofac_dir"
  "-Dcaravel.demo.enabled=$demo"
  "-Dcom.mysql.cj.disableAbandonedConnectionCleanup=true"
)
[ -z "$node_id" ] || options+=("-Dcaravel.node.id=$node_id")
[ -z "$trusted_proxies" ] || options+=("-Dcaravel.http.trusted-proxies=$trusted_proxies")
[ -z "$bootstrap_username" ] || options+=("-Dcaravel.bootstrap.admin.username=$bootstrap_username")
[ -z "$bootstrap_password_file" ] || options+=("-Dcaravel.bootstrap.admin.password-file=$bootstrap_password_file")
escaped=()
for option in "${options[@]}"; do escaped+=("$(escape_colons "$option")"); done
# one call: the options joined by unescaped colons
remote create-jvm-options -- "$(IFS=:; echo "${escaped[*]}")" >/dev/null
echo "setup-domain: JVM options set (${#options[@]})"

# database password as a password alias
if [ -n "$db_password_file" ]; then
  echo "AS_ADMIN_ALIASPASSWORD=$(first_line "$db_password_file")" >> "$pwfile"
  alias_auth=()  # the alias password is in the same file as the admin password
  [ -n "$admin_password_file" ] || alias_auth=(--passwordfile "$pwfile")
  if remote list-password-aliases | grep -qx 'caravel-db-password'; then
    remote ${alias_auth[@]+"${alias_auth[@]}"} update-password-alias caravel-db-password >/dev/null
  else
    remote ${alias_auth[@]+"${alias_auth[@]}"} create-password-alias caravel-db-password >/dev/null
  fi
  echo "setup-domain: password alias caravel-db-password set"
elif ! remote list-password-aliases | grep -qx 'caravel-db-password'; then
  die "--db-password-file is required: the password alias caravel-db-password does not exist yet"
fi

# the JDBC driver, shared by every deployment of the application (takes effect at the restart below)
lib=$domain_dir/$domain/lib
if [ -n "$jdbc_driver" ]; then
  rm -f "$lib"/mysql-connector-j*.jar "$lib"/com.mysql-mysql-connector-j-*.jar
  cp "$jdbc_driver" "$lib/"
elif [ -n "$deploy_ear" ]; then
  command -v unzip >/dev/null || die "unzip is needed to take the JDBC driver from the EAR (or give --jdbc-driver)"
  rm -f "$lib"/mysql-connector-j*.jar "$lib"/com.mysql-mysql-connector-j-*.jar
  unzip -q -o -j "$deploy_ear" 'lib/com.mysql-mysql-connector-j-*.jar' -d "$lib"
fi
ls "$lib"/*mysql-connector-j*.jar >/dev/null 2>&1 \
  || echo "setup-domain: warning: no MySQL driver in $lib; each deployment then loads its own copy from the EAR" >&2

# logs
if [ "$json_logs" = true ]; then
  remote set-log-attributes \
    'com.sun.enterprise.server.logging.GFFileHandler.formatter=fish.payara.enterprise.server.logging.JSONLogFormatter' >/dev/null
else
  remote set-log-attributes \
    'com.sun.enterprise.server.logging.GFFileHandler.formatter=com.sun.enterprise.server.logging.ODLLogFormatter' >/dev/null
fi

# admin port
remote set "configs.config.server-config.network-config.network-listeners.network-listener.admin-listener.address=$admin_address" >/dev/null
if [ -n "$admin_password_file" ]; then
  remote enable-secure-admin >/dev/null
fi
echo "setup-domain: admin listener on $admin_address:$admin_port$([ -n "$admin_password_file" ] && echo ', secure admin on')"

# 3. restart with the new options, deploy
local_asadmin "${auth[@]}" restart-domain --domaindir "$domain_dir" "$domain"
if [ -n "$deploy_ear" ]; then
  remote deploy --force=true --name caravel "$deploy_ear"
fi
if [ -n "$stop_at_end" ]; then
  local_asadmin "${auth[@]}" stop-domain --domaindir "$domain_dir" "$domain"
fi
echo "setup-domain: domain $domain ready (HTTP port $((portbase + 80)), admin port $admin_port)"
