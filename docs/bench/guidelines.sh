#!/usr/bin/env bash
# JMH: the guideline engine (Drools) against the plain-Java reference of the same tables, one patient
# per call and in batches, with 1 and with 2 threads; and a million patients re-assessed on 2 threads.
# Usage: docs/bench/guidelines.sh [extra JMH options]   (results in target/jmh-*.txt)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
for threads in 1 2; do
  java -cp "$cp" org.openjdk.jmh.Main 'GuidelineBenchmark\.(drools|java)(OnePatientPerCall|BatchOfThousand)' \
    -t "$threads" -rf text -rff "target/jmh-guidelines-${threads}t.txt" "$@"
done
java -cp "$cp" org.openjdk.jmh.Main 'GuidelineBenchmark\.droolsMillionOnTwoThreads' \
  -rf text -rff target/jmh-guidelines-million.txt "$@"
cat target/jmh-guidelines-1t.txt target/jmh-guidelines-2t.txt target/jmh-guidelines-million.txt
