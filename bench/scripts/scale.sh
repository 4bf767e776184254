#!/usr/bin/env bash
# Is Rosetta's cost flat in scale? Measures initiate, PUT and GET (4 KiB, one bucket) and a ListObjectsV2
# page of 1000 keys, first in buckets holding almost nothing, then in a bucket holding FILL objects and
# about as many open multipart uploads. Same server process, same settings, same load generator.
#
# Usage: bench/scripts/scale.sh            (results in bench/target/scale/)
# Knobs (environment):
#   FILL=1000000          objects put into the big bucket (its uploads: initiate runs for FILL_UPLOADS_SECONDS)
#   FILL_UPLOADS_SECONDS=120
#   CONCURRENCY=16   DURATION=15s   WARMUP=5s
#   DURABILITY=fsync   DATA_DIR=bench/target/scale/data (the disk under test, never tmpfs)
#   SERVER_JAVA_OPTS=-Xmx1g   SKIP_BUILD=1 to reuse the jars
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=${OUT:-$ROOT/bench/target/scale}
FILL=${FILL:-1000000}
FILL_UPLOADS_SECONDS=${FILL_UPLOADS_SECONDS:-120}
CONCURRENCY=${CONCURRENCY:-16}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
DURABILITY=${DURABILITY:-fsync}
DATA_DIR=${DATA_DIR:-$OUT/data}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:--Xmx1g}
AK=scale-access-key
SK=scale-secret-key-0123456789
PORT=19010

log() { echo "scale: $*" >&2; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building server and bench"
  ./mvnw -q -pl server,bench -am package -DskipTests
fi
BENCH_JAR=$ROOT/bench/target/rosetta-bench.jar
ROSETTA_JAR=$ROOT/server/target/rosetta-server.jar

mkdir -p "$OUT/results" "$OUT/logs"
rm -f "$OUT"/results/*.json
rm -rf "$DATA_DIR"
mkdir -p "$DATA_DIR"

log "starting Rosetta (durability $DURABILITY) on 127.0.0.1:$PORT"
# shellcheck disable=SC2086
java $SERVER_JAVA_OPTS -jar "$ROSETTA_JAR" --listen "127.0.0.1:$PORT" --data-dir "$DATA_DIR" \
  --access-key "$AK" --secret-key "$SK" --durability "$DURABILITY" --access-log off --admin-listen off \
  >"$OUT/logs/rosetta.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 150); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
  kill -0 "$PID" 2>/dev/null || { log "Rosetta exited; see $OUT/logs/rosetta.log"; exit 1; }
  sleep 0.2
done

bench() { # bench NAME args...
  local name=$1; shift
  log "$name: $*"
  java -jar "$BENCH_JAR" --label "$name" --endpoint "http://127.0.0.1:$PORT" --access-key "$AK" --secret-key "$SK" \
    --server-pid "$PID" --json "$@" >"$OUT/results/$name.json"
}
measure() { # measure PHASE BUCKET LIST_OBJECTS: the four measurements against one bucket
  local phase=$1 bucket=$2 list_objects=$3
  # first the listing, whose preparation puts LIST_OBJECTS keys (kept: in the big bucket they are the fill);
  # each page is 1000 keys
  bench "$phase-list" --bucket "$bucket" --op list --size 0 --list-objects "$list_objects" --list-page 1000 \
    --concurrency "$CONCURRENCY" --duration "$DURATION" --warmup "$WARMUP" --no-cleanup
  bench "$phase-initiate" --bucket "$bucket" --op initiate --concurrency "$CONCURRENCY" --duration "$DURATION" --warmup "$WARMUP"
  bench "$phase-put" --bucket "$bucket" --op put --size 4KiB --concurrency "$CONCURRENCY" --duration "$DURATION" --warmup "$WARMUP"
  bench "$phase-get" --bucket "$bucket" --op get --size 4KiB --objects 10 --concurrency "$CONCURRENCY" \
    --duration "$DURATION" --warmup "$WARMUP"
}

measure small scale-small 1000

log "filling scale-big: open uploads for ${FILL_UPLOADS_SECONDS}s, then $FILL objects (the big list run prepares them)"
bench fill-uploads --bucket scale-big --op initiate --concurrency 16 --duration "${FILL_UPLOADS_SECONDS}s" \
  --warmup 0s --no-cleanup
measure big scale-big "$FILL"

java -jar "$BENCH_JAR" table "$OUT"/results/*.json | tee "$OUT/results.md"
log "reports in $OUT/results/, table in $OUT/results.md"
