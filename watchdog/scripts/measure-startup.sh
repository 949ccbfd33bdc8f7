#!/usr/bin/env bash
# Time from `java -jar` process start to the first 200 on /_/health (classic mode, fprocess=cat).
# Usage: watchdog/scripts/measure-startup.sh [runs] [extra JVM options...]
# Needs the built jar (mvn -o install -pl watchdog) and curl.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$(ls "$here"/target/io.faaskar.watchdog-*.jar | head -1)"
runs="${1:-5}"; shift || true
port=$((20000 + RANDOM % 20000))
results=()
for i in $(seq 1 "$runs"); do
  tmp="$(mktemp -d)"
  start=$(date +%s%N)
  fprocess=cat port=$port healthcheck_interval=0s java "$@" -Djava.io.tmpdir="$tmp" -jar "$jar" >"$tmp/log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/_/health" 2>/dev/null)" = "200" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "watchdog died:"; cat "$tmp/log"; exit 1; }
    sleep 0.002
  done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  results+=("$ms")
  echo "run $i: ${ms} ms"
  kill -TERM "$pid"; wait "$pid" || true
  rm -rf "$tmp"
done
sorted=($(printf '%s\n' "${results[@]}" | sort -n))
echo "median: ${sorted[$(( runs / 2 ))]} ms (min ${sorted[0]} ms, max ${sorted[$(( runs - 1 ))]} ms) over $runs runs; $(java -version 2>&1 | head -1); $(nproc) cores"
