import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

describe("src/validation/request-schemas.json", () => {
  it("is what scripts/derive-request-schemas.mjs makes of the committed specs", () => {
    const script = fileURLToPath(new URL("../scripts/derive-request-schemas.mjs", import.meta.url));
    const run = spawnSync(process.execPath, [script, "--check"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("and the v1 schemas what it makes of the excerpts of the v1 specs", () => {
    const script = fileURLToPath(new URL("../scripts/derive-request-schemas.mjs", import.meta.url));
    const excerpt = (name: string) => fileURLToPath(new URL(`../scripts/${name}`, import.meta.url));
    const args = ["--check", "--v1", excerpt("v1-spec-excerpt.json")];
    args.push("--v1-preview", excerpt("v1-preview-spec-excerpt.json"));
    const run = spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
