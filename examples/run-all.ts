// Runs every example in turn, each in its own process, and fails if any fails.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const skip = new Set(["connect.ts", "run-all.ts"]);
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".d.ts") && !skip.has(f))
  .sort();
const failed: string[] = [];
for (const file of files) {
  console.log(`\n=== ${file}`);
  const run = spawnSync(process.execPath, [file], {
    cwd: import.meta.dirname,
    stdio: "inherit",
    timeout: 60_000,
  });
  if (run.status !== 0) failed.push(file);
}
console.log(`\nexamples: ${files.length - failed.length} passed, ${failed.length} failed`);
if (failed.length > 0) {
  console.error(`failed: ${failed.join(", ")}`);
  process.exit(1);
}
