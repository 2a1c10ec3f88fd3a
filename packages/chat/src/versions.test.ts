import { API_VERSIONS } from "@aoai/core";
import { expect, it } from "vitest";
import { optionVersions, VERSIONED_FEATURES } from "./option-versions.js";

it("GA 2024-10-21 has what its spec has; 2024-06-01 has none of the table", () => {
  for (const f of ["max_completion_tokens", "parallel_tool_calls", "json_schema"]) {
    expect(optionVersions(f)).toContain("2024-10-21");
    expect(optionVersions(f)).not.toContain("2024-06-01");
  }
  for (const f of VERSIONED_FEATURES) expect(optionVersions(f)).not.toContain("2024-06-01");
});

it("preview-only features skip the GA version and start where the notes say", () => {
  expect(optionVersions("stream_options")).toEqual([
    "2024-09-01-preview",
    "2024-10-01-preview",
    "2024-12-01-preview",
    "2025-01-01-preview",
    "2025-03-01-preview",
    "2025-04-01-preview",
    "v1",
  ]);
  expect(optionVersions("developer")).toEqual([
    "2024-12-01-preview",
    "2025-01-01-preview",
    "2025-03-01-preview",
    "2025-04-01-preview",
    "v1",
  ]);
  expect(optionVersions("reasoning_effort")).toEqual(optionVersions("developer"));
  expect(optionVersions("input_audio")?.[0]).toBe("2025-01-01-preview");
  expect(optionVersions("mongo_db")).not.toContain("2024-10-21");
});

it("every feature is in the newest preview and v1; unknown features are unchecked", () => {
  for (const f of VERSIONED_FEATURES) {
    expect(optionVersions(f)).toContain("2025-04-01-preview");
    expect(optionVersions(f)).toContain("v1");
    for (const v of optionVersions(f)!) expect(API_VERSIONS).toContain(v);
  }
  expect(optionVersions("temperature")).toBeUndefined();
  expect(optionVersions("data_sources azure_search")).toBeUndefined();
});
