import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = dirname(fileURLToPath(import.meta.url));
// Static imports and re-exports that are not type-only: `import { a, type B } from "x"` counts,
// `import type` and `export type { … }` do not.
const IMPORT = /^(?:import|export)\s+(?!type\s)([^;]*?)\s+from\s+"([^"]+)";/gms;

function runtimeImports(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, names, from] of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const onlyTypes =
        /^\{[^}]*\}$/s.test(names!) &&
        names!
          .slice(1, -1)
          .split(",")
          .every((n) => /^\s*(type\s|$)/.test(n));
      if (onlyTypes) continue;
      if (from!.startsWith(".")) visit(resolve(dirname(file), from!.replace(/\.js$/, ".ts")));
      else packages.add(from!);
    }
  };
  visit(entry);
  return packages;
}

describe("what importing @aoai/core loads", () => {
  // core-rest-pipeline is 90 ms of cold import and core-auth 25 ms (bench/results); the HTTP client
  // is loaded on the first request instead, and only types come from either package.
  it("loads no package but @azure/logger at import time", () => {
    expect([...runtimeImports(resolve(src, "index.ts"))].sort()).toEqual(["@azure/logger"]);
  });

  it("the browser default HTTP client loads nothing from core-rest-pipeline either", () => {
    expect([...runtimeImports(resolve(src, "transport/default-http-client.browser.ts"))]).toEqual([]);
  });
});
