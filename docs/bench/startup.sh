#!/usr/bin/env bash
# Cold start to healthy, twice: the first start seeds the demo province into an empty ./data,
# the second finds it there. Prints seconds to a 200 from /actuator/health and the RSS then.
# Usage: docs/bench/startup.sh [runs]   (needs target/carebridge.jar: ./mvnw -DskipTests package)
set -euo pipefail
jar=$(cd "$(dirname "$0")/../.." && pwd)/target/carebridge.jar
runs=${1:-3}
port=18080
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT

start() {
  local label=$1
  local t0=$(date +%s.%N)
  (cd "$work" && exec java -jar "$jar" --server.port=$port >"$work/$label.log" 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$port/actuator/health"; do sleep 0.1; done
  local t1=$(date +%s.%N)
  local jpid=$(pgrep -f "carebridge.jar --server.port=$port" | head -1)
  local rss=$(awk '/VmRSS/ {print $2}' /proc/$jpid/status)
  printf '%-14s healthy after %5.1f s   RSS %4d MB\n' "$label" "$(echo "$t1 - $t0" | bc)" $((rss / 1024))
  kill $jpid; wait $pid 2>/dev/null || true
}

for i in $(seq 1 "$runs"); do
  rm -rf "$work/data"
  start "first-start"
  start "second-start"
done
