#!/usr/bin/env bash
# The whole test suite: installs what is missing (Node 24, pnpm, packages, Chromium, redis-server), then lint,
# build, API reports, typecheck, unit + integration + browser tests, package checks (publint, attw),
# bundle budgets, and the registry test (RELEASING.md followed against a local registry, the
# packages installed back on Node 22 and 24). Runs every step even after a failure, and exits
# non-zero if any failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh || exit 1

start=$SECONDS
failed=()
step() {
  local name=$1
  shift
  echo
  echo "── $name"
  local t=$SECONDS
  if "$@"; then echo "── $name: ok ($((SECONDS - t)) s)"; else echo "── $name: FAILED ($((SECONDS - t)) s)"; failed+=("$name"); fi
}

install_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then return 0; fi
  if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ]; then echo "Chromium is missing: install Debian's chromium or set CHROMIUM_PATH" >&2; return 1; fi
    echo "installing Debian's chromium for the browser tests"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null || return 1
  fi
  CHROMIUM_PATH=$(command -v chromium)
  export CHROMIUM_PATH
}

# Debian's redis-server for @aoai/router's shared-state tests, which start and stop it themselves.
install_redis() {
  if command -v redis-server >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" != 0 ]; then echo "redis-server is missing: install Debian's redis-server" >&2; return 1; fi
  echo "installing Debian's redis-server for the router tests"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null || return 1
  # The package starts a system service on the default port; the tests want only their own.
  if command -v service >/dev/null 2>&1; then service redis-server stop >/dev/null 2>&1 || true; fi
}

step "install" pnpm install --frozen-lockfile --reporter=append-only
[ ${#failed[@]} -eq 0 ] || { echo "check: install failed"; exit 1; }
step "chromium" install_chromium
step "redis" install_redis
step "lint" pnpm exec biome check .
step "knip" pnpm exec knip --no-progress
# The import rules of docs/new-package.md: features import only core (batches and vector-stores
# also files), core imports no feature, no node: module is reachable from a browser entry.
step "architecture" pnpm exec vitest run --project node scripts/architecture.test.ts
step "build" pnpm exec turbo run build --output-logs=errors-only
step "api" pnpm api:check
step "typecheck" pnpm exec turbo run typecheck --output-logs=errors-only
mkdir -p .tmp
rm -f .tmp/vitest.json
step "tests" pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json
step "package-lint" pnpm exec turbo run package-lint --output-logs=errors-only
step "budgets" node scripts/budgets.mjs
step "registry" timeout -k 10 600 bash scripts/registry-test.sh

echo
if [ ${#failed[@]} -gt 0 ]; then echo "failed steps: ${failed[*]}"; fi
echo "check took $((SECONDS - start)) s"
# The closing line CI reads: test counts, plus one failure per failed step other than the tests.
other=0
for f in "${failed[@]}"; do [ "$f" = tests ] || other=$((other + 1)); done
node -e '
const fs = require("node:fs");
let passed = 0, failed = 0, skipped = 0;
try {
  const r = JSON.parse(fs.readFileSync(".tmp/vitest.json", "utf8"));
  passed = r.numPassedTests; failed = r.numFailedTests; skipped = r.numPendingTests + (r.numTodoTests ?? 0);
} catch {}
console.log(`check: ${passed} passed, ${failed + Number(process.argv[1])} failed, ${skipped} skipped`);
' "$other"
[ ${#failed[@]} -eq 0 ]
