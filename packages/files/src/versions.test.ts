import { API_VERSIONS } from "@aoai/core";
import { expect, it } from "vitest";
import { loadSpec, type SpecVersion } from "../../../test-utils/specs.js";
import { versions } from "./versions.js";

// The evidence, as read from Azure's authoring specs (see versions.ts): what each version has.
const AUTHORING: Record<string, readonly string[]> = {
  "2024-06-01": ["files"],
  "2024-10-21": ["files"],
  "2025-04-01-preview": ["files", "expires_after"],
};

it("the committed specs are the inference specs, without files routes: the evidence is elsewhere", () => {
  for (const version of ["2024-10-21", "2025-04-01-preview"] as SpecVersion[]) {
    const paths = Object.keys(loadSpec(version).paths);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => /^\/openai\/files\b/.test(p))).toEqual([]);
  }
});

it("never refuses what a version's authoring spec has", () => {
  for (const [version, features] of Object.entries(AUTHORING))
    for (const feature of features) expect(versions(feature), `${feature} ${version}`).toContain(version);
});

it("files are in every version; expires_after is refused only on the GA versions", () => {
  expect(versions("files")).toEqual(API_VERSIONS);
  expect(versions("expires_after")).toEqual(
    API_VERSIONS.filter((v) => v !== "2024-06-01" && v !== "2024-10-21"),
  );
  expect(versions("limit")).toBeUndefined();
});
