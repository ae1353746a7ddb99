#!/usr/bin/env bash
# Starts a private, loopback-only Redis for tests and benches, installing redis-server from
# Debian's packages when it is missing; prints the URL (redis://127.0.0.1:PORT) on stdout.
# Usage: tools/redis/start.sh [PORT]   (default: $REDIS_PORT or 6390)
# Its config, pidfile, log and any dump live in ${TMPDIR:-/tmp}/concur-redis-PORT (mode 700);
# running it again for a port whose server answers just prints the URL. A dump written by
# `redis-cli -p PORT shutdown save` is loaded on the next start (tests restart Redis this way).
set -euo pipefail
port="${1:-${REDIS_PORT:-6390}}"
case "$port" in '' | *[!0-9]*) echo "start.sh: Expected PORT to be a number, got \`$port\`." >&2; exit 2 ;; esac
dir="${TMPDIR:-/tmp}/concur-redis-$port"
url="redis://127.0.0.1:$port"
# How long to wait for a fresh server to answer PING: 100 polls of 0.1 s = 10 s, ample for a
# loaded 2-core machine (Redis itself starts in milliseconds).
READY_POLLS=100

if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
  echo "start.sh: installing redis-server from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2 && apt-get install -y --no-install-recommends redis-server >&2
fi

if redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
  echo "$url"
  exit 0
fi

mkdir -p "$dir"
chmod 700 "$dir"
cat >"$dir/redis.conf" <<CONF
# Private test server: loopback only, no persistence except an explicit SHUTDOWN SAVE.
bind 127.0.0.1
protected-mode yes
port $port
daemonize yes
pidfile $dir/redis.pid
logfile $dir/redis.log
dir $dir
dbfilename dump.rdb
save ""
appendonly no
# BullMQ needs keys never evicted.
maxmemory-policy noeviction
CONF
redis-server "$dir/redis.conf" >&2

for _ in $(seq "$READY_POLLS"); do
  if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
    echo "$url"
    exit 0
  fi
  sleep 0.1
done
echo "start.sh: redis-server on port $port did not answer PING; its log:" >&2
tail -20 "$dir/redis.log" >&2 || true
exit 1
