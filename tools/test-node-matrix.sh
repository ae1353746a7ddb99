#!/usr/bin/env bash
# Runs the test suites of the concurrency packages under other Node.js majors (fetched by
# tools/run-on-node.sh), reusing the dist/ that a normal build left, and records each
# package's passed/failed counts for tools/test-summary.mjs.
#
# Usage: bash tools/test-node-matrix.sh [major...]          (default: 22 24)
# Env:   NODE_MATRIX_PACKAGES  packages to test  (default: core threading multiprocessing executors)
#        NODE_MATRIX_ROWS      TSV file the rows are appended to (default: a temp file, whose
#                              table is printed at the end)
# Build first (`npx nx run-many -t build`): tests import the packages by name, i.e. from dist/.
# Exit code: 0 when every suite passed on every version, 1 otherwise.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
majors=("$@")
[[ ${#majors[@]} -gt 0 ]] || majors=(22 24)
read -r -a packages <<<"${NODE_MATRIX_PACKAGES:-core threading multiprocessing executors}"
rows="${NODE_MATRIX_ROWS:-}"
own_rows=0
if [[ -z "$rows" ]]; then
  rows="$(mktemp)"
  own_rows=1
fi
logs="$(mktemp -d)"
status=0

for major in "${majors[@]}"; do
  for pkg in "${packages[@]}"; do
    dir="$root/packages/$pkg"
    if [[ ! -d "$dir/dist" ]]; then
      echo "test-node-matrix: Expected a build of $pkg at $dir/dist, found none; run \`npx nx run $pkg:build\` first." >&2
      status=1
      continue
    fi
    log="$logs/node$major-$pkg.log"
    echo
    echo "== $pkg on Node $major"
    start=$SECONDS
    # vitest's own `node` comes from PATH, so the suite and the workers and child processes it
    # starts (through process.execPath) all run on the requested major.
    (cd "$dir" && bash "$root/tools/run-on-node.sh" "$major" \
      node "$root/node_modules/vitest/vitest.mjs" run) </dev/null 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    version="$(bash "$root/tools/run-on-node.sh" "$major" node --version)"
    echo "== $pkg on Node $version: exit $rc in $((SECONDS - start)) s"
    node "$root/tools/test-summary.mjs" vitest "$rows" "$log" "$version" "$pkg" "$rc"
    [[ $rc -eq 0 ]] || status=1
  done
done

rm -rf "$logs"
if [[ $own_rows -eq 1 ]]; then
  echo
  node "$root/tools/test-summary.mjs" table "$rows" || status=1
  rm -f "$rows"
fi
exit $status
