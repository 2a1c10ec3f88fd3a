import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));

// scripts/check.sh builds before it tests; a bare `vitest` in a fresh checkout must build first.
describe("the published browser build", () => {
  it("exists beside the Node build (run `pnpm build` first)", () => {
    expect(existsSync(`${dist}index.browser.js`)).toBe(true);
  });

  it("leaves out the Node-only base64 parser, which the Node build has", () => {
    const marker = "nodeBase64ToBytes";
    expect(readFileSync(`${dist}index.js`, "utf8")).toContain(marker);
    expect(readFileSync(`${dist}index.browser.js`, "utf8")).not.toContain(marker);
  });
});
