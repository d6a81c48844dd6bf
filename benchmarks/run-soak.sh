#!/usr/bin/env bash
# The fault run (soak), one command: builds the host and the benchmarks jar, then runs
# org.scadamqtt.bench.soak.SoakMain (default: the full 10-minute schedule; --smoke for ~1 minute).
# Output: the table on the terminal, benchmarks/target/soak-<mode>-<time>.txt, and the figures as
# JSON in benchmarks/target/soak-<mode>-<time>.json. Other arguments go to SoakMain
# (e.g. --rate 200, --faults "10:cut,20:host-kill:5", --line-params cleanSession=YES).
# Exit code: 0 nothing lost and every fault recovered, 1 not so, 2 bad options or missing programs.
set -uo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl host-runtime,benchmarks -am package -DskipTests || exit 2
MODE=full
for a in "$@"; do [ "$a" = "--smoke" ] && MODE=smoke; done
STAMP=$(date +%Y%m%d-%H%M%S)
OUT=benchmarks/target/soak-$MODE-$STAMP
{
  echo "== $(date -u) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), $(mosquitto -h 2>/dev/null | head -1)"
  java -cp benchmarks/target/benchmarks.jar org.scadamqtt.bench.soak.SoakMain \
       --host-jar host-runtime/target/scada-host.jar --json "$OUT.json" "$@"
  echo "exit code $?"
} 2>&1 | tee "$OUT.txt"
exit "$(sed -n 's/^exit code //p' "$OUT.txt" | tail -1)"
