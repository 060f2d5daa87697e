#!/usr/bin/env bash
# Issue 13, two nodes: CareBridge jars on one PostgreSQL database under a mixed workload through the HTTP API
# (org.carebridge.bench.ClusterLoadDriver: the referral loop as coordinator and the routed doctor, chart reads,
# assessments; each virtual client sticks to one node, as behind a sticky proxy). Scenarios:
#   peak-and-hold  closed-loop peak on one node (PEAK_SECONDS), then open loop at HOLD_SHARE % of it for HOLD_SECONDS
#                  on one node, then the same rate on two nodes; each phase on a fresh copy of one seeded database
#                  and fresh JVMs. Prints one node against two: errors other than 409, p99 per operation, Camunda job
#                  backlog and heap after GC at the first and last interval.
#   kill           two nodes under load; kill -9 of node 2 KILL_AT s into the run, restarted KILL_DOWN_SECONDS later;
#                  the load runs on until node 2 has been back KILL_AFTER_SECONDS (node 1 must keep serving); then
#                  every referral that got a 2xx is read on both nodes, at least at the step that got it, and the
#                  consistency checker is asked (where the jar has one).
#   pg-restart     two nodes under load; PostgreSQL stopped PG_AT s into the run and started PG_DOWN_SECONDS later
#                  (pg_ctlcluster --skip-systemctl-redirect; PG_DOWN_SECONDS=0: one `restart`), load on for
#                  PG_AFTER_SECONDS after: no 500s, 503 while away, seconds from its return to the first 2xx per
#                  node, then the same check as kill. It stops the machine's PostgreSQL for everyone on it.
#                  PG_OUTAGE=database takes only the run's database away instead (connections refused and cut,
#                  other databases untouched): a stand-in for a shared machine, not the restart the issue asks for.
#                  DRY_RUN_PG=1 prints the pg_ctlcluster commands instead of running them.
# Usage: docs/bench/cluster.sh peak-and-hold|kill|pg-restart
#   env: PEAK_SECONDS=60 PEAK_CONCURRENCY=8 (clients per node) WARM_SECONDS=30 HOLD_SECONDS=600 HOLD_SHARE=70
#        RATE= (operations/s: skips the peak) CLIENTS=12 (virtual clients, all nodes) MIX=step=50,chart=35,assess=15
#        INTERVAL=10 NODE_HEAP=1g PORTS="18311 18312" COMPILE=1 (0: reuse target/test-classes) KEEP_DB=0
#        DB_PREFIX=loadbench (databases <prefix>_seed, <prefix>_run) NODE_ARGS= (more arguments for every node, e.g.
#        --spring.datasource.hikari.maximum-pool-size=10 where PostgreSQL's max_connections is shared)
#        KILL_AT=60 KILL_DOWN_SECONDS=20 KILL_AFTER_SECONDS=60 KILL_RATE=${RATE:-10} KILL_MIX=step=100 (referral steps)
#        PG_AT=40 PG_DOWN_SECONDS=10 PG_AFTER_SECONDS=60 PG_RATE=${RATE:-10} PG_CLUSTER="15 main" PG_OUTAGE=cluster
#        DRY_RUN_PG=0 MAX_SECONDS=1800 (the longest a kill or pg-restart run may take)
# Needs target/carebridge.jar (built here when missing) and psql/pg_ctlcluster for the local PostgreSQL 15, trust auth.
# Output: target/bench-cluster/<scenario>.txt (driver lines), node logs and GC logs beside it.
set -euo pipefail
cd "$(dirname "$0")/../.."
scenario=${1:?usage: docs/bench/cluster.sh peak-and-hold|kill|pg-restart}
PEAK_SECONDS=${PEAK_SECONDS:-60}; PEAK_CONCURRENCY=${PEAK_CONCURRENCY:-8}; WARM_SECONDS=${WARM_SECONDS:-30}
HOLD_SECONDS=${HOLD_SECONDS:-600}; HOLD_SHARE=${HOLD_SHARE:-70}; RATE=${RATE:-}; CLIENTS=${CLIENTS:-12}
MIX=${MIX:-step=50,chart=35,assess=15}; INTERVAL=${INTERVAL:-10}; NODE_HEAP=${NODE_HEAP:-1g}
read -r -a ports <<<"${PORTS:-18311 18312}"; COMPILE=${COMPILE:-1}; KEEP_DB=${KEEP_DB:-0}
DB_PREFIX=${DB_PREFIX:-loadbench}; read -r -a node_args <<<"${NODE_ARGS:-}"
KILL_AT=${KILL_AT:-60}; KILL_DOWN_SECONDS=${KILL_DOWN_SECONDS:-20}; KILL_AFTER_SECONDS=${KILL_AFTER_SECONDS:-60}
KILL_RATE=${KILL_RATE:-${RATE:-10}}; KILL_MIX=${KILL_MIX:-step=100}; MAX_SECONDS=${MAX_SECONDS:-1800}
PG_AT=${PG_AT:-40}; PG_DOWN_SECONDS=${PG_DOWN_SECONDS:-10}; PG_AFTER_SECONDS=${PG_AFTER_SECONDS:-60}
PG_RATE=${PG_RATE:-${RATE:-10}}; read -r -a pg_cluster <<<"${PG_CLUSTER:-15 main}"; DRY_RUN_PG=${DRY_RUN_PG:-0}
PG_OUTAGE=${PG_OUTAGE:-cluster}
case $scenario in peak-and-hold|kill|pg-restart) ;; *) echo "unknown scenario $scenario" >&2; exit 2 ;; esac

PG=(env PGOPTIONS='-c client_min_messages=warning' psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 -d postgres)
# names of this script's own: a carebridge_cluster_* one clashed with another run on a shared server, which dropped it
seed_db=${DB_PREFIX}_seed; run_db=${DB_PREFIX}_run
db_url="jdbc:postgresql://127.0.0.1:5432/$run_db"
work=$PWD/target/bench-cluster; mkdir -p "$work"
out=$work/$scenario.txt; : >"$out"
rm -f "$work"/n[0-9].log "$work"/n[0-9]-gc.log* "$work"/*-ids.txt "$work/stop"
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
    --server.port="${ports[$i]}" "${node_args[@]}" >>"$work/n$((i + 1)).log" 2>&1) &
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

hold() {  # label nodes rate seconds [more driver options]
  local label=$1 nodes=$2 rate=$3 seconds=$4; shift 4
  driver --mode hold --label "$label" --nodes "$(urls "$nodes")" --rate "$rate" --seconds "$seconds" \
    --warmup "$WARM_SECONDS" --clients "$CLIENTS" --mix "$MIX" --interval "$INTERVAL" --db "$db_url" \
    --gc-logs "$(gclogs "$nodes")" --ids-out "$work/$label-ids.txt" "$@" | tee -a "$out"
}

# pg_ctlcluster on the machine's cluster (stops PostgreSQL for everyone), or only said with DRY_RUN_PG=1
pg() {
  local command=(pg_ctlcluster --skip-systemctl-redirect "${pg_cluster[@]}" "$@")
  if [ "$DRY_RUN_PG" = 1 ]; then log "(dry run, not run) ${command[*]}"; return; fi
  log "${command[*]}"
  "${command[@]}"
}

# the nodes' intervals side by side: operations started, 2xx, errors by status
timeline() {  # label
  awk -v l="label=$1" '$1 == "INTERVAL" && $2 == l && $0 !~ /tail=true/ && $4 ~ /^node=n/ {
      delete f; for (i = 3; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
      if (!(f["t"] in row)) ts[++m] = f["t"]
      row[f["t"]] = row[f["t"]] sprintf("  %s ok %4s errors %4s %-14s", f["node"], f["ok"], f["errors"],
                                        f["byStatus"]) }
    END { for (i = 1; i <= m; i++) printf "t=%4s%s\n", ts[i], row[ts[i]] }' "$out"
}

# referrals of the run read on both nodes, then the consistency checker
verify() {  # label
  driver --mode verify --label "$1" --nodes "$(urls 2)" --ids "$work/$1-ids.txt" | tee -a "$out" || true
}

compare() {  # one node against two, from the RESULT lines of hold-1 and hold-2
  echo
  echo "== one node against two at $(field hold-1 TOTAL targetRate) operations/s" \
    "(peak on one node: ${peak:-not measured}, ${HOLD_SHARE} %), ${HOLD_SECONDS} s each =="
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
      driver --mode peak --label peak --nodes "$(urls 1)" --concurrency "$PEAK_CONCURRENCY" \
        --warmup "$WARM_SECONDS" --seconds "$PEAK_SECONDS" --mix "$MIX" --interval "$INTERVAL" --db "$db_url" \
        --gc-logs "$(gclogs 1)" | tee -a "$out"
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
    rm -f "$work/stop"
    hold kill 2 "$KILL_RATE" "$MAX_SECONDS" --stop-file "$work/stop" --mix "$KILL_MIX" &
    driver_pid=$!
    # the driver's warm-up first, then the kill KILL_AT s into the measured run
    until_measuring kill; sleep "$KILL_AT"
    log "kill -9 node 2 (pid ${pids[1]})"
    kill -9 "${pids[1]}"; wait "${pids[1]}" 2>/dev/null || true; unset "pids[1]"
    sleep "$KILL_DOWN_SECONDS"
    log "restarting node 2"
    start_node 1; wait_healthy 1
    sleep "$KILL_AFTER_SECONDS"; touch "$work/stop"
    wait "$driver_pid" || true; driver_pid=
    verify kill
    echo; echo "== kill -9 of node 2 =="
    timeline kill
    echo "node 1 (kept): $(grep -E '^RESULT label=kill op=NODE node=n1' "$out" | cut -d' ' -f4-)"
    echo "node 2 (killed): $(grep -E '^RESULT label=kill op=NODE node=n2' "$out" | cut -d' ' -f4-)"
    grep -E '^(RESULT label=kill op=VERIFY|CHECKER label=kill)' "$out"
    n1=$(field kill NODE errors)
    echo "node 1 errors while node 2 was killed and restarted: $n1 -> $([ "$n1" = 0 ] && echo PASS || echo FAIL)"
    ;;
  pg-restart)
    fresh_db; start_nodes 2
    rm -f "$work/stop"
    hold pg-restart 2 "$PG_RATE" "$MAX_SECONDS" --stop-file "$work/stop" &
    driver_pid=$!
    until_measuring pg-restart; sleep "$PG_AT"
    if [ "$PG_OUTAGE" = database ]; then
      log "database $run_db away: connections refused and cut"
      "${PG[@]}" -c "alter database $run_db allow_connections false" \
        -c "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = '$run_db'" >/dev/null
      sleep "$PG_DOWN_SECONDS"
      "${PG[@]}" -c "alter database $run_db allow_connections true"
      log "database $run_db back"
    elif [ "$PG_DOWN_SECONDS" = 0 ]; then
      pg restart
    else
      pg stop  # fast shutdown, pg_ctlcluster's default: open sessions are cut
      sleep "$PG_DOWN_SECONDS"
      pg start
    fi
    t=$SECONDS
    until pg_isready -h 127.0.0.1 -q; do
      if (( SECONDS - t > 300 )); then echo "PostgreSQL not accepting connections 300 s after its start" >&2; exit 1; fi
      sleep 0.2
    done
    log "PostgreSQL accepts connections"
    sleep "$PG_AFTER_SECONDS"; touch "$work/stop"
    wait "$driver_pid" || true; driver_pid=
    verify pg-restart
    echo; echo "== PostgreSQL away under load: $PG_OUTAGE$([ "$DRY_RUN_PG" = 1 ] && echo ', dry run, not stopped') =="
    timeline pg-restart
    grep -E '^(RESULT label=pg-restart op=(OUTAGE|NODE|TOTAL|VERIFY)|CHECKER label=pg-restart)' "$out"
    e500=$(field pg-restart TOTAL e500)
    other=$(( $(field pg-restart TOTAL errors) - $(field pg-restart TOTAL e503) ))
    echo "500s: $e500 -> $([ "$e500" = 0 ] && echo PASS || echo FAIL)"
    echo "errors other than 503 (and 409): $other -> $([ "$other" = 0 ] && echo PASS || echo FAIL)"
    ;;
esac
