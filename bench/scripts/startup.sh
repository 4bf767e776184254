#!/usr/bin/env bash
# Start-up time: from launching `java -jar rosetta-server.jar` on an empty data directory to the first
# answered S3 request (any HTTP status), RUNS times; prints each and the median, in milliseconds.
#
# Usage: bench/scripts/startup.sh      Knobs: RUNS=10  JAVA_OPTS=  MODE=ephemeral|data-dir  SKIP_BUILD=1
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-10}
MODE=${MODE:-ephemeral}
PORT=19030
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -pl server -am package -DskipTests
fi
JAR=server/target/rosetta-server.jar
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT

times=()
for i in $(seq 1 "$RUNS"); do
  rm -rf "$DIR/data"
  if [ "$MODE" = ephemeral ]; then where=(--ephemeral); else where=(--data-dir "$DIR/data"); fi
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar "$JAR" "${where[@]}" --listen "127.0.0.1:$PORT" --admin-listen off --access-log off \
    >"$DIR/log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null "http://127.0.0.1:$PORT/"; do
    kill -0 "$pid" 2>/dev/null || { cat "$DIR/log"; exit 1; }
    sleep 0.005
  done
  end=$(date +%s%N)
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: $ms ms"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; print "median: " m " ms" }'
