import { expect, it } from "vitest";
import { requestSchema, type SpecVersion, schemaProperties } from "../../../test-utils/specs.js";
import { VERSIONED_FIELDS, versions } from "./versions.js";

const fields = (version: SpecVersion) =>
  Object.keys(schemaProperties(version, requestSchema(version, "/deployments/{deployment-id}/completions")));

it("never refuses a field the official specs have on the completions request", () => {
  for (const version of ["2024-10-21", "2025-04-01-preview"] as const)
    for (const field of fields(version)) expect(versions(field) ?? [version]).toContain(version);
});

it("the specs' request fields are the documented ones, best_of and suffix included", () => {
  const expected = [
    "prompt",
    "best_of",
    "echo",
    "frequency_penalty",
    "logit_bias",
    "logprobs",
    "max_tokens",
    "n",
    "presence_penalty",
    "seed",
    "stop",
    "stream",
    "suffix",
    "temperature",
    "top_p",
    "user",
  ];
  expect(fields("2024-10-21").sort()).toEqual([...expected].sort());
  expect(fields("2025-04-01-preview").sort()).toEqual([...expected].sort());
});

it("stream_options: departs from the JSON specs, which lack it, and follows the inference.yaml files", () => {
  // Neither JSON spec declares stream_options on the completions request (a cross-check against
  // them cannot fail), while the official 2024-10-21 inference.yaml has it and the
  // 2024-08-01-preview one does not: so 2024-09-01-preview on, 2024-10-21, v1 and preview.
  for (const version of ["2024-10-21", "2025-04-01-preview"] as const)
    expect(fields(version)).not.toContain("stream_options");
  expect(versions("stream_options")).toEqual([
    "2024-09-01-preview",
    "2024-10-01-preview",
    "2024-10-21",
    "2024-12-01-preview",
    "2025-01-01-preview",
    "2025-03-01-preview",
    "2025-04-01-preview",
    "v1",
    "preview",
  ]);
});

it("gates only stream_options; every other field and the operation are unchecked", () => {
  expect(VERSIONED_FIELDS).toEqual(["stream_options"]);
  expect(versions("completions")).toBeUndefined();
  expect(versions("best_of")).toBeUndefined();
  expect(versions("suffix")).toBeUndefined();
});
