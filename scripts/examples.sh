#!/usr/bin/env bash
# Installs what is missing (Node 24, pnpm, packages), builds the packages and runs every example
# against the local emulator (or against Azure when AZURE_OPENAI_ENDPOINT is set).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh
pnpm install --frozen-lockfile --reporter=append-only
pnpm exec turbo run build --filter=@aoai/examples^... --output-logs=errors-only
pnpm --filter @aoai/examples run all
