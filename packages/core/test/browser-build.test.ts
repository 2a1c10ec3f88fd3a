import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));

/** The code an entry loads, its relative chunks included, and the packages it imports. */
function graph(entry: string): { code: string; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  let code = "";
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    code += text;
    for (const [, from] of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)"/gm)) {
      if (from!.startsWith(".")) visit(join(dirname(file), from!));
      else packages.add(from!);
    }
  };
  visit(join(dist, entry));
  return { code, packages };
}

// scripts/check.sh builds before it tests; a bare `vitest` in a fresh checkout must build first.
describe.each(["index.browser.js", "internal.browser.js"])("the published browser build %s", (entry) => {
  it("exists (run `pnpm build` first)", () => {
    expect(existsSync(join(dist, entry))).toBe(true);
  });

  it("imports no package: the logger comes only with @aoai/core/logging", () => {
    const { code, packages } = graph(entry);
    expect([...packages]).toEqual([]);
    expect(code).not.toContain("createLoggerContext");
  });

  it("has no node: module, no node:http client and uploads as a Blob", () => {
    const { code } = graph(entry);
    expect(code).not.toMatch(/["']node:/);
    expect(code).not.toContain("getBuiltinModule");
    expect(code).not.toContain("createDefaultHttpClient");
    expect(code).toContain("fetch(");
  });
});

describe("the published browser build logging.browser.js", () => {
  it("imports @azure/logger rather than carrying a copy, so the app's setLogLevel reaches it", () => {
    const { code, packages } = graph("logging.browser.js");
    expect([...packages]).toEqual(["@azure/logger"]);
    expect(code).not.toContain("createLoggerContext");
  });
});
