#!/usr/bin/env bash
# The machine's own limits, to read benchmark figures against: fsynced sequential disk writes (dd), synced
# small appends (the WAL-commit ceiling), loopback TCP throughput, and one core's MD5 / SHA-256 / CRC
# throughput (JMH). Prints one line per measurement.
#
# Usage: bench/scripts/machine-limits.sh [DIR]   DIR: a directory on the disk to measure (default: bench/target)
# Knobs: SKIP_BUILD=1 to reuse bench/target/*.jar; DD_MIB=1024 (size of the dd runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR=${1:-bench/target}
DD_MIB=${DD_MIB:-1024}
mkdir -p "$DIR"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -pl bench -am package -DskipTests
fi
BENCH=bench/target/rosetta-bench.jar
JMH=bench/target/rosetta-jmh.jar
FILE="$DIR/machine-limits.dd"
trap 'rm -f "$FILE"' EXIT

echo "== disk: fsynced sequential write, ${DD_MIB} MiB in 1 MiB blocks (dd conv=fsync)"
dd if=/dev/zero of="$FILE" bs=1M count="$DD_MIB" conv=fsync 2>&1 | tail -1
echo "== disk: direct sequential write, ${DD_MIB} MiB in 1 MiB blocks (dd oflag=direct conv=fsync)"
dd if=/dev/zero of="$FILE" bs=1M count="$DD_MIB" oflag=direct conv=fsync 2>&1 | tail -1
rm -f "$FILE"
echo "== disk: synced 4 KiB appends (fdatasync each; bounds one-at-a-time metadata commits)"
java -jar "$BENCH" fsync --dir "$DIR" --size 4KiB --duration 5s
echo "== loopback TCP, one stream and two"
java -jar "$BENCH" tcp --duration 5s --streams 1
java -jar "$BENCH" tcp --duration 5s --streams 2
echo "== one core: digests over 1 MiB (ops/s = MiB/s)"
java -jar "$JMH" DigestBenchmark -f 1 -wi 2 -w 2s -i 3 -r 2s -rf text -rff /dev/null 2>/dev/null \
  | grep -E '^(Benchmark +\(|DigestBenchmark)'
