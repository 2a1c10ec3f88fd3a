import { API_VERSIONS } from "@aoai/core";
import { expect, it } from "vitest";
import { loadSpec, type SpecVersion } from "../../../test-utils/specs.js";
import { VERSIONED_FIELDS, versions } from "./versions.js";

// The evidence, as read from Azure's authoring specs (see versions.ts): what each version has.
const AUTHORING: Record<string, readonly string[]> = {
  "2024-06-01": [],
  "2024-10-21": ["batches"],
  "2025-04-01-preview": ["batches", "input_blob", "output_folder", "output_expires_after"],
};

it("the committed specs are the inference specs, without batch routes: the evidence is elsewhere", () => {
  for (const version of ["2024-10-21", "2025-04-01-preview"] as SpecVersion[])
    expect(Object.keys(loadSpec(version).paths).filter((p) => p.includes("/batches"))).toEqual([]);
});

it("never refuses what a version's authoring spec has, and refuses what 2024-06-01 lacks", () => {
  for (const [version, features] of Object.entries(AUTHORING))
    for (const feature of features) expect(versions(feature), `${feature} ${version}`).toContain(version);
  expect(versions("batches")).not.toContain("2024-06-01");
  expect(versions("batches")).toEqual(API_VERSIONS.filter((v) => v !== "2024-06-01"));
});

it("Azure's blob fields are refused only on the GA versions", () => {
  const previews = API_VERSIONS.filter((v) => v !== "2024-06-01" && v !== "2024-10-21");
  for (const field of VERSIONED_FIELDS) expect(versions(field)).toEqual(previews);
  expect(versions("endpoint")).toBeUndefined();
  expect(versions("metadata")).toBeUndefined();
});
