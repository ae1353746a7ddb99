#!/usr/bin/env bash
# Every check, in the order a contributor wants failures: formatting, workspace sync, the
# GitHub workflow lint, then lint, typecheck, build and test for all projects (cached by Nx).
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_NO_CLOUD=true NX_DAEMON=false
npx nx format:check --all
npx nx sync:check
node tools/check-workflows.mjs
npx nx run-many -t lint typecheck build test --output-style=static "$@"
