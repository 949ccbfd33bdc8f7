#!/usr/bin/env bash
# faaskar benchmark: one run, one load generator (wrk), numbers side by side with their ratios.
#   (a) requests/s and p50/p99 latency of a function through the gateway vs the same watchdog
#       called directly, in classic (fork per request, fprocess=cat) and http mode;
#   (b) watchdog classic-mode requests/s with fprocess=cat (fork cost, vs http mode);
#   (c) deploy -> first successful invocation on the local provider, vs a bare watchdog's start.
# Usage: distribution/benchmark/benchmark.sh [seconds-per-run (10)] [connections (16)] [warm-up seconds per target (5)]
# It builds faaskar if needed, runs a private copy on ports 18080/18082, and cleans up after itself.
set -euo pipefail

DURATION="${1:-10}"
CONNECTIONS="${2:-16}"
WARMUP="${3:-5}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/distribution/benchmark"
GW_PORT=18080
PASSWORD="bench-$RANDOM$RANDOM"
WORK="$(mktemp -d /tmp/faaskar-bench.XXXXXX)"
PIDS=()

cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  if [ -x "$WORK/faaskar/bin/stop" ]; then
    "$WORK/faaskar/bin/stop" >/dev/null 2>&1 || true
    for _ in $(seq 1 60); do "$WORK/faaskar/bin/status" >/dev/null 2>&1 || break; sleep 0.5; done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "installing wrk from Debian's packages"; apt-get install -y -qq wrk >/dev/null; }

ARCHIVE="$(ls "$ROOT"/distribution/assembly/target/faaskar-*.tar.gz 2>/dev/null | head -1 || true)"
WATCHDOG_JAR="$(ls "$ROOT"/watchdog/target/io.faaskar.watchdog-*.jar 2>/dev/null | head -1 || true)"
if [ -z "$ARCHIVE" ] || [ -z "$WATCHDOG_JAR" ]; then
  echo "building faaskar (mvn install -DskipTests)"
  (cd "$ROOT" && mvn -B -q install -DskipTests)
  ARCHIVE="$(ls "$ROOT"/distribution/assembly/target/faaskar-*.tar.gz | head -1)"
  WATCHDOG_JAR="$(ls "$ROOT"/watchdog/target/io.faaskar.watchdog-*.jar | head -1)"
fi

# A private faaskar on its own ports, so a running one is left alone.
mkdir -p "$WORK/faaskar"
tar -xzf "$ARCHIVE" -C "$WORK/faaskar" --strip-components=1
ETC="$WORK/faaskar/etc"
sed -i -e "s/^#\?\s*metricsPort\s*=.*/metricsPort = 18082/" "$ETC/io.faaskar.gateway.cfg"
grep -q '^metricsPort' "$ETC/io.faaskar.gateway.cfg" || echo "metricsPort = 18082" >> "$ETC/io.faaskar.gateway.cfg"
sed -i -e "s/^sshPort\s*=.*/sshPort = 18101/" "$ETC/org.apache.karaf.shell.cfg"

echo "starting faaskar on 127.0.0.1:$GW_PORT"
FAASKAR_ADMIN_PASSWORD="$PASSWORD" FAASKAR_GATEWAY_PORT="$GW_PORT" "$WORK/faaskar/bin/start"
GW="http://127.0.0.1:$GW_PORT"
for _ in $(seq 1 120); do curl -sf "$GW/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf "$GW/healthz" >/dev/null || { echo "faaskar did not start"; tail -50 "$WORK/faaskar/data/log/karaf.log"; exit 1; }
for _ in $(seq 1 60); do curl -sf -u "admin:$PASSWORD" "$GW/system/functions" >/dev/null 2>&1 && break; sleep 0.5; done

api() { curl -sS -o /dev/null -w '%{http_code}' -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$@"; }
now_ms() { date +%s%3N; }
wait_200() { # url
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -d x "$1")" = "200" ] && return 0
    sleep 0.02
  done
  echo "no 200 from $1"; return 1
}

UPSTREAM_CMD="java $HERE/EchoUpstream.java"
api -X POST "$GW/system/functions" -d '{"service":"bench-classic","envProcess":"cat"}' >/dev/null
api -X POST "$GW/system/functions" -d "{\"service\":\"bench-http\",\"envProcess\":\"$UPSTREAM_CMD\",\"envVars\":{\"mode\":\"http\",\"upstream_url\":\"http://127.0.0.1:5000\"}}" >/dev/null

# The same watchdog jar, started directly, one per mode.
start_watchdog() { # port mode extra-env...
  local port=$1 mode=$2; shift 2
  mkdir -p "$WORK/wd-$port"
  env port="$port" mode="$mode" healthcheck_interval=0s "$@" \
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx64m -Djava.io.tmpdir="$WORK/wd-$port" \
    -jar "$WATCHDOG_JAR" >"$WORK/wd-$port.log" 2>&1 &
  PIDS+=($!)
}
start_watchdog 19001 classic fprocess=cat
start_watchdog 19002 http fprocess="$UPSTREAM_CMD" upstream_url=http://127.0.0.1:19003 http_port=19003

wait_200 "$GW/function/bench-classic"
wait_200 "$GW/function/bench-http"
wait_200 "http://127.0.0.1:19001/"
wait_200 "http://127.0.0.1:19002/"

# wrk -> "rps p50_ms p99_ms"
to_ms() { awk '{ v=$1; if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v+0} else if (v ~ /s$/) {sub(/s$/,"",v); print v*1000} else print v }'; }
load() { # url: an unmeasured warm-up run (JIT), then the measured one
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$HERE/post.lua" "$1" >/dev/null
  local out; out="$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$HERE/post.lua" "$1")"
  local rps p50 p99 errors
  rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  p50="$(echo "$out" | awk '$1=="50%" {print $2}' | to_ms)"
  p99="$(echo "$out" | awk '$1=="99%" {print $2}' | to_ms)"
  errors="$(echo "$out" | awk '/Non-2xx/ {print $NF}')"
  echo "$rps $p50 $p99 ${errors:-0}"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }

echo "load: wrk, 2 threads, $CONNECTIONS connections, ${WARMUP}s warm-up then ${DURATION}s measured per target, POST 13 bytes"
read -r C_GW_RPS C_GW_P50 C_GW_P99 C_GW_ERR < <(load "$GW/function/bench-classic")
read -r C_WD_RPS C_WD_P50 C_WD_P99 C_WD_ERR < <(load "http://127.0.0.1:19001/")
read -r H_GW_RPS H_GW_P50 H_GW_P99 H_GW_ERR < <(load "$GW/function/bench-http")
read -r H_WD_RPS H_WD_P50 H_WD_P99 H_WD_ERR < <(load "http://127.0.0.1:19002/")

# (c) deploy -> first successful invocation, five times; vs a bare watchdog process start.
DEPLOY_MS=()
for i in 1 2 3 4 5; do
  t0=$(now_ms)
  api -X POST "$GW/system/functions" -d "{\"service\":\"bench-cold-$i\",\"envProcess\":\"cat\"}" >/dev/null
  wait_200 "$GW/function/bench-cold-$i"
  DEPLOY_MS+=($(( $(now_ms) - t0 )))
  api -X DELETE "$GW/system/functions" -d "{\"functionName\":\"bench-cold-$i\"}" >/dev/null
done
START_MS=()
for i in 1 2 3 4 5; do
  port=$((19010 + i))
  t0=$(now_ms)
  start_watchdog "$port" classic fprocess=cat
  wait_200 "http://127.0.0.1:$port/"
  START_MS+=($(( $(now_ms) - t0 )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
D_MED=$(median "${DEPLOY_MS[@]}")
S_MED=$(median "${START_MS[@]}")

printf '\n%-44s %12s %12s %8s\n' "" "gateway" "direct" "ratio"
printf '%-44s %12s %12s %8s\n' "classic (cat)  requests/s" "$C_GW_RPS" "$C_WD_RPS" "$(ratio "$C_GW_RPS" "$C_WD_RPS")"
printf '%-44s %12s %12s %8s\n' "classic (cat)  p50 ms" "$C_GW_P50" "$C_WD_P50" "$(ratio "$C_GW_P50" "$C_WD_P50")"
printf '%-44s %12s %12s %8s\n' "classic (cat)  p99 ms" "$C_GW_P99" "$C_WD_P99" "$(ratio "$C_GW_P99" "$C_WD_P99")"
printf '%-44s %12s %12s %8s\n' "http (echo)    requests/s" "$H_GW_RPS" "$H_WD_RPS" "$(ratio "$H_GW_RPS" "$H_WD_RPS")"
printf '%-44s %12s %12s %8s\n' "http (echo)    p50 ms" "$H_GW_P50" "$H_WD_P50" "$(ratio "$H_GW_P50" "$H_WD_P50")"
printf '%-44s %12s %12s %8s\n' "http (echo)    p99 ms" "$H_GW_P99" "$H_WD_P99" "$(ratio "$H_GW_P99" "$H_WD_P99")"
printf '%-44s %12s\n' "non-2xx answers (gw classic/direct/gw http/direct)" "$C_GW_ERR/$C_WD_ERR/$H_GW_ERR/$H_WD_ERR"
printf '\n%-44s %12s %12s %8s\n' "watchdog direct" "classic/cat" "http/echo" "ratio"
printf '%-44s %12s %12s %8s\n' "requests/s" "$C_WD_RPS" "$H_WD_RPS" "$(ratio "$C_WD_RPS" "$H_WD_RPS")"
printf '\n%-44s %12s %12s %8s\n' "cold start, median of 5" "deploy->200" "bare start" "ratio"
printf '%-44s %12s %12s %8s\n' "milliseconds (local provider vs watchdog)" "$D_MED" "$S_MED" "$(ratio "$D_MED" "$S_MED")"
