import { API_VERSIONS } from "@aoai/core";
import { describe, expect, it } from "vitest";
import {
  loadSpec,
  requestSchema,
  resolve,
  type SpecVersion,
  schemaProperties,
} from "../../../test-utils/specs.js";
import { VERSIONED_FIELDS, versions } from "./versions.js";

const GENERATIONS = "/deployments/{deployment-id}/images/generations";
const EDITS = "/deployments/{deployment-id}/images/edits";
const fields = (version: SpecVersion, path = GENERATIONS) =>
  Object.keys(schemaProperties(version, requestSchema(version, path)));
const hasPath = (version: SpecVersion, path: string) => `/openai${path}` in loadSpec(version).paths;

describe("the versions table against the official specs", () => {
  it("images/generations: every dated version and preview, not plain v1", () => {
    expect(hasPath("2024-10-21", GENERATIONS)).toBe(true);
    expect(hasPath("2025-04-01-preview", GENERATIONS)).toBe(true);
    expect(versions("images/generations")).toEqual(API_VERSIONS.filter((v) => v !== "v1"));
  });

  it("images/edits: from 2025-04-01-preview (the first spec that has it) and preview", () => {
    expect(hasPath("2024-10-21", EDITS)).toBe(false);
    expect(hasPath("2025-04-01-preview", EDITS)).toBe(true);
    expect(versions("images/edits")).toEqual(["2025-04-01-preview", "preview"]);
  });

  it("never refuses on 2024-10-21 a field its spec has; gates only what it lacks", () => {
    const ga = fields("2024-10-21");
    for (const field of ga) expect(versions(field) ?? API_VERSIONS).toContain("2024-10-21");
    for (const field of VERSIONED_FIELDS) {
      expect(ga).not.toContain(field);
      expect(versions(field)).not.toContain("2024-10-21");
    }
  });

  it("never refuses on 2025-04-01-preview a field its spec has, for generations or edits", () => {
    const preview = [...fields("2025-04-01-preview"), ...fields("2025-04-01-preview", EDITS)];
    for (const field of preview) expect(versions(field) ?? API_VERSIONS).toContain("2025-04-01-preview");
    for (const field of VERSIONED_FIELDS) expect(fields("2025-04-01-preview")).toContain(field);
  });

  it("gates gpt-image-1's fields to 2025-04-01-preview on (the docs: gpt-image-1 needs it), preview included", () => {
    // The previews between 2024-10-21 and 2025-04-01 predate gpt-image-1; the specs of both ends agree.
    for (const field of VERSIONED_FIELDS) expect(versions(field)).toEqual(["2025-04-01-preview", "preview"]);
  });

  it("the edit request's enums are the generation's (one set of value checks serves both)", () => {
    const props = schemaProperties("2025-04-01-preview", requestSchema("2025-04-01-preview", EDITS));
    const gen = schemaProperties("2025-04-01-preview", requestSchema("2025-04-01-preview", GENERATIONS));
    for (const field of ["size", "quality", "response_format"])
      expect(resolve("2025-04-01-preview", props[field]!).enum).toEqual(
        resolve("2025-04-01-preview", gen[field]!).enum,
      );
  });
});
