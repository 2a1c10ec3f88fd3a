import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const file = fileURLToPath(new URL("../dist/index.browser.js", import.meta.url));
// scripts/check.sh builds before testing; a bare `vitest` run in a fresh checkout has no dist yet.
const built = existsSync(file);

describe.skipIf(!built)("the published browser build (dist/index.browser.js)", () => {
  const code = built ? readFileSync(file, "utf8") : "";
  const imports = [...code.matchAll(/^import\s.*?from\s+"([^"]+)"/gm)].map((m) => m[1]);

  it("imports @azure/logger rather than carrying a copy, so the app's setLogLevel reaches it", () => {
    expect(imports).toEqual(["@azure/logger"]);
    expect(code).not.toContain("createLoggerContext");
  });

  it("has no node: import and no node:http client", () => {
    expect(code).not.toMatch(/["']node:/);
    expect(code).not.toContain("createDefaultHttpClient");
    expect(code).toContain("fetch(");
  });
});
