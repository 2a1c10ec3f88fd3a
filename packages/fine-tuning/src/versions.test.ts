import { API_VERSIONS } from "@aoai/core";
import { expect, it } from "vitest";
import { loadSpec, type SpecVersion } from "../../../test-utils/specs.js";
import { VERSIONED_FIELDS, versions } from "./versions.js";

// The evidence, as read from Azure's authoring specs (see versions.ts): what each version has.
const AUTHORING: Record<string, readonly string[]> = {
  "2024-06-01": ["fine_tuning/jobs"],
  "2024-10-21": ["fine_tuning/jobs"],
  "2025-04-01-preview": ["fine_tuning/jobs", "pause", "resume", "method", "integrations"],
};

it("the committed specs are the inference specs, without fine-tuning routes: the evidence is elsewhere", () => {
  for (const version of ["2024-10-21", "2025-04-01-preview"] as SpecVersion[])
    expect(Object.keys(loadSpec(version).paths).filter((p) => p.includes("fine_tuning"))).toEqual([]);
});

it("never refuses what a version's authoring spec has", () => {
  for (const [version, features] of Object.entries(AUTHORING))
    for (const feature of features) expect(versions(feature), `${feature} ${version}`).toContain(version);
});

it("jobs are in every version; pause, resume, method and integrations are refused only on GA", () => {
  expect(versions("fine_tuning/jobs")).toEqual(API_VERSIONS);
  const previews = API_VERSIONS.filter((v) => v !== "2024-06-01" && v !== "2024-10-21");
  for (const feature of ["pause", "resume", ...VERSIONED_FIELDS]) expect(versions(feature)).toEqual(previews);
  expect(versions("suffix")).toBeUndefined();
});
