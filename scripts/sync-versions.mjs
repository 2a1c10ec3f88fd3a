// After `changeset version` bumps package.json versions, carry each into its src/version.ts
// (the User-Agent reads it). Each package's version.test.ts fails if the two disagree.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";

const root = new URL("../packages/", import.meta.url);
for (const dir of readdirSync(root)) {
  const file = new URL(`${dir}/src/version.ts`, root);
  if (!existsSync(file)) continue;
  const { version } = JSON.parse(readFileSync(new URL(`${dir}/package.json`, root), "utf8"));
  const text = readFileSync(file, "utf8");
  const next = text.replace(/export const VERSION = "[^"]*";/, `export const VERSION = "${version}";`);
  if (next !== text) {
    writeFileSync(file, next);
    console.log(`${dir}: ${version}`);
  }
}
