#!/usr/bin/env bash
# GET /api/patients under 16 concurrent clients (wrk, 2 threads), against two baselines measured in the
# same run: /api/me (sign-in, no patient data) and /actuator/health (no sign-in).
# Usage: docs/bench/api-latency.sh [seconds]   (needs target/carebridge.jar and Debian's wrk)
set -euo pipefail
jar=$(cd "$(dirname "$0")/../.." && pwd)/target/carebridge.jar
seconds=${1:-30}
port=18090
work=$(mktemp -d)
(cd "$work" && exec java -jar "$jar" --server.port=$port >"$work/app.log" 2>&1) &
trap 'pkill -f "carebridge.jar --server.port=$port" || true; rm -rf "$work"' EXIT
until curl -sf -o /dev/null "http://localhost:$port/actuator/health"; do sleep 0.5; done
auth="Authorization: Basic $(printf coordinator:coordinator | base64)"
url="http://localhost:$port"

run() {
  local label=$1 path=$2; shift 2
  wrk -t2 -c16 -d"${seconds}s" --latency "$@" "$url$path" >"$work/wrk.txt"
  local p50=$(awk '$1=="50%" {print $2}' "$work/wrk.txt")
  local p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
  local rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  local errors=$(grep -E "Non-2xx|Socket errors" "$work/wrk.txt" | tr '\n' ' ')
  printf '%-32s p50 %8s  p99 %8s  %9s req/s %s\n' "$label" "$p50" "$p99" "$rps" "$errors"
}

# warm up the JIT and the pools on every path first
for path in "/api/patients?size=20" "/api/me"; do wrk -t2 -c16 -d10s -H "$auth" "$url$path" >/dev/null; done
run "GET /actuator/health" "/actuator/health"
run "GET /api/me" "/api/me" -H "$auth"
run "GET /api/patients?size=20" "/api/patients?size=20" -H "$auth"
run "GET /api/patients?q=wang&regionId=1" "/api/patients?q=wang&regionId=1&size=20" -H "$auth"
