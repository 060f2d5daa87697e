#!/usr/bin/env bash
# OptaPlanner benchmarker: the scheduling solver (60 s per problem) against the first-come-first-served
# baseline on generated problems of 200 (15 doctors), 1,000 (60 doctors) and 5,000 (300 doctors)
# appointments, in a 2 GB heap. Report: target/benchmarks/<date>/index.html; figures: docs/benchmarks.md.
# Usage: docs/bench/scheduling.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
mkdir -p target/bench
for size in "200 15" "1000 60" "5000 300"; do
  set -- $size
  java -cp "$cp" org.carebridge.CareBridgeApplication generate --appointments "$1" --doctors "$2" --seed 5 \
    --output "target/bench/problem-$1.json"
done
java -Xmx2g -cp "$cp" org.carebridge.scheduling.bench.SchedulingBenchmark
# best scores per solver and problem, and the objective's terms of each best solution
for f in target/benchmarks/*/*/*/*/*.json; do
  [ -f "$f" ] && echo "$f" && grep -A8 '"breakdown"' "$f" | tr -d '\n ' && echo
done
