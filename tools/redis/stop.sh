#!/usr/bin/env bash
# Stops the private Redis started by tools/redis/start.sh on PORT and deletes its directory.
# Usage: tools/redis/stop.sh [PORT]   (default: $REDIS_PORT or 6390). Succeeds when none runs.
set -euo pipefail
port="${1:-${REDIS_PORT:-6390}}"
case "$port" in '' | *[!0-9]*) echo "stop.sh: Expected PORT to be a number, got \`$port\`." >&2; exit 2 ;; esac
dir="${TMPDIR:-/tmp}/concur-redis-$port"
# How long to wait for the server to exit after SHUTDOWN before SIGKILL: 50 polls of 0.1 s.
EXIT_POLLS=50

pid=""
[ -f "$dir/redis.pid" ] && pid="$(cat "$dir/redis.pid")"
redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || true
if [ -n "$pid" ]; then
  for _ in $(seq "$EXIT_POLLS"); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
fi
rm -rf "$dir"
