import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { API_VERSIONS } from "./api-versions.js";
import { OPERATION_VERSIONS, versionsFor } from "./capabilities.js";

// The official specs live beside the repository: <repo>/../shared/specs/azure-openai/<version>/inference.json
const specsRoot = fileURLToPath(new URL("../../../../shared/specs/azure-openai/", import.meta.url));
const SPEC_VERSIONS = ["2024-10-21", "2025-04-01-preview"] as const;
const specsPresent = SPEC_VERSIONS.every((v) => existsSync(`${specsRoot}${v}/inference.json`));

function specOperations(version: string): Set<string> {
  const spec = JSON.parse(readFileSync(`${specsRoot}${version}/inference.json`, "utf8")) as {
    paths: Record<string, unknown>;
  };
  const ops = new Set<string>();
  for (const path of Object.keys(spec.paths)) {
    const match = /^\/deployments\/\{deployment-id\}\/(.+)$/.exec(path);
    if (match) ops.add(match[1]!);
  }
  return ops;
}

describe("capability table", () => {
  it("only names known API versions", () => {
    for (const versions of Object.values(OPERATION_VERSIONS)) {
      for (const v of versions) expect(API_VERSIONS).toContain(v);
    }
  });

  it("the v1 API serves every operation", () => {
    for (const [op, versions] of Object.entries(OPERATION_VERSIONS)) expect(versions, op).toContain("v1");
  });

  it("has audio/speech only in previews and v1", () => {
    expect(versionsFor("audio/speech")).not.toContain("2024-10-21");
    expect(versionsFor("audio/speech")).not.toContain("2024-06-01");
    expect(versionsFor("audio/speech")).toContain("2025-04-01-preview");
    expect(versionsFor("images/edits")).toEqual(["2025-04-01-preview", "v1"]);
    expect(versionsFor("chat/completions")).toEqual(API_VERSIONS);
    expect(versionsFor("assistants")).toBeUndefined();
  });

  describe.skipIf(!specsPresent)(
    specsPresent ? "agrees with the official specs" : `SKIPPED: the official specs are absent (${specsRoot})`,
    () => {
      it.each(SPEC_VERSIONS)("%s", (version) => {
        const fromSpec = specOperations(version);
        expect(fromSpec.size).toBeGreaterThan(0);
        const fromTable = new Set(
          Object.entries(OPERATION_VERSIONS)
            .filter(([, vs]) => vs.includes(version))
            .map(([op]) => op),
        );
        expect([...fromTable].sort()).toEqual([...fromSpec].sort());
      });
    },
  );
});
