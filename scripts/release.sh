#!/usr/bin/env bash
# `pnpm release`: publishes every package whose version is not on the registry yet (see
# RELEASING.md). Refuses a dirty working tree; runs the whole check (scripts/check.sh) first;
# packs with `changeset pack`, refuses any tarball that fails scripts/check-tarballs.mjs (a
# `workspace:` range left in its manifest, a missing LICENSE/README/CHANGELOG…), then publishes
# exactly those tarballs with `changeset publish --from-pack-dir` (which also tags the release).
#
# AOAI_RELEASE_SKIP_CHECK=1 skips scripts/check.sh (the packages are still built). Only for a
# caller that is itself part of the check: scripts/registry-test.sh, which check.sh runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh

refuse_dirty() {
  if [ -n "$(git status --porcelain)" ]; then
    echo "release: refusing to publish from a dirty working tree ($1); commit or remove these first:" >&2
    git status --short >&2
    exit 1
  fi
}

refuse_dirty "before the check"
if [ "${AOAI_RELEASE_SKIP_CHECK:-}" = 1 ]; then
  echo "release: AOAI_RELEASE_SKIP_CHECK=1, so scripts/check.sh is not run here; building the packages"
  pnpm exec turbo run build --filter='./packages/*' --output-logs=errors-only
else
  bash scripts/check.sh
fi
refuse_dirty "after the check"

out=$(mktemp -d "${TMPDIR:-/tmp}/aoai-release.XXXXXX")
trap 'rm -rf "$out"' EXIT
pnpm exec changeset pack --out-dir "$out"
if ! ls "$out"/packages/*.tgz >/dev/null 2>&1; then
  echo "release: every package's version is already on the registry; nothing to publish"
  exit 0
fi
node scripts/check-tarballs.mjs --release "$out/packages"
pnpm exec changeset publish --from-pack-dir "$out"
echo "release: published; now push the commit and its tags: git push --follow-tags"
