#!/usr/bin/env bash
# POST /api/assessments under 32 concurrent clients (wrk, 2 threads), and under 4 for the latency of an
# unsaturated server, against a baseline in the same run: GET /api/me (sign-in, no rules). Usage: docs/bench/assessment-api.sh [seconds]
set -euo pipefail
jar=$(cd "$(dirname "$0")/../.." && pwd)/target/carebridge.jar
seconds=${1:-30}
port=18091
work=$(mktemp -d)
(cd "$work" && exec java -jar "$jar" --server.port=$port ${APP_ARGS:-} >"$work/app.log" 2>&1) &
trap 'pkill -f "carebridge.jar --server.port=$port" || true; rm -rf "$work"' EXIT
until curl -sf -o /dev/null "http://localhost:$port/actuator/health"; do sleep 0.5; done
auth="Basic $(printf doctor:doctor | base64)"
cat >"$work/assess.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "$auth"
wrk.body = '{"ageYears": 70, "sex": "FEMALE", "suspectedConditions": ["INFECTION", "PNEUMONIA"], "observations": {"respiratoryRate": 22, "oxygenSaturation": 95, "onSupplementalOxygen": false, "systolicBp": 105, "diastolicBp": 70, "heartRate": 112, "consciousness": "ALERT", "temperature": 38.6, "bloodUrea": 8.1, "fastingPlasmaGlucose": 7.2, "hba1c": 6.8}}'
LUA
run() {
  local label=$1 clients=$2; shift 2
  wrk -t2 -c"$clients" -d"${seconds}s" --latency "$@" >"$work/wrk.txt"
  printf '%-36s p50 %8s  p99 %8s  %9s req/s %s\n' "$label" \
    "$(awk '$1=="50%" {print $2}' "$work/wrk.txt")" "$(awk '$1=="99%" {print $2}' "$work/wrk.txt")" \
    "$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")" "$(grep -E 'Non-2xx|Socket errors' "$work/wrk.txt" | tr '\n' ' ')"
}
wrk -t2 -c32 -d10s -s "$work/assess.lua" "http://localhost:$port/api/assessments" >/dev/null   # warm-up
wrk -t2 -c32 -d10s -H "Authorization: $auth" "http://localhost:$port/api/me" >/dev/null
for clients in 32 4; do
  run "GET /api/me, $clients clients" "$clients" -H "Authorization: $auth" "http://localhost:$port/api/me"
  run "POST /api/assessments, $clients clients" "$clients" -s "$work/assess.lua" "http://localhost:$port/api/assessments"
done
