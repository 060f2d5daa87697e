#!/usr/bin/env bash
# The equity query over generated referral history on PostgreSQL: creates a fresh database, starts CareBridge
# on it (postgres profile, demo province), generates N referrals over the last year with HistoryGenerator,
# then times the equity query (whole year, last 30 days) against `select count(*) from referral`.
# Figures: docs/benchmarks.md. Usage: docs/bench/analytics.sh [referrals] [runs]   (PostgreSQL at 127.0.0.1:5432)
set -euo pipefail
cd "$(dirname "$0")/../.."
referrals=${1:-100000}
runs=${2:-30}
db=carebridge_bench_analytics
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" -c "create database $db"
DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres DB_PASSWORD= \
  java -Xmx2g -cp "$cp" org.carebridge.analytics.bench.EquityBenchmark "$referrals" "$runs" 2>&1 \
  | grep -E "^(generated|analyze|referral rows|select|equity)|Generated|ERROR|Exception"
psql -h 127.0.0.1 -U postgres -qc "select pg_size_pretty(pg_database_size('$db')) as database_size"
