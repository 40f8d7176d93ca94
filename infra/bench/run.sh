#!/usr/bin/env bash
# The benchmark (not part of the tests' pass/fail). Uses the platform running on the usual ports if the
# gateway answers; otherwise starts one with infra/run.sh (separate data folder, stores emptied, rate limits
# raised for the load) and stops it afterwards. Prints a table and writes bench-results.json in the current
# folder. BENCH_REPLAY_EVENTS changes the number of events seeded for the replay figure (default 100000);
# BENCH_LAG_ROUNDS repeats the lag phase (each round after its idle time; the last round's figures are kept);
# BENCH_PHASES=gateway,store,lag,delivery,console,replay,surge,failover runs only some parts (after the warm-up; memory
# is always measured); the console phase counts the requests of an open console page in a headless Chromium for
# BENCH_IDLE_PAGE_SECONDS (60) while nothing happens; the failover phase (in the default run) starts the platform again
# with two instances of each service and SIGKILLs each service's second instance in turn, timing the takeover;
# the delivery phase publishes BENCH_DELIVERIES (30) communiqués to a webhook receiver of its own, one after the
# other; the surge phase has BENCH_SURGE_READERS (1,000) people read the public pages for BENCH_SURGE_SECONDS (60) while ARS
# staff send commands;
# BENCH_PHASES=observables appends BENCH_OBSERVABLES observables (200,000) over BENCH_OBSERVABLE_INCIDENTS incidents
# (50,000) and times the reads that cross regions;
# the scale phase (BENCH_PHASES=scale, or the list of all five) loads BENCH_SCALE_EVENTS events (1,000,000 by
# default: 50,000 incidents, campaigns, communiqués) and measures the platform on that history.
# The gateway phase also measures one nginx hop in front of incident-service (Debian's nginx, installed when
# missing; BENCH_NGINX=0 leaves it out): the floor a reverse proxy costs on this machine, beside the gateway.
# BENCH_BASELINE=<git ref> (a commit, a tag: the previous release) measures that release first, in the same run, with
# this benchmark program and the same phases on a platform of its own (built with `package` in a worktree under
# target/, so its artifacts stay out of the local Maven repository), then this one; each figure is printed beside
# the baseline's and both are written (bench-baseline-results.json, bench-results.json).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$(pwd)/bench-results.json"
export GATEWAY_PORT="${GATEWAY_PORT:-8080}"

COLD=""
RUN_PID=""

# the load's settings of a platform the benchmark starts
bench_environment() {
  export ARS_GATEWAY_RATE_AUTHENTICATED=1000000 ARS_GATEWAY_BURST_AUTHENTICATED=100000
  # the surge's thousand readers all come from this machine's one address, where they would come from a thousand:
  # the per-address limit of the public pages is lifted, the public lane's own limits are not
  export ARS_GATEWAY_RATE_PUBLIC=1000000 ARS_GATEWAY_BURST_PUBLIC=100000
  # the asOf calls of the scale phase are measured, not limited
  export ARS_AS_OF_PER_MINUTE=100000 ARS_AS_OF_BURST=1000
  # the bench records incidents aware of long ago: their reminders would be recorded during the measures; the
  # reminder schedule projection still follows every event (it is part of the catch-up measured)
  export ARS_REMINDER_SWEEP_INTERVAL="${ARS_REMINDER_SWEEP_INTERVAL:-PT6H}"
  # the delivery phase's webhook receiver listens on this machine
  export ARS_WEBHOOK_ALLOWED_TARGETS="${ARS_WEBHOOK_ALLOWED_TARGETS:-127.0.0.1/32}"
}

# starts the platform of source tree $1 on data folder $2 (stores emptied; further arguments go to infra/run.sh), sets
# RUN_PID and COLD
start_platform() {
  local tree="$1"
  export ARS_DATA_DIR="$2"
  shift 2
  rm -rf "$ARS_DATA_DIR/postgres" "$ARS_DATA_DIR/mongo" "$ARS_DATA_DIR/logs"
  mkdir -p "$ARS_DATA_DIR"
  if [ ! -f "$ARS_DATA_DIR/keycloak/keycloak-${KEYCLOAK_VERSION:-26.7.3}/.built" ]; then
    echo "preparing Keycloak once (not counted in the cold start)"
    "$tree/infra/run.sh" --no-build > "$ARS_DATA_DIR/prepare.out" 2>&1 &
    prepare=$!
    until grep -q "platform running" "$ARS_DATA_DIR/prepare.out" 2>/dev/null; do
      kill -0 "$prepare" 2>/dev/null || { cat "$ARS_DATA_DIR/prepare.out"; exit 1; }
      sleep 1
    done
    kill -TERM "$prepare"; wait "$prepare" || true
    rm -rf "$ARS_DATA_DIR/postgres" "$ARS_DATA_DIR/mongo"
  fi
  echo "starting the platform of $tree (cold start measured)"
  start=$(date +%s.%N)
  "$tree/infra/run.sh" --no-build "$@" > "$ARS_DATA_DIR/bench-run.out" 2>&1 &
  RUN_PID=$!
  trap 'kill -TERM "$RUN_PID" 2>/dev/null; wait "$RUN_PID" 2>/dev/null || true' EXIT
  until grep -q "platform running" "$ARS_DATA_DIR/bench-run.out" 2>/dev/null; do
    kill -0 "$RUN_PID" 2>/dev/null || { cat "$ARS_DATA_DIR/bench-run.out"; exit 1; }
    sleep 0.2
  done
  COLD=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
}

stop_platform() {
  kill -TERM "$RUN_PID" 2>/dev/null || true
  wait "$RUN_PID" 2>/dev/null || true
  RUN_PID=""
}

# the phases the benchmark program runs on the usual platform (failover runs on a platform of its own, below)
MAIN_PHASES="$(echo ",${BENCH_PHASES:-all}," | sed 's/,failover,/,/g; s/^,//; s/,$//')"
failover_wanted() { case ",${BENCH_PHASES:-all}," in *,all,*|*,failover,*) return 0 ;; esac; return 1; }

# the main phases of the platform running on the usual ports, into $1 (nothing to measure: an empty set of figures)
measure() {
  if [ -n "$MAIN_PHASES" ]; then
    BENCH_PHASES="$MAIN_PHASES" java -Xmx512m -jar "$ROOT/bench/target/bench.jar" "$1" "$COLD"
  else
    echo '{}' > "$1"
  fi
}

# the failover phase: the platform of source tree $1 started again on data folder $2 with two instances of each
# service, each one's second instance killed in turn; its figures are added to the results file $3
measure_failover() {
  local part="${3%.json}-failover.json"
  echo "starting the platform of $1 with two instances of each service (failover phase)"
  start_platform "$1" "$2" --instances 2
  BENCH_PHASES=failover java -Xmx256m -jar "$ROOT/bench/target/bench.jar" "$part" ""
  stop_platform
  jq -s '.[0] + .[1]' "$3" "$part" > "$3.tmp" && mv "$3.tmp" "$3"
}

# the console phase's browser (Debian's chromium and its driver, as the tests use), installed when missing, before the
# baseline is measured (its console phase needs it too)
case ",${BENCH_PHASES:-all}," in
  *,all,*|*,console,*)
    if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
      echo "installing chromium and chromium-driver (Debian packages) for the idle console page"
      SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
      $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null \
        || echo "chromium could not be installed: the console phase will be left out"
    fi ;;
esac

BASELINE_OUT=""
if [ -n "${BENCH_BASELINE:-}" ]; then
  if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$GATEWAY_PORT/actuator/health" 2>/dev/null; then
    echo "BENCH_BASELINE needs the usual ports free: a platform is running on $GATEWAY_PORT" >&2
    exit 1
  fi
  echo "building (tests skipped)"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests install)
  BASE_TREE="$ROOT/target/bench-baseline-src"
  git -C "$ROOT" worktree remove --force "$BASE_TREE" >/dev/null 2>&1 || rm -rf "$BASE_TREE"
  git -C "$ROOT" worktree prune
  git -C "$ROOT" worktree add --detach "$BASE_TREE" "$BENCH_BASELINE" >/dev/null
  echo "building the baseline $BENCH_BASELINE ($(git -C "$BASE_TREE" log -1 --format=%h))"
  (cd "$BASE_TREE" && ./mvnw -B -q -DskipTests package)
  bench_environment
  start_platform "$BASE_TREE" "${BENCH_BASELINE_DATA_DIR:-$ROOT/target/bench-baseline-platform}"
  BASELINE_OUT="$(pwd)/bench-baseline-results.json"
  BENCH_NGINX_URL="" measure "$BASELINE_OUT"
  stop_platform
  if failover_wanted; then
    measure_failover "$BASE_TREE" "${BENCH_BASELINE_DATA_DIR:-$ROOT/target/bench-baseline-platform}" "$BASELINE_OUT"
  fi
  git -C "$ROOT" worktree remove --force "$BASE_TREE" >/dev/null 2>&1 || true
fi

STARTED=1
if [ -z "$BASELINE_OUT" ] && curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$GATEWAY_PORT/actuator/health" 2>/dev/null; then
  # its jars are in use: they are not rebuilt under it (only the benchmark program, if missing)
  echo "using the platform already running on port $GATEWAY_PORT"
  STARTED=0
  [ -f "$ROOT/bench/target/bench.jar" ] || (cd "$ROOT" && ./mvnw -B -q -DskipTests install -pl bench -am)
else
  if [ -z "$BASELINE_OUT" ]; then
    echo "building (tests skipped)"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests install)
  fi
  bench_environment
  start_platform "$ROOT" "${BENCH_DATA_DIR:-$ROOT/target/bench-platform}"
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

measure "$OUT"
if failover_wanted; then
  if [ "$STARTED" = 1 ]; then
    [ -z "$NGINX_PID" ] || kill "$NGINX_PID" 2>/dev/null || true
    stop_platform
    measure_failover "$ROOT" "${BENCH_DATA_DIR:-$ROOT/target/bench-platform}" "$OUT"
  else
    echo "failover phase left out: it needs a platform of its own (stop the running one)"
  fi
fi

if [ -n "$BASELINE_OUT" ]; then
  echo
  echo "beside the baseline $BENCH_BASELINE (same program, same phases, same machine, one run):"
  jq -r -n --slurpfile base "$BASELINE_OUT" --slurpfile now "$OUT" '
    ($base[0] | to_entries | map(select(.value | type == "number")) | from_entries) as $b
    | $now[0] | to_entries[] | select(.value | type == "number") | select($b[.key] != null)
    | [.key, ($b[.key] * 100 | round / 100 | tostring), (.value * 100 | round / 100 | tostring)]
    | @tsv' | awk -F'\t' 'BEGIN { printf "  %-52s %14s %14s\n", "figure", "baseline", "this build" }
                         { printf "  %-52s %14s %14s\n", $1, $2, $3 }'
fi
