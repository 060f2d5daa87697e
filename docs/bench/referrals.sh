#!/usr/bin/env bash
# Issue 4: referrals closed end to end per second through the service layer on PostgreSQL, database
# commits per referral, and pgbench (TPC-B, same server, same run) as the ceiling; once per Camunda
# history level, each on a fresh database.
# Usage: docs/bench/referrals.sh   (env: THREADS=2 WARM=30 N=300 LEVELS="activity full none" PGBENCH_SECONDS=30)
set -euo pipefail
cd "$(dirname "$0")/../.."
THREADS=${THREADS:-2}; WARM=${WARM:-30}; N=${N:-300}; LEVELS=${LEVELS:-"activity full none"}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-30}
PG=(psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1)
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
out=target/bench-referrals.txt; : > "$out"

pgbench_tps() {
  "${PG[@]}" -c "drop database if exists carebridge_pgbench" -c "create database carebridge_pgbench"
  pgbench -h 127.0.0.1 -U postgres -i -s 10 -q carebridge_pgbench >/dev/null 2>&1
  pgbench -h 127.0.0.1 -U postgres -c "$THREADS" -j "$THREADS" -T "$PGBENCH_SECONDS" carebridge_pgbench 2>/dev/null \
    | awk '/^tps/ {print $3}'
}

echo "pgbench TPC-B before: $(pgbench_tps) tps" | tee -a "$out"
for level in $LEVELS; do
  "${PG[@]}" -c "drop database if exists carebridge_bench" -c "create database carebridge_bench"
  DB_URL=jdbc:postgresql://127.0.0.1:5432/carebridge_bench DB_USER=postgres DB_PASSWORD= \
    java -Xmx1g -Dcamunda.bpm.history-level="$level" -cp "$cp" org.carebridge.referrals.ReferralLoadDriver \
    "$THREADS" "$WARM" "$N" 2>&1 | grep '^RESULT' | tee -a "$out"
done
echo "pgbench TPC-B after: $(pgbench_tps) tps" | tee -a "$out"
"${PG[@]}" -c "drop database if exists carebridge_bench" -c "drop database if exists carebridge_pgbench"

# (referrals/s × commits per referral) ÷ pgbench TPS, against the mean of the two pgbench runs
awk '/^pgbench/ {tps += $(NF-1); n++}
     /^RESULT/ {for (i = 2; i <= NF; i++) {split($i, kv, "="); r[kv[1]] = kv[2]}
                line[++m] = sprintf("%s: %.2f referrals/s, %.1f commits/referral", r["historyLevel"],
                                    r["referralsPerSecond"], r["commitsPerReferral"]);
                load[m] = r["referralsPerSecond"] * r["commitsPerReferral"]}
     END {for (i = 1; i <= m; i++) printf "%s, ratio to pgbench %.2f\n", line[i], load[i] / (tps / n)}' "$out"
