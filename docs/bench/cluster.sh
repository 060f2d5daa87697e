#!/usr/bin/env bash
# Issue 13, two nodes: CareBridge jars on one PostgreSQL database under a mixed workload through the HTTP API
# (org.carebridge.bench.ClusterLoadDriver: the referral loop as coordinator and the routed doctor, chart reads,
# assessments; each virtual client sticks to one node, as behind a sticky proxy). Scenarios:
#   peak-and-hold  closed-loop peak on one node (PEAK_SECONDS), then open loop at HOLD_SHARE % of it for HOLD_SECONDS
#                  on one node, then the same rate on two nodes; each phase on a fresh copy of one seeded database
#                  and fresh JVMs. Prints one node against two: errors other than 409, p99 per operation, Camunda job
#                  backlog and heap after GC at the first and last interval.
#   kill           two nodes under load; kill -9 of node 2 at KILL_AT s, restarted KILL_DOWN_SECONDS later; the load
#                  runs on (node 1 must keep serving); then every referral that got a 2xx is read on both nodes, at
#                  least at the step that got it, and the consistency checker is asked (where main has one).
#   pg-restart     two nodes under load; PostgreSQL stopped at PG_AT s and started PG_DOWN_SECONDS later
#                  (pg_ctlcluster --skip-systemctl-redirect; PG_DOWN_SECONDS=0: one `restart`): no 500s, 503 while
#                  away, seconds from its return to the first 2xx per node, then the same check as kill.
#                  It stops the machine's PostgreSQL for everyone on it. DRY_RUN_PG=1 prints the commands instead.
# Usage: docs/bench/cluster.sh peak-and-hold|kill|pg-restart
#   env: PEAK_SECONDS=60 PEAK_CONCURRENCY=8 (clients per node) WARM_SECONDS=30 HOLD_SECONDS=600 HOLD_SHARE=70
#        RATE= (operations/s: skips the peak) CLIENTS=12 (virtual clients, all nodes) MIX=step=50,chart=35,assess=15
#        INTERVAL=10 NODE_HEAP=1g PORTS="18311 18312" COMPILE=1 (0: reuse target/test-classes) KEEP_DB=0
#        KILL_LOAD_SECONDS=180 KILL_AT=60 KILL_DOWN_SECONDS=20 KILL_RATE=${RATE:-10}
#        PG_LOAD_SECONDS=120 PG_AT=40 PG_DOWN_SECONDS=10 PG_RATE=${RATE:-10} PG_CLUSTER="15 main" DRY_RUN_PG=0
# Needs target/carebridge.jar (built here when missing) and psql/pg_ctlcluster for the local PostgreSQL 15, trust auth.
# Output: target/bench-cluster/<scenario>.txt (driver lines), node logs and GC logs beside it.
set -euo pipefail
cd "$(dirname "$0")/../.."
scenario=${1:?usage: docs/bench/cluster.sh peak-and-hold|kill|pg-restart}
PEAK_SECONDS=${PEAK_SECONDS:-60}; PEAK_CONCURRENCY=${PEAK_CONCURRENCY:-8}; WARM_SECONDS=${WARM_SECONDS:-30}
HOLD_SECONDS=${HOLD_SECONDS:-600}; HOLD_SHARE=${HOLD_SHARE:-70}; RATE=${RATE:-}; CLIENTS=${CLIENTS:-12}
MIX=${MIX:-step=50,chart=35,assess=15}; INTERVAL=${INTERVAL:-10}; NODE_HEAP=${NODE_HEAP:-1g}
read -r -a ports <<<"${PORTS:-18311 18312}"; COMPILE=${COMPILE:-1}; KEEP_DB=${KEEP_DB:-0}
KILL_LOAD_SECONDS=${KILL_LOAD_SECONDS:-180}; KILL_AT=${KILL_AT:-60}; KILL_DOWN_SECONDS=${KILL_DOWN_SECONDS:-20}
KILL_RATE=${KILL_RATE:-${RATE:-10}}
PG_LOAD_SECONDS=${PG_LOAD_SECONDS:-120}; PG_AT=${PG_AT:-40}; PG_DOWN_SECONDS=${PG_DOWN_SECONDS:-10}
PG_RATE=${PG_RATE:-${RATE:-10}}; read -r -a pg_cluster <<<"${PG_CLUSTER:-15 main}"; DRY_RUN_PG=${DRY_RUN_PG:-0}
case $scenario in peak-and-hold|kill|pg-restart) ;; *) echo "unknown scenario $scenario" >&2; exit 2 ;; esac

PG=(env PGOPTIONS='-c client_min_messages=warning' psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 -d postgres)
seed_db=carebridge_cluster_seed; run_db=carebridge_cluster_run
db_url="jdbc:postgresql://127.0.0.1:5432/$run_db"
work=$PWD/target/bench-cluster; mkdir -p "$work"
out=$work/$scenario.txt; : >"$out"
jar=$PWD/target/carebridge.jar
declare -a pids=()
driver_pid=

# a process started here and its children, by id
kill_tree() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}

cleanup() {
  if [ -n "$driver_pid" ]; then kill_tree "$driver_pid"; fi
  for i in "${!pids[@]}"; do stop_node "$i"; done
  if [ "$KEEP_DB" != 1 ]; then
    "${PG[@]}" -c "drop database if exists $run_db with (force)" -c "drop database if exists $seed_db with (force)" \
      2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ ! -f "$jar" ]; then ./mvnw -q -B -DskipTests package; fi
if [ "$COMPILE" = 1 ] || [ ! -f target/test-classes/org/carebridge/bench/ClusterLoadDriver.class ]; then
  ./mvnw -q -B -DskipTests test-compile
  ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

log() { echo "[$(date +%T)] $*" | tee -a "$out"; }

driver() { java -Xmx512m -cp "$cp" org.carebridge.bench.ClusterLoadDriver "$@"; }

# node i (0-based) on ports[i], on the run database, with a GC log for the heap after GC
start_node() {
  local i=$1
  (cd "$work" && exec env DB_URL="$db_url" DB_USER=postgres DB_PASSWORD= DEMO_DATA=true \
    java -Xmx"$NODE_HEAP" -Xlog:gc:file="$work/n$((i + 1))-gc.log" -jar "$jar" --spring.profiles.active=postgres \
    --server.port="${ports[$i]}" >>"$work/n$((i + 1)).log" 2>&1) &
  pids[$i]=$!
}

stop_node() {
  local i=$1 pid=${pids[$1]:-}
  [ -z "$pid" ] && return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "pids[$i]"
}

wait_healthy() {
  local i=$1 t0=$SECONDS
  until curl -sf -o /dev/null "http://127.0.0.1:${ports[$i]}/actuator/health"; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      echo "node $((i + 1)) died while starting:" >&2; tail -30 "$work/n$((i + 1)).log" >&2; exit 1
    fi
    if (( SECONDS - t0 > 900 )); then echo "node $((i + 1)) not healthy after 900 s" >&2; exit 1; fi
    sleep 1
  done
  log "node $((i + 1)) healthy on port ${ports[$i]} after $((SECONDS - t0)) s"
}

# The demo province seeded once, by one node on an empty database; each phase then runs on a copy of it (the same
# data, no seeding minute per phase). Copying needs no one connected to the seed database.
seed() {
  "${PG[@]}" -c "drop database if exists $seed_db with (force)" -c "create database $seed_db"
  local saved=$db_url; db_url="jdbc:postgresql://127.0.0.1:5432/$seed_db"
  log "seeding the demo province into $seed_db"
  start_node 0; wait_healthy 0; stop_node 0
  db_url=$saved
}

fresh_db() {
  "${PG[@]}" -c "drop database if exists $run_db with (force)" -c "create database $run_db template $seed_db"
}

# start nodes 0..n-1 together on the run database, with fresh logs
start_nodes() {
  local n=$1
  for i in $(seq 0 $((n - 1))); do rm -f "$work/n$((i + 1))-gc.log"*; start_node "$i"; done
  for i in $(seq 0 $((n - 1))); do wait_healthy "$i"; done
}

# until the driver in the background has warmed up (its WARMUP line) and measures
until_measuring() {
  until grep -q "^WARMUP label=$1 " "$out"; do
    kill -0 "$driver_pid" 2>/dev/null || { echo "the driver ended early" >&2; exit 1; }
    sleep 0.5
  done
}

stop_nodes() { for i in "${!pids[@]}"; do stop_node "$i"; done; }

urls() { local n=$1 u=(); for i in $(seq 0 $((n - 1))); do u+=("http://127.0.0.1:${ports[$i]}"); done
  (IFS=,; echo "${u[*]}"); }
gclogs() { local n=$1 g=(); for i in $(seq 1 "$n"); do g+=("$work/n$i-gc.log"); done; (IFS=,; echo "${g[*]}"); }

# a value of a RESULT line: field LABEL OP KEY
field() { awk -v l="$1" -v o="$2" -v k="$3" '$1 == "RESULT" && $2 == "label=" l && $3 == "op=" o {
  for (i = 4; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) { print kv[2]; exit } } }' "$out"; }

hold() {  # label nodes rate seconds
  driver --mode hold --label "$1" --nodes "$(urls "$2")" --rate "$3" --seconds "$4" --warmup "$WARM_SECONDS" \
    --clients "$CLIENTS" --mix "$MIX" --interval "$INTERVAL" --db "$db_url" --gc-logs "$(gclogs "$2")" \
    --ids-out "$work/$1-ids.txt" | tee -a "$out"
}

# referrals of the run read on both nodes, then the consistency checker
verify() {  # label
  driver --mode verify --label "$1" --nodes "$(urls 2)" --ids "$work/$1-ids.txt" | tee -a "$out" || true
}

compare() {  # one node against two, from the RESULT lines of hold-1 and hold-2
  echo
  echo "== one node against two at $(field hold-1 TOTAL targetRate) operations/s (peak on one node: ${peak:-not measured}," \
    "${HOLD_SHARE} %), ${HOLD_SECONDS} s each =="
  printf '%-28s %22s %22s\n' "" "one node" "two nodes"
  row() { printf '%-28s %22s %22s\n' "$1" "$(field hold-1 "$2" "$3")" "$(field hold-2 "$2" "$3")"; }
  row "operations/s achieved" TOTAL opsPerSec
  row "errors (not 409, not slot)" TOTAL errors
  row "  by status" TOTAL byStatus
  row "409 conflicts" TOTAL conflicts
  row "slot taken (400, retried)" TOTAL slotTaken
  row "start lag p99 ms" TOTAL lagP99
  for op in submit route accept suggestions schedule document acknowledge inbox chart.patient chart.observations \
            chart.timeline assess; do
    row "p99 ms $op" "$op" p99
  done
  row "referrals completed" TOTAL referralsCompleted
  row "jobs due,failed first" TOTAL jobsFirst
  row "jobs due,failed last" TOTAL jobsLast
  row "heap after GC MB first" TOTAL heapAfterGcFirstMB
  row "heap after GC MB last" TOTAL heapAfterGcLastMB
  for l in hold-1 hold-2; do
    local e; e=$(field $l TOTAL errors)
    echo "$l: errors other than 409 = ${e:-?} -> $([ "${e:-1}" = 0 ] && echo PASS || echo FAIL)"
  done
}

"${PG[@]}" -c "drop database if exists $run_db with (force)"
seed
case $scenario in
  peak-and-hold)
    if [ -z "$RATE" ]; then
      fresh_db; start_nodes 1
      driver --mode peak --label peak --nodes "$(urls 1)" --concurrency "$PEAK_CONCURRENCY" --warmup "$WARM_SECONDS" \
        --seconds "$PEAK_SECONDS" --mix "$MIX" --interval "$INTERVAL" --db "$db_url" --gc-logs "$(gclogs 1)" | tee -a "$out"
      stop_nodes
      peak=$(field peak TOTAL opsPerSec)
      RATE=$(awk -v p="$peak" -v s="$HOLD_SHARE" 'BEGIN {printf "%.2f", p * s / 100}')
      log "peak on one node: $peak operations/s; holding $RATE (${HOLD_SHARE} %)"
    fi
    fresh_db; start_nodes 1
    hold hold-1 1 "$RATE" "$HOLD_SECONDS"
    stop_nodes
    fresh_db; start_nodes 2
    hold hold-2 2 "$RATE" "$HOLD_SECONDS"
    stop_nodes
    compare | tee -a "$out"
    ;;
  kill)
    fresh_db; start_nodes 2
    hold kill 2 "$KILL_RATE" "$KILL_LOAD_SECONDS" &
    driver_pid=$!
    # the driver's warm-up first, then the kill KILL_AT s into the measured run
    until_measuring kill; sleep "$KILL_AT"
    log "kill -9 node 2 (pid ${pids[1]})"
    kill -9 "${pids[1]}"; wait "${pids[1]}" 2>/dev/null || true; unset "pids[1]"
    sleep "$KILL_DOWN_SECONDS"
    log "restarting node 2"
    start_node 1; wait_healthy 1
    wait "$driver_pid" || true; driver_pid=
    verify kill
    echo; echo "== kill -9 of node 2 =="
    echo "node 1 (kept): $(grep -E '^RESULT label=kill op=NODE node=n1' "$out" | cut -d' ' -f4-)"
    echo "node 2 (killed): $(grep -E '^RESULT label=kill op=NODE node=n2' "$out" | cut -d' ' -f4-)"
    grep -E '^(RESULT label=kill op=VERIFY|CHECKER label=kill)' "$out"
    n1=$(field kill NODE errors)
    echo "node 1 errors while node 2 was killed and restarted: $n1 -> $([ "$n1" = 0 ] && echo PASS || echo FAIL)"
    ;;
  pg-restart)
    fresh_db; start_nodes 2
    hold pg-restart 2 "$PG_RATE" "$PG_LOAD_SECONDS" &
    driver_pid=$!
    until_measuring pg-restart; sleep "$PG_AT"
    pg() { if [ "$DRY_RUN_PG" = 1 ]; then log "(dry run) pg_ctlcluster --skip-systemctl-redirect ${pg_cluster[*]} $*";
           else log "pg_ctlcluster --skip-systemctl-redirect ${pg_cluster[*]} $*";
                pg_ctlcluster --skip-systemctl-redirect "${pg_cluster[@]}" "$@"; fi; }
    if [ "$PG_DOWN_SECONDS" = 0 ]; then
      pg restart
    else
      pg stop -m fast
      sleep "$PG_DOWN_SECONDS"
      pg start
    fi
    until pg_isready -h 127.0.0.1 -q; do sleep 0.2; done
    log "PostgreSQL accepts connections again"
    wait "$driver_pid" || true; driver_pid=
    verify pg-restart
    echo; echo "== PostgreSQL restarted under load =="
    grep -E '^RESULT label=pg-restart op=(OUTAGE|NODE|TOTAL)|^CHECKER label=pg-restart|^RESULT label=pg-restart op=VERIFY' "$out"
    e500=$(field pg-restart TOTAL e500)
    echo "500s: $e500 -> $([ "$e500" = 0 ] && echo PASS || echo FAIL)"
    ;;
esac
