// Kept equal to package.json by scripts/sync-versions.mjs (run after `changeset version`) and
// checked by version.test.ts.
export const VERSION = "0.0.0";
