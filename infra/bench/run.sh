#!/usr/bin/env bash
# The benchmark (not part of the tests' pass/fail). Uses the platform running on the usual ports if the
# gateway answers; otherwise starts one with infra/run.sh (separate data folder, stores emptied, rate limits
# raised for the load) and stops it afterwards. Prints a table and writes bench-results.json in the current
# folder. BENCH_REPLAY_EVENTS changes the number of events seeded for the replay figure (default 100000);
# BENCH_PHASES=gateway,store,lag,replay,surge runs only some parts (after the warm-up; memory is always measured);
# the surge phase has BENCH_SURGE_READERS (1,000) people read the public pages for BENCH_SURGE_SECONDS (60) while ARS
# staff send commands;
# BENCH_PHASES=observables appends BENCH_OBSERVABLES observables (200,000) over BENCH_OBSERVABLE_INCIDENTS incidents
# (50,000) and times the reads that cross regions;
# the scale phase (BENCH_PHASES=scale, or the list of all five) loads BENCH_SCALE_EVENTS events (1,000,000 by
# default: 50,000 incidents, campaigns, communiqués) and measures the platform on that history.
# The gateway phase also measures one nginx hop in front of incident-service (Debian's nginx, installed when
# missing; BENCH_NGINX=0 leaves it out): the floor a reverse proxy costs on this machine, beside the gateway.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$(pwd)/bench-results.json"
export GATEWAY_PORT="${GATEWAY_PORT:-8080}"

COLD=""
RUN_PID=""
if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$GATEWAY_PORT/actuator/health" 2>/dev/null; then
  # its jars are in use: they are not rebuilt under it (only the benchmark program, if missing)
  echo "using the platform already running on port $GATEWAY_PORT"
  [ -f "$ROOT/bench/target/bench.jar" ] || (cd "$ROOT" && ./mvnw -B -q -DskipTests install -pl bench -am)
else
  echo "building (tests skipped)"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests install)
  export ARS_DATA_DIR="${BENCH_DATA_DIR:-$ROOT/target/bench-platform}"
  rm -rf "$ARS_DATA_DIR/postgres" "$ARS_DATA_DIR/mongo" "$ARS_DATA_DIR/logs"
  mkdir -p "$ARS_DATA_DIR"
  export ARS_GATEWAY_RATE_AUTHENTICATED=1000000 ARS_GATEWAY_BURST_AUTHENTICATED=100000
  # the surge's thousand readers all come from this machine's one address, where they would come from a thousand:
  # the per-address limit of the public pages is lifted, the public lane's own limits are not
  export ARS_GATEWAY_RATE_PUBLIC=1000000 ARS_GATEWAY_BURST_PUBLIC=100000
  # the asOf calls of the scale phase are measured, not limited
  export ARS_AS_OF_PER_MINUTE=100000 ARS_AS_OF_BURST=1000
  # the bench records incidents aware of long ago: their reminders would be recorded during the measures; the
  # reminder schedule projection still follows every event (it is part of the catch-up measured)
  export ARS_REMINDER_SWEEP_INTERVAL="${ARS_REMINDER_SWEEP_INTERVAL:-PT6H}"
  if [ ! -f "$ARS_DATA_DIR/keycloak/keycloak-${KEYCLOAK_VERSION:-26.7.3}/.built" ]; then
    echo "preparing Keycloak once (not counted in the cold start)"
    "$ROOT/infra/run.sh" --no-build > "$ARS_DATA_DIR/prepare.out" 2>&1 &
    prepare=$!
    until grep -q "platform running" "$ARS_DATA_DIR/prepare.out" 2>/dev/null; do
      kill -0 "$prepare" 2>/dev/null || { cat "$ARS_DATA_DIR/prepare.out"; exit 1; }
      sleep 1
    done
    kill -TERM "$prepare"; wait "$prepare" || true
    rm -rf "$ARS_DATA_DIR/postgres" "$ARS_DATA_DIR/mongo"
  fi
  echo "starting the platform (cold start measured)"
  start=$(date +%s.%N)
  "$ROOT/infra/run.sh" --no-build > "$ARS_DATA_DIR/bench-run.out" 2>&1 &
  RUN_PID=$!
  trap 'kill -TERM "$RUN_PID" 2>/dev/null; wait "$RUN_PID" 2>/dev/null || true' EXIT
  until grep -q "platform running" "$ARS_DATA_DIR/bench-run.out" 2>/dev/null; do
    kill -0 "$RUN_PID" 2>/dev/null || { cat "$ARS_DATA_DIR/bench-run.out"; exit 1; }
    sleep 0.2
  done
  COLD=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
fi

# one nginx hop to incident-service, kept-alive upstream connections, as a reverse proxy is run in production
NGINX_PID=""
if [ "${BENCH_NGINX:-1}" = 1 ]; then
  if ! command -v nginx >/dev/null 2>&1; then
    echo "installing nginx (Debian package) for the proxy-hop floor"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq nginx-light >/dev/null 2>&1 \
      || $SUDO apt-get install -y -qq nginx >/dev/null
  fi
  NGINX_DIR="$(mktemp -d)"
  NGINX_PORT="${BENCH_NGINX_PORT:-18081}"
  mkdir -p "$NGINX_DIR/logs"
  cat > "$NGINX_DIR/nginx.conf" <<CONF
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream incident_service { server 127.0.0.1:${INCIDENT_SERVICE_PORT:-8081}; keepalive 32; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    client_body_temp_path $NGINX_DIR/body;
    proxy_temp_path $NGINX_DIR/proxy;
    location / {
      proxy_pass http://incident_service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
CONF
  nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -g 'daemon off;' &
  NGINX_PID=$!
  trap 'kill "$NGINX_PID" 2>/dev/null || true; kill -TERM "$RUN_PID" 2>/dev/null; wait "$RUN_PID" 2>/dev/null || true' EXIT
  export BENCH_NGINX_URL="http://127.0.0.1:$NGINX_PORT"
fi

java -Xmx512m -jar "$ROOT/bench/target/bench.jar" "$OUT" "$COLD"
