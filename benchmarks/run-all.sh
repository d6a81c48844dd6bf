#!/usr/bin/env bash
# The full-size benchmark run, one command (~8 minutes on 2 cores; run it on a quiet machine):
# builds the jar, then runs the end-to-end harness with latency, the JMH benchmarks and the memory
# measurement, keeps everything in benchmarks/target/results-*.txt and prints the RESULT lines last.
# Extra arguments go to the end-to-end harness (e.g. --rounds 5).
set -uo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am package -DskipTests || exit 2
JAR=benchmarks/target/benchmarks.jar
OUT=benchmarks/target/results-$(date +%Y%m%d-%H%M%S).txt
{
  echo "== $(date -u) $(nproc) cores, $(java -version 2>&1 | head -1), $(mosquitto -h 2>/dev/null | head -1)"
  echo "== end-to-end ingest and latency"
  java -cp "$JAR" org.scadamqtt.bench.IngestHarness "$@" || echo "IngestHarness exit code $?"
  echo "== JMH: pipeline and routing"
  java -cp "$JAR" org.scadamqtt.bench.jmh.MicroBenchmarks || echo "MicroBenchmarks exit code $?"
  echo "== memory"
  java -Xmx1g -XX:+UseSerialGC -cp "$JAR" org.scadamqtt.bench.memory.MemoryFootprint || echo "MemoryFootprint exit code $?"
} 2>&1 | tee "$OUT"
echo
echo "== summary (full output in $OUT)"
grep -E '^RESULT|exit code' "$OUT"
