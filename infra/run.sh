#!/usr/bin/env bash
# Runs the whole platform on this machine, each part as its own process:
#   embedded PostgreSQL (event store), MongoDB-compatible server (read models), a mail server that keeps what
#   it receives (unless SMTP_HOST names another), Keycloak (realm "ars"), then the services. Waits until everything is healthy, prints where to reach it, and stops it all
#   on Ctrl-C / SIGTERM.
#
#   infra/run.sh            build if needed, then start
#   infra/run.sh --demo     also record the reference scenario through the API (infra/demo.sh)
#   infra/run.sh --no-build start from the jars already built
#   infra/run.sh --instances N   N processes of each service and of the console (also ARS_INSTANCES; default 1):
#                                instance k listens on the port + 1000*k (8081, 9081...; 8082, 9082...; 8083,
#                                9083...; console 8084, 9084...)
#   infra/run.sh --gateways M    M gateways (also ARS_GATEWAYS; default 1) on GATEWAY_PORT + 1000*j, each
#                                balancing every route over all the instances
#
# Every port is overridable by environment variable (see the table printed at start-up). Data is kept
# between runs under ARS_DATA_DIR (default: .platform/ at the repository root, git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${ARS_DATA_DIR:-$ROOT/.platform}"
KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.7.3}"
REALM_FILE="$ROOT/infra/keycloak/ars-realm.json"

export POSTGRES_PORT="${POSTGRES_PORT:-15432}"
export MONGO_PORT="${MONGO_PORT:-27017}"
# the mail the platform sends (communiqués, subscriptions' confirmations, reminders) goes to a local server that keeps
# it, readable over IMAP (user: the recipient's address, any password); SMTP_HOST set to another host sends it there
export SMTP_PORT="${SMTP_PORT:-2525}"
export MAIL_IMAP_PORT="${MAIL_IMAP_PORT:-2143}"
LOCAL_MAIL=0
case "${SMTP_HOST:-localhost}" in localhost|127.0.0.1) LOCAL_MAIL=1 ;; esac
export KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
export KEYCLOAK_MANAGEMENT_PORT="${KEYCLOAK_MANAGEMENT_PORT:-8190}"
export INCIDENT_SERVICE_PORT="${INCIDENT_SERVICE_PORT:-8081}"
export REGION_SERVICE_PORT="${REGION_SERVICE_PORT:-8082}"
export NOTIFICATION_SERVICE_PORT="${NOTIFICATION_SERVICE_PORT:-8083}"
export GATEWAY_PORT="${GATEWAY_PORT:-8080}"
export CONSOLE_PORT="${CONSOLE_PORT:-8084}"
export KEYCLOAK_ISSUER="http://localhost:${KEYCLOAK_PORT}/realms/ars"
# the address the public reaches the platform at (links in the feed, webhooks, e-mails): the gateway's
export ARS_PUBLIC_BASE_URL="${ARS_PUBLIC_BASE_URL:-http://localhost:${GATEWAY_PORT}}"
# development: webhooks may use plain http (still to public addresses only, unless ARS_WEBHOOK_ALLOWED_TARGETS)
export ARS_WEBHOOK_REQUIRE_HTTPS="${ARS_WEBHOOK_REQUIRE_HTTPS:-false}"
SERVICE_JAVA_OPTS="${ARS_SERVICE_JAVA_OPTS:--Xms64m -Xmx176m -XX:+UseSerialGC -XX:-ShrinkHeapInSteps -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=50 -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=128m -XX:MaxDirectMemorySize=64m -Xss512k -Daxoniq.update-checker.disabled=true}"
# glibc keeps memory the JVM's native code has freed until it is trimmed (30-45 MB per service after the
# benchmark's load): the JVM trims every 10 s where it can (JDK 17.0.9 and later)
if [ -z "${ARS_SERVICE_JAVA_OPTS:-}" ] && java -XX:TrimNativeHeapInterval=10000 -version >/dev/null 2>&1; then
  SERVICE_JAVA_OPTS="$SERVICE_JAVA_OPTS -XX:TrimNativeHeapInterval=10000"
fi
STORE_JAVA_OPTS="${ARS_STORE_JAVA_OPTS:--Xms32m -Xmx160m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"

BUILD=1
DEMO=0
INSTANCES="${ARS_INSTANCES:-1}"
GATEWAYS="${ARS_GATEWAYS:-1}"
while [ $# -gt 0 ]; do
  case "$1" in
    --demo) DEMO=1 ;;
    --no-build) BUILD=0 ;;
    --instances) INSTANCES="${2:-}"; shift ;;
    --instances=*) INSTANCES="${1#*=}" ;;
    --gateways) GATEWAYS="${2:-}"; shift ;;
    --gateways=*) GATEWAYS="${1#*=}" ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$INSTANCES" in ''|*[!0-9]*|0) echo "--instances takes a number from 1 to 9" >&2; exit 2 ;; esac
case "$GATEWAYS" in ''|*[!0-9]*|0) echo "--gateways takes a number from 1 to 9" >&2; exit 2 ;; esac
[ "$INSTANCES" -le 9 ] && [ "$GATEWAYS" -le 9 ] || { echo "at most 9 instances and 9 gateways" >&2; exit 2; }

LOGS="$DATA/logs"
mkdir -p "$DATA" "$LOGS"
PIDS=()
NAMES=()

log() { printf '%s [platform] %s\n' "$(date +%H:%M:%S)" "$*"; }

stop_all() {
  trap - EXIT INT TERM
  if [ ${#PIDS[@]} -gt 0 ]; then
    log "stopping ${#PIDS[@]} processes"
    # reverse order: services first, stores last; each process leads its own process group
    for ((i=${#PIDS[@]}-1; i>=0; i--)); do
      kill -TERM -- "-${PIDS[$i]}" 2>/dev/null || true
      for _ in $(seq 1 60); do
        kill -0 "${PIDS[$i]}" 2>/dev/null || break
        sleep 0.25
      done
      kill -KILL -- "-${PIDS[$i]}" 2>/dev/null || true
    done
  fi
  log "stopped"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
  echo "ERROR: $*" >&2
  exit 1
}

require_free_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    fail "port $1 ($2) is already in use; stop what uses it or set another port in the environment"
  fi
}

# start NAME LOGFILE COMMAND...: runs COMMAND in its own session (so it and its children stop together)
start() {
  local name="$1" logfile="$2"
  shift 2
  setsid "$@" >"$logfile" 2>&1 < /dev/null &
  PIDS+=("$!")
  NAMES+=("$name")
  log "started $name (pid $!, log $logfile)"
}

# wait_for NAME PID URL SECONDS: polls URL until it answers 2xx, failing fast if the process died
wait_for() {
  local name="$1" pid="$2" url="$3" seconds="$4" logfile="$5"
  local deadline=$((SECONDS + seconds))
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$logfile" >&2 || true
      fail "$name exited during start-up (log: $logfile)"
    fi
    if [ $SECONDS -ge $deadline ]; then
      tail -n 40 "$logfile" >&2 || true
      fail "$name not healthy after ${seconds}s (log: $logfile)"
    fi
    sleep 0.5
  done
  log "$name is ready"
}

wait_for_port() {
  local name="$1" pid="$2" port="$3" seconds="$4" logfile="$5"
  local deadline=$((SECONDS + seconds))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -n 40 "$logfile" >&2; fail "$name exited during start-up (log: $logfile)"; }
    [ $SECONDS -lt $deadline ] || { tail -n 40 "$logfile" >&2; fail "$name not listening after ${seconds}s"; }
    sleep 0.3
  done
  log "$name is listening on $port"
}

# --- build -------------------------------------------------------------------------------------------
INCIDENT_JAR="$ROOT/incident-service/target/incident-service-0.1.0-SNAPSHOT.jar"
REGION_JAR="$ROOT/region-service/target/region-service-0.1.0-SNAPSHOT.jar"
NOTIFICATION_JAR="$ROOT/notification-service/target/notification-service-0.1.0-SNAPSHOT.jar"
GATEWAY_JAR="$ROOT/gateway/target/gateway-0.1.0-SNAPSHOT.jar"
CONSOLE_JAR="$ROOT/console/target/console-0.1.0-SNAPSHOT.jar"
STORES_JAR="$ROOT/infra/target/infra-stores.jar"
if [ "$BUILD" = 1 ]; then
  log "building (Maven, tests skipped: run them with ./mvnw verify)"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests install -pl incident-service,region-service,notification-service,gateway,console,infra -am)
fi
for jar in "$INCIDENT_JAR" "$REGION_JAR" "$NOTIFICATION_JAR" "$GATEWAY_JAR" "$CONSOLE_JAR" "$STORES_JAR"; do
  [ -f "$jar" ] || fail "$jar is missing: run without --no-build"
done

# --- Keycloak distribution (from Maven Central), built once per data folder ---------------------------
KC_HOME="$DATA/keycloak/keycloak-$KEYCLOAK_VERSION"
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  log "fetching Keycloak $KEYCLOAK_VERSION from Maven Central"
  (cd "$ROOT" && ./mvnw -B -q dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$DATA/downloads")
  mkdir -p "$DATA/keycloak"
  unzip -q -o "$DATA/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$DATA/keycloak"
fi
export JAVA_OPTS="-XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Dfile.encoding=UTF-8 -XX:+ExitOnOutOfMemoryError -Djava.security.egd=file:/dev/urandom -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms128m -Xmx384m"
if [ ! -f "$KC_HOME/.built" ]; then
  log "building Keycloak's optimized server (once)"
  "$KC_HOME/bin/kc.sh" build --db=dev-file --health-enabled=true >"$LOGS/keycloak-build.log" 2>&1 \
    || { tail -n 30 "$LOGS/keycloak-build.log" >&2; fail "Keycloak build failed"; }
  touch "$KC_HOME/.built"
fi
# --import-realm skips an existing realm: start from a fresh Keycloak database when the realm file changed
REALM_HASH="$(sha256sum "$REALM_FILE" | cut -d' ' -f1)"
# a newer Keycloak takes over the database of the one before it (Keycloak migrates it at start): users keep
# their ids, so the subjects recorded in events and the ids derived from them for idempotent retries stay valid
if [ ! -d "$KC_HOME/data/h2" ]; then
  PREVIOUS_KC="$(ls -d "$DATA"/keycloak/keycloak-*/ 2>/dev/null | sed 's:/$::' | grep -vx "$KC_HOME" | sort -V | tail -n 1 || true)"
  if [ -n "$PREVIOUS_KC" ] && [ -d "$PREVIOUS_KC/data/h2" ] \
      && [ "$(cat "$PREVIOUS_KC/.realm-hash" 2>/dev/null || true)" = "$REALM_HASH" ]; then
    log "carrying Keycloak's data over from $(basename "$PREVIOUS_KC")"
    mkdir -p "$KC_HOME/data"
    cp -r "$PREVIOUS_KC/data/h2" "$KC_HOME/data/h2"
    cp "$PREVIOUS_KC/.realm-hash" "$KC_HOME/.realm-hash"
  fi
fi
if [ "$(cat "$KC_HOME/.realm-hash" 2>/dev/null || true)" != "$REALM_HASH" ]; then
  log "realm file changed: resetting Keycloak's development database"
  rm -rf "$KC_HOME/data/h2"
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/ars-realm.json"
  echo "$REALM_HASH" > "$KC_HOME/.realm-hash"
fi

# --- secrets ------------------------------------------------------------------------------------------
# ids of aggregates created with an Idempotency-Key are keyed with a secret, one per data folder, kept across
# restarts (retries keep finding what they created); production sets ARS_ID_SECRET itself
if [ -z "${ARS_ID_SECRET:-}" ]; then
  ID_SECRET_FILE="$DATA/secrets/id-secret"
  if [ ! -s "$ID_SECRET_FILE" ]; then
    mkdir -p "$DATA/secrets"
    (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$ID_SECRET_FILE")
  fi
  ARS_ID_SECRET="$(cat "$ID_SECRET_FILE")"
  export ARS_ID_SECRET
fi
# secret_file NAME: a random secret kept in the data folder's secrets/ (made on first use, readable by this user only)
secret_file() {
  local file="$DATA/secrets/$1"
  if [ ! -s "$file" ]; then
    mkdir -p "$DATA/secrets"
    (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$file")
  fi
  echo "$file"
}
# the console's sessions are encrypted at rest with this key (production sets ARS_CONSOLE_SESSION_KEY itself)
if [ -z "${ARS_CONSOLE_SESSION_KEY:-}" ]; then
  ARS_CONSOLE_SESSION_KEY="$(cat "$(secret_file console-session-key)")"
  export ARS_CONSOLE_SESSION_KEY
fi
# one database role per component, each with only the tables it uses (granted by the migrations): the store launcher
# creates them with these passwords; the schema's owner (ars) runs the migrations
for role in ars_gateway ars_console ars_incident ars_region ars_notification; do
  secret_file "db-$role" >/dev/null
done
# db_env COMPONENT-ROLE: the environment a component connects to PostgreSQL with
db_env() {
  echo "ARS_DB_USER=$1" "ARS_DB_PASSWORD=$(cat "$DATA/secrets/db-$1")"
}

# --- processes ---------------------------------------------------------------------------------------
# instance_port BASE K: where instance K of a service whose first instance listens on BASE listens
instance_port() { echo $(($1 + 1000 * $2)); }
# instance_label NAME K: incident-service, incident-service-1, ...
instance_label() { if [ "$2" = 0 ]; then echo "$1"; else echo "$1-$2"; fi; }
# instance_urls BASE: the URLs of every instance of a service, comma-separated (the gateway balances over them)
instance_urls() {
  local urls="" k
  for ((k=0; k<INSTANCES; k++)); do urls="${urls:+$urls,}http://127.0.0.1:$(instance_port "$1" "$k")"; done
  echo "$urls"
}
require_free_port "$POSTGRES_PORT" PostgreSQL
require_free_port "$MONGO_PORT" MongoDB
if [ "$LOCAL_MAIL" = 1 ]; then
  require_free_port "$SMTP_PORT" "mail server (SMTP)"
  require_free_port "$MAIL_IMAP_PORT" "mail server (IMAP)"
fi
require_free_port "$KEYCLOAK_PORT" Keycloak
require_free_port "$KEYCLOAK_MANAGEMENT_PORT" "Keycloak management"
for ((k=0; k<INSTANCES; k++)); do
  require_free_port "$(instance_port "$INCIDENT_SERVICE_PORT" "$k")" "$(instance_label incident-service "$k")"
  require_free_port "$(instance_port "$REGION_SERVICE_PORT" "$k")" "$(instance_label region-service "$k")"
  require_free_port "$(instance_port "$NOTIFICATION_SERVICE_PORT" "$k")" "$(instance_label notification-service "$k")"
done
for ((j=0; j<GATEWAYS; j++)); do
  require_free_port "$(instance_port "$GATEWAY_PORT" "$j")" "$(instance_label gateway "$j")"
done
for ((k=0; k<INSTANCES; k++)); do
  require_free_port "$(instance_port "$CONSOLE_PORT" "$k")" "$(instance_label console "$k")"
done
declare -A INSTANCE_PID INSTANCE_PORT

# start_instance NAME JAR BASE-PORT K: instance K of a service, on BASE-PORT + 1000*K (given on its command line, so
# that an operator, or a test, can tell the instances apart)
start_instance() {
  local name="$1" jar="$2" base="$3" k="$4" label port role migrations=""
  label="$(instance_label "$name" "$k")"
  port="$(instance_port "$base" "$k")"
  case "$name" in
    incident-service) role=ars_incident ;;
    region-service) role=ars_region ;;
    notification-service) role=ars_notification ;;
    console) role=ars_console ;;
    gateway) role=ars_gateway ;;
  esac
  # the services migrate the schema as its owner; the console and the gateway never hold the owner's password
  case "$name" in *-service) migrations="ARS_DB_MIGRATION_USER=ars ARS_DB_MIGRATION_PASSWORD=ars" ;; esac
  # shellcheck disable=SC2086,SC2046
  start "$label" "$LOGS/$label.log" env $(db_env "$role") $migrations \
    java $SERVICE_JAVA_OPTS -jar "$jar" "--server.port=$port"
  INSTANCE_PID[$label]=${PIDS[-1]}
  INSTANCE_PORT[$label]=$port
}

# banner_lines NAME BASE-PORT COUNT HOST SUFFIX: one line per instance for the table printed once ready
banner_lines() {
  local k label
  for ((k=0; k<$3; k++)); do
    label="$(instance_label "$1" "$k")"
    printf '  %-21s http://%s:%s%s\n' "$label" "$4" "$(instance_port "$2" "$k")" "$5"
  done
}

wait_for_instance() {
  local label="$1" seconds="$2"
  wait_for "$label" "${INSTANCE_PID[$label]}" "http://127.0.0.1:${INSTANCE_PORT[$label]}/actuator/health" "$seconds" \
    "$LOGS/$label.log"
}

# shellcheck disable=SC2086
start postgres "$LOGS/postgres.log" java $STORE_JAVA_OPTS -jar "$STORES_JAR" postgres --port "$POSTGRES_PORT" --data "$DATA/postgres" --roles "$DATA/secrets"
PG_PID=${PIDS[-1]}
# shellcheck disable=SC2086
start mongo "$LOGS/mongo.log" java $STORE_JAVA_OPTS -jar "$STORES_JAR" mongo --port "$MONGO_PORT" --data "$DATA/mongo"
MONGO_PID=${PIDS[-1]}
if [ "$LOCAL_MAIL" = 1 ]; then
  # shellcheck disable=SC2086
  start mail "$LOGS/mail.log" java $STORE_JAVA_OPTS -jar "$STORES_JAR" mail --port "$SMTP_PORT" --imap-port "$MAIL_IMAP_PORT"
  MAIL_PID=${PIDS[-1]}
fi
start keycloak "$LOGS/keycloak.log" env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  "$KC_HOME/bin/kc.sh" start --optimized --cache=local --http-enabled=true \
  --hostname="http://localhost:$KEYCLOAK_PORT" --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
  --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" --import-realm
KC_PID=${PIDS[-1]}

wait_for_port postgres "$PG_PID" "$POSTGRES_PORT" 120 "$LOGS/postgres.log"
until grep -q "PostgreSQL ready" "$LOGS/postgres.log"; do
  kill -0 "$PG_PID" 2>/dev/null || fail "PostgreSQL exited (log: $LOGS/postgres.log)"
  sleep 0.3
done
wait_for_port mongo "$MONGO_PID" "$MONGO_PORT" 60 "$LOGS/mongo.log"
if [ "$LOCAL_MAIL" = 1 ]; then
  wait_for_port mail "$MAIL_PID" "$MAIL_IMAP_PORT" 60 "$LOGS/mail.log"
fi

# the first instance of each service first: it migrates the schema and sets up the processors' segments, which the
# others then share
start_instance incident-service "$INCIDENT_JAR" "$INCIDENT_SERVICE_PORT" 0
start_instance region-service "$REGION_JAR" "$REGION_SERVICE_PORT" 0
start_instance notification-service "$NOTIFICATION_JAR" "$NOTIFICATION_SERVICE_PORT" 0
# the console: it needs neither Keycloak nor the services to start; its sessions (which hold the users' tokens) are in
# PostgreSQL, in tables the services' migrations create, so any of its instances serves any user
start_instance console "$CONSOLE_JAR" "$CONSOLE_PORT" 0

wait_for keycloak "$KC_PID" "http://127.0.0.1:$KEYCLOAK_MANAGEMENT_PORT/health/ready" 240 "$LOGS/keycloak.log"
wait_for "keycloak realm" "$KC_PID" "$KEYCLOAK_ISSUER/.well-known/openid-configuration" 60 "$LOGS/keycloak.log"
wait_for_instance incident-service 180
wait_for_instance region-service 180
wait_for_instance notification-service 180
wait_for console "${INSTANCE_PID[console]}" "http://127.0.0.1:$CONSOLE_PORT/console/actuator/health" 180 "$LOGS/console.log"
for ((k=1; k<INSTANCES; k++)); do
  start_instance console "$CONSOLE_JAR" "$CONSOLE_PORT" "$k"
  start_instance incident-service "$INCIDENT_JAR" "$INCIDENT_SERVICE_PORT" "$k"
  start_instance region-service "$REGION_JAR" "$REGION_SERVICE_PORT" "$k"
  start_instance notification-service "$NOTIFICATION_JAR" "$NOTIFICATION_SERVICE_PORT" "$k"
done
for ((k=1; k<INSTANCES; k++)); do
  wait_for_instance "$(instance_label incident-service "$k")" 240
  wait_for_instance "$(instance_label region-service "$k")" 240
  wait_for_instance "$(instance_label notification-service "$k")" 240
  label="$(instance_label console "$k")"
  wait_for "$label" "${INSTANCE_PID[$label]}" "http://127.0.0.1:${INSTANCE_PORT[$label]}/console/actuator/health" 240 \
    "$LOGS/$label.log"
done

# every gateway balances each route over all the instances of its service
if [ "$INSTANCES" -gt 1 ]; then
  export INCIDENT_SERVICE_URLS="${INCIDENT_SERVICE_URLS:-$(instance_urls "$INCIDENT_SERVICE_PORT")}"
  export REGION_SERVICE_URLS="${REGION_SERVICE_URLS:-$(instance_urls "$REGION_SERVICE_PORT")}"
  export NOTIFICATION_SERVICE_URLS="${NOTIFICATION_SERVICE_URLS:-$(instance_urls "$NOTIFICATION_SERVICE_PORT")}"
  export CONSOLE_URLS="${CONSOLE_URLS:-$(instance_urls "$CONSOLE_PORT")}"
fi
# several gateways share their callers' rate-limit buckets in PostgreSQL, so that together they allow the rate once
if [ "$GATEWAYS" -gt 1 ]; then
  export ARS_GATEWAY_RATE_LIMIT_STORE="${ARS_GATEWAY_RATE_LIMIT_STORE:-postgresql}"
fi
for ((j=0; j<GATEWAYS; j++)); do
  start_instance gateway "$GATEWAY_JAR" "$GATEWAY_PORT" "$j"
done
for ((j=0; j<GATEWAYS; j++)); do
  wait_for_instance "$(instance_label gateway "$j")" 120
done

cat <<TABLE

  ARS cyber-incident coordination platform: ready
  ------------------------------------------------------------------------------------------------
  the entry (GATEWAY_PORT; a gateway balances each service over all its instances):
$(banner_lines gateway "$GATEWAY_PORT" "$GATEWAYS" localhost "")
  console               http://localhost:$GATEWAY_PORT/console/  (sign in with a demo user below; reached through the
                        gateway; its instances, loopback, on CONSOLE_PORT + 1000*k:)
$(banner_lines console "$CONSOLE_PORT" "$INSTANCES" 127.0.0.1 /console/)
  API docs              http://localhost:$GATEWAY_PORT/swagger-ui.html
  the services, loopback only (INCIDENT_SERVICE_PORT, REGION_SERVICE_PORT, NOTIFICATION_SERVICE_PORT; instance k
  on the port + 1000*k):
$(banner_lines incident-service "$INCIDENT_SERVICE_PORT" "$INSTANCES" 127.0.0.1 "")
$(banner_lines region-service "$REGION_SERVICE_PORT" "$INSTANCES" 127.0.0.1 "")
$(banner_lines notification-service "$NOTIFICATION_SERVICE_PORT" "$INSTANCES" 127.0.0.1 "")
  public communiqués    http://localhost:$GATEWAY_PORT/feeds/communiques.atom  (no token)
  Keycloak              http://localhost:$KEYCLOAK_PORT  realm ars, admin/admin   (KEYCLOAK_PORT)
  token endpoint        $KEYCLOAK_ISSUER/protocol/openid-connect/token
  PostgreSQL            localhost:$POSTGRES_PORT  database ars, user ars/ars       (POSTGRES_PORT)
  MongoDB-compatible    localhost:$MONGO_PORT                                      (MONGO_PORT)
  mail (SMTP / IMAP)    $([ "$LOCAL_MAIL" = 1 ] && echo "localhost:$SMTP_PORT / localhost:$MAIL_IMAP_PORT, user = recipient's address (SMTP_PORT, MAIL_IMAP_PORT)" || echo "${SMTP_HOST}:$SMTP_PORT")
  public pages          http://localhost:$GATEWAY_PORT/public/  (subscriptions: /public/abonnement)
  data and logs         $DATA
  ------------------------------------------------------------------------------------------------
  demo users (development realm only), password demo-password:
    ars-hdf, ars-nor          ars-staff of FR-HDF / FR-NOR
    esante-hdf, esante-nor    esante-staff (GRADeS) of FR-HDF / FR-NOR
    comms-hdf, comms-nor      communication-officer of FR-HDF / FR-NOR
    comms-esante-hdf, -nor    communication-officer of the GRADeS of FR-HDF / FR-NOR (joint communiqués)
    national                  national-coordinator      auditor   auditor
  client credentials: communique-publisher / dev-publisher-secret
  Ctrl-C stops everything.

TABLE

if [ "$DEMO" = 1 ]; then
  log "recording the reference scenario (infra/demo.sh)"
  "$ROOT/infra/demo.sh" || log "the demo scenario failed; the platform keeps running"
fi

log "platform running"
# keep running until stopped; report a process that dies on its own
while true; do
  for i in "${!PIDS[@]}"; do
    if [ -n "${PIDS[$i]}" ] && ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      log "WARNING: ${NAMES[$i]} (pid ${PIDS[$i]}) has stopped; see $LOGS/${NAMES[$i]}.log"
      PIDS[$i]=""
    fi
  done
  sleep 2
done
