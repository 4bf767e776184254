#!/usr/bin/env bash
# Large objects: one PUT and one GET per size on a fresh Rosetta with a small heap (after an untimed 64 MiB PUT
# and GET, so that the timed ones run compiled code), timed, with the server's
# peak resident memory (VmHWM) after each pair. Shows that throughput is near the machine's limits and that
# memory does not grow with the object. The client is curl (SigV4 with UNSIGNED-PAYLOAD, a file upload, GET to
# /dev/null), so sizes above the load generator's 2 GiB work too.
#
# The GET is timed three times and the median kept.
#
# Usage: bench/scripts/large-objects.sh        (results in bench/target/large/results.md)
# Knobs: SIZES="64MiB 256MiB 1GiB 5GiB"   HEAP=-Xmx256m   DURABILITY=fsync
#        DATA_DIR=bench/target/large/data (the disk under test)   SKIP_BUILD=1
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=${OUT:-$ROOT/bench/target/large}
SIZES=${SIZES:-64MiB 256MiB 1GiB 5GiB}
HEAP=${HEAP:--Xmx256m}
DURABILITY=${DURABILITY:-fsync}
DATA_DIR=${DATA_DIR:-$OUT/data}
AK=large-access-key
SK=large-secret-key-0123456789
PORT=19020
URL=http://127.0.0.1:$PORT

log() { echo "large: $*" >&2; }
bytes() { # 5GiB -> 5368709120
  local n=${1%[KMG]iB} unit=${1#"${1%[KMG]iB}"}
  case $unit in KiB) echo $((n << 10)) ;; MiB) echo $((n << 20)) ;; GiB) echo $((n << 30)) ;; *) echo "$1" ;; esac
}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -pl server -am package -DskipTests
fi
command -v curl >/dev/null || { log "curl is needed"; exit 1; }
ROSETTA_JAR=$ROOT/server/target/rosetta-server.jar
mkdir -p "$OUT"
RESULTS=$OUT/results.md
echo "| Size | PUT s | PUT MiB/s | GET s | GET MiB/s | Server peak RSS MiB | ETag = MD5 |" >"$RESULTS"
echo "|---|---:|---:|---:|---:|---:|---|" >>"$RESULTS"

PID=
stop() { # a server stopped by SIGTERM exits 143: not a failure of this script
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  PID=
}
trap 'stop; rm -f "$OUT/object.bin" "$OUT/warm.bin"' EXIT INT TERM

s3() { # s3 curl-args...: a SigV4-signed request (the body is not hashed: UNSIGNED-PAYLOAD)
  curl -sS --fail-with-body --aws-sigv4 "aws:amz:us-east-1:s3" --user "$AK:$SK" \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$@"
}

head -c $((64 << 20)) /dev/urandom >"$OUT/warm.bin"
for size in $SIZES; do
  n=$(bytes "$size")
  log "$size: writing a file of $n random bytes"
  head -c "$n" /dev/urandom >"$OUT/object.bin"
  md5=$(md5sum "$OUT/object.bin" | cut -d' ' -f1)
  rm -rf "$DATA_DIR"
  # shellcheck disable=SC2086
  java $HEAP -jar "$ROSETTA_JAR" --listen "127.0.0.1:$PORT" --data-dir "$DATA_DIR" --access-key "$AK" \
    --secret-key "$SK" --durability "$DURABILITY" --access-log off --admin-listen off >"$OUT/rosetta-$size.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 150); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.2; done
  s3 -X PUT "$URL/large" -o /dev/null
  # one untimed PUT and GET first, so the timed pair runs compiled code, as a running server does
  s3 -T "$OUT/warm.bin" -o /dev/null "$URL/large/warm-up"
  s3 -o /dev/null "$URL/large/warm-up"
  s3 -X DELETE -o /dev/null "$URL/large/warm-up"
  log "$size: PUT"
  t0=$(date +%s%N)
  s3 -T "$OUT/object.bin" -D "$OUT/put-headers.txt" -o /dev/null "$URL/large/object"
  put=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { print (b - a) / 1e9 }')
  etag=$(grep -i '^etag:' "$OUT/put-headers.txt" | tr -d '\r"' | awk '{print $2}')
  log "$size: GET, three times (the median is kept: a short transfer is easily disturbed)"
  gets=()
  for _ in 1 2 3; do
    t0=$(date +%s%N)
    s3 -o /dev/null "$URL/large/object"
    gets+=("$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { print (b - a) / 1e9 }')")
  done
  get=$(printf '%s\n' "${gets[@]}" | sort -g | sed -n 2p)
  hwm=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$PID/status")
  stop
  mib=$((n >> 20))
  row=$(awk -v s="$size" -v p="$put" -v g="$get" -v m="$mib" -v h="$hwm" -v ok="$([ "$etag" = "$md5" ] && echo yes || echo "no ($etag)")" \
    'BEGIN { printf "| %s | %.1f | %.0f | %.1f | %.0f | %d | %s |", s, p, m / p, g, m / g, h, ok }')
  echo "$row" | tee -a "$RESULTS"
done
rm -rf "$DATA_DIR"
log "table in $RESULTS"
