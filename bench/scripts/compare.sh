#!/usr/bin/env bash
# Rosetta vs s3proxy (filesystem backend) vs nginx (a static file), on loopback, with rosetta-bench.
#
# Starts the three servers on 127.0.0.1, runs the load generator against each at the issue's levels with
# --server-pid (so every row carries the server's CPU time per operation), keeps every JSON report and
# prints a markdown table. Downloads nothing but Maven Central artifacts (s3proxy, through the Maven
# wrapper) and, when nginx is missing, Debian's nginx-light package.
#
# Usage: bench/scripts/compare.sh            (from anywhere; results in bench/target/compare/)
# Knobs (environment):
#   OPS="initiate put get"   S3 operations to run against Rosetta and s3proxy
#   SIZE=4KiB                object size of put/get and of nginx's static file
#   LEVELS=1,16,64           concurrency levels      DURATION=15s   WARMUP=5s
#   SIGN=v4                  signing scheme (s3proxy speaks v2 and v4 only)
#   DURABILITY=fsync         Rosetta's --durability (s3proxy's filesystem backend does not fsync)
#   DATA_DIR=...             where the servers keep data: put it on the disk you mean to measure
#                            (default bench/target/compare/data; never tmpfs when comparing fsync)
#   SERVER_CPUS=, CLIENT_CPUS=   taskset CPU lists to pin servers and the generator apart (default: no pinning)
#   SERVER_JAVA_OPTS="-Xmx2g"    JVM options of Rosetta and s3proxy (the same for both)
#   S3PROXY_VERSION=2.6.0    SKIP_BUILD=1 to reuse the jars already built
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=${OUT:-$ROOT/bench/target/compare}
OPS=${OPS:-initiate put get}
SIZE=${SIZE:-4KiB}
LEVELS=${LEVELS:-1,16,64}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
SIGN=${SIGN:-v4}
DURABILITY=${DURABILITY:-fsync}
DATA_DIR=${DATA_DIR:-$OUT/data}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:--Xmx2g}
S3PROXY_VERSION=${S3PROXY_VERSION:-2.6.0}
AK=compare-access-key
SK=compare-secret-key-0123456789
ROSETTA_PORT=19000
S3PROXY_PORT=19001
NGINX_PORT=19002

pin() { # pin CPULIST command...   (foreground)
  local cpus=$1; shift
  if [ -n "$cpus" ]; then taskset -c "$cpus" "$@"; else "$@"; fi
}

start() { # start LOG CPULIST command...   (background; $! is the server process itself, for --server-pid)
  local logfile=$1 cpus=$2; shift 2
  if [ -n "$cpus" ]; then
    exec taskset -c "$cpus" "$@" >"$logfile" 2>&1 &
  else
    exec "$@" >"$logfile" 2>&1 &
  fi
}

log() { echo "compare: $*" >&2; }

wait_port() { # wait_port PORT PID NAME
  for _ in $(seq 1 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then log "$3 exited; see $OUT/logs/$3.log"; exit 1; fi
    sleep 0.2
  done
  log "$3 did not open port $1 in 30 s"; exit 1
}

PIDS=()
stop_all() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT INT TERM

mkdir -p "$OUT/logs" "$OUT/results" "$OUT/lib"
rm -f "$OUT"/results/*.json
rm -rf "$DATA_DIR/rosetta" "$DATA_DIR/s3proxy"
mkdir -p "$DATA_DIR/rosetta" "$DATA_DIR/s3proxy"

# ---- build and fetch
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building server and bench"
  ./mvnw -q -pl server,bench -am package -DskipTests
fi
BENCH_JAR=$ROOT/bench/target/rosetta-bench.jar
ROSETTA_JAR=$ROOT/server/target/rosetta-server.jar
S3PROXY_JAR=$OUT/lib/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar
if [ ! -f "$S3PROXY_JAR" ]; then
  log "fetching org.gaul:s3proxy:$S3PROXY_VERSION (jar-with-dependencies) from Maven Central"
  ./mvnw -q -N dependency:copy -Dartifact="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" \
    -DoutputDirectory="$OUT/lib"
fi
if ! command -v nginx >/dev/null 2>&1; then
  log "installing nginx-light (Debian)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# ---- start the servers
log "starting Rosetta (durability $DURABILITY) on 127.0.0.1:$ROSETTA_PORT"
# shellcheck disable=SC2086
start "$OUT/logs/rosetta.log" "${SERVER_CPUS:-}" java $SERVER_JAVA_OPTS -jar "$ROSETTA_JAR" \
  --listen "127.0.0.1:$ROSETTA_PORT" --data-dir "$DATA_DIR/rosetta" --access-key "$AK" --secret-key "$SK" \
  --durability "$DURABILITY" --access-log off --admin-listen off
ROSETTA_PID=$!
PIDS+=("$ROSETTA_PID")

log "starting s3proxy $S3PROXY_VERSION (filesystem backend) on 127.0.0.1:$S3PROXY_PORT"
cat >"$OUT/s3proxy.conf" <<EOF
s3proxy.endpoint=http://127.0.0.1:$S3PROXY_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$AK
s3proxy.credential=$SK
jclouds.provider=filesystem
jclouds.filesystem.basedir=$DATA_DIR/s3proxy
EOF
# shellcheck disable=SC2086
start "$OUT/logs/s3proxy.log" "${SERVER_CPUS:-}" java $SERVER_JAVA_OPTS -jar "$S3PROXY_JAR" \
  --properties "$OUT/s3proxy.conf"
S3PROXY_PID=$!
PIDS+=("$S3PROXY_PID")

log "starting nginx on 127.0.0.1:$NGINX_PORT serving one $SIZE file"
mkdir -p "$OUT/nginx/www" "$OUT/nginx/tmp"
SIZE_BYTES=$(java -cp "$BENCH_JAR" dev.rosetta.bench.util.SizeOf "$SIZE")
head -c "$SIZE_BYTES" /dev/urandom >"$OUT/nginx/www/object.bin"
chmod -R a+rX "$OUT/nginx/www"
cat >"$OUT/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $OUT/nginx/nginx.pid;
error_log $OUT/logs/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 100000000;
  keepalive_timeout 120s;
  client_body_temp_path $OUT/nginx/tmp/body;
  proxy_temp_path $OUT/nginx/tmp/proxy;
  fastcgi_temp_path $OUT/nginx/tmp/fastcgi;
  uwsgi_temp_path $OUT/nginx/tmp/uwsgi;
  scgi_temp_path $OUT/nginx/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $OUT/nginx/www;
    location / { }
  }
}
EOF
start "$OUT/logs/nginx.log" "${SERVER_CPUS:-}" "$NGINX" -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf"
NGINX_PID=$!
PIDS+=("$NGINX_PID")

wait_port "$ROSETTA_PORT" "$ROSETTA_PID" rosetta
wait_port "$S3PROXY_PORT" "$S3PROXY_PID" s3proxy
wait_port "$NGINX_PORT" "$NGINX_PID" nginx
NGINX_PIDS=$(echo "$NGINX_PID" $(pgrep -P "$NGINX_PID" || true) | tr ' ' ',')

# ---- run
bench() { # bench NAME PIDS args...
  local name=$1 pids=$2; shift 2
  log "$name: $*"
  pin "${CLIENT_CPUS:-}" java -jar "$BENCH_JAR" --label "$name" --server-pid "$pids" --concurrency "$LEVELS" \
    --duration "$DURATION" --warmup "$WARMUP" --json "$@" >"$OUT/results/$name.json"
}

nginx_bench() {
  bench "$1-nginx-static" "$NGINX_PIDS" --static-url "http://127.0.0.1:$NGINX_PORT/object.bin" --size "$SIZE"
}

# nginx runs right after Rosetta's GET, so that the two figures the GET target compares are taken minutes
# apart at most (this machine's speed drifts by tens of percent over a run)
n=0
nginx_done=
for op in $OPS; do
  n=$((n + 1))
  bench "$(printf '%02d' $n)-rosetta-$op" "$ROSETTA_PID" --endpoint "http://127.0.0.1:$ROSETTA_PORT" \
    --access-key "$AK" --secret-key "$SK" --sign "$SIGN" --op "$op" --size "$SIZE"
  if [ "$op" = get ]; then
    nginx_bench "$(printf '%02d' $n)"
    nginx_done=1
  fi
  bench "$(printf '%02d' $n)-s3proxy-$op" "$S3PROXY_PID" --endpoint "http://127.0.0.1:$S3PROXY_PORT" \
    --access-key "$AK" --secret-key "$SK" --sign "$SIGN" --op "$op" --size "$SIZE"
done
if [ -z "$nginx_done" ]; then
  nginx_bench "$(printf '%02d' $((n + 1)))"
fi

java -jar "$BENCH_JAR" table "$OUT"/results/*.json | tee "$OUT/results.md"
log "reports in $OUT/results/, table in $OUT/results.md"
