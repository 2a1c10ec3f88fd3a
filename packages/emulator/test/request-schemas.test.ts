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

  it("and src/validation/v1-request-schemas.json what it makes of the v1 spec's excerpt", () => {
    const script = fileURLToPath(new URL("../scripts/derive-request-schemas.mjs", import.meta.url));
    const excerpt = fileURLToPath(new URL("../scripts/v1-spec-excerpt.json", import.meta.url));
    const run = spawnSync(process.execPath, [script, "--check", "--v1", excerpt], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
