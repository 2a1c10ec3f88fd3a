import { API_VERSIONS } from "@aoai/core";
import { expect, it } from "vitest";
import { requestSchema, type SpecVersion, schemaProperties } from "../../../test-utils/specs.js";
import { VERSIONED_FIELDS, versions } from "./versions.js";

const fields = (version: SpecVersion) =>
  Object.keys(
    schemaProperties(version, requestSchema(version, "/deployments/{deployment-id}/chat/completions")),
  );

it("the operation is in every version", () => {
  expect(versions("chat/completions")).toEqual(API_VERSIONS);
});

it("GA 2024-10-21 has what its spec has, and stream_options, which the service accepts there", () => {
  for (const f of ["max_completion_tokens", "parallel_tool_calls", "json_schema", "stream_options"]) {
    expect(versions(f)).toContain("2024-10-21");
    expect(versions(f)).not.toContain("2024-06-01");
  }
  for (const f of VERSIONED_FIELDS) expect(versions(f)).not.toContain("2024-06-01");
});

it("never refuses on 2024-10-21 a field its official spec has", () => {
  const ga = fields("2024-10-21");
  for (const field of VERSIONED_FIELDS)
    if (ga.includes(field)) expect(versions(field)).toContain("2024-10-21");
  for (const field of ga) expect(versions(field) ?? API_VERSIONS).toContain("2024-10-21");
});

it("never refuses on 2025-04-01-preview a field its official spec has", () => {
  const preview = fields("2025-04-01-preview");
  for (const field of preview) expect(versions(field) ?? API_VERSIONS).toContain("2025-04-01-preview");
  for (const field of VERSIONED_FIELDS) expect(preview).toContain(field);
});

it("preview-only features skip the GA version and start where the notes say", () => {
  expect(versions("developer")).toEqual([
    "2024-12-01-preview",
    "2025-01-01-preview",
    "2025-03-01-preview",
    "2025-04-01-preview",
    "v1",
    "preview",
  ]);
  expect(versions("reasoning_effort")).toEqual(versions("developer"));
  expect(versions("input_audio")?.[0]).toBe("2025-01-01-preview");
  expect(versions("mongo_db")).not.toContain("2024-10-21");
});

it("every feature is in the newest preview, v1 and preview; unknown features are unchecked", () => {
  for (const f of VERSIONED_FIELDS) {
    expect(versions(f)).toContain("2025-04-01-preview");
    expect(versions(f)).toContain("v1");
    expect(versions(f)).toContain("preview");
  }
  expect(versions("temperature")).toBeUndefined();
  expect(versions("azure_search")).toBeUndefined();
});
