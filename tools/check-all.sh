#!/usr/bin/env bash
# Every check, in the order a contributor wants failures: formatting, workspace sync, the
# GitHub workflow lint, then lint, typecheck, build and test for all projects (cached by Nx).
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_NO_CLOUD=true NX_DAEMON=false
# Nx sets FORCE_COLOR=true in every task unless it is 0, and Node then colours console.log
# even into pipes: tests that compare a spawned script's output would see ANSI codes.
export FORCE_COLOR=0
npx nx format:check --all
npx nx sync:check
node tools/check-workflows.mjs
npx nx run-many -t lint typecheck build test --output-style=static "$@"
