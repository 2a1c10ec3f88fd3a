import { API_VERSIONS } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { loadSpec, requestSchema, type SpecVersion, schemaProperties } from "../../../test-utils/specs.js";
import { versions } from "./versions.js";

const SPECS: SpecVersion[] = ["2024-10-21", "2025-04-01-preview"];
const has = (version: SpecVersion, op: string) =>
  loadSpec(version).paths[`/openai/deployments/{deployment-id}/${op}`] !== undefined;
/** Request fields as the spec names them, `timestamp_granularities[]` as the SDK does. */
const fields = (version: SpecVersion, op: string, mediaType = "multipart/form-data") =>
  Object.keys(
    schemaProperties(
      version,
      requestSchema(version, `/deployments/{deployment-id}/${op}`, "post", mediaType),
    ),
  ).map((f) => f.replace(/\[\]$/, ""));

describe("operations", () => {
  it("transcription and translation are in every version, as in both specs", () => {
    for (const op of ["audio/transcriptions", "audio/translations"]) {
      for (const v of SPECS) expect(has(v, op)).toBe(true);
      expect(versions(op)).toEqual(API_VERSIONS);
    }
  });

  it("speech is where the specs have it: the previews and v1's preview, not GA nor plain v1", () => {
    expect(has("2024-10-21", "audio/speech")).toBe(false);
    expect(has("2025-04-01-preview", "audio/speech")).toBe(true);
    expect(versions("audio/speech")).toEqual(
      API_VERSIONS.filter((v) => v.endsWith("-preview") || v === "preview"),
    );
    expect(versions("audio/speech")).not.toContain("2024-06-01");
    expect(versions("audio/speech")).not.toContain("2024-10-21");
    expect(versions("audio/speech")).not.toContain("v1");
  });
});

describe("request fields", () => {
  it("never refuses a field a spec version has", () => {
    for (const v of SPECS)
      for (const op of ["audio/transcriptions", "audio/translations"])
        for (const field of fields(v, op))
          expect(versions(field) ?? API_VERSIONS, `${v} ${field}`).toContain(v);
    // The preview spec declares the speech body as multipart (a known quirk); its fields still count.
    for (const field of fields("2025-04-01-preview", "audio/speech"))
      expect(versions(field) ?? API_VERSIONS).toContain("2025-04-01-preview");
  });

  it("timestamp_granularities is not gated: the GA spec omits it, the service takes it there", () => {
    expect(fields("2024-10-21", "audio/transcriptions")).not.toContain("timestamp_granularities");
    expect(fields("2025-04-01-preview", "audio/transcriptions")).toContain("timestamp_granularities");
    expect(versions("timestamp_granularities")).toBeUndefined();
  });

  it("the gpt-4o audio fields start at 2025-03-01-preview, though the 2025-04-01-preview spec lacks them", () => {
    const transcription = fields("2025-04-01-preview", "audio/transcriptions");
    for (const field of ["include", "chunking_strategy", "stream"]) {
      // Where this table departs from the spec: the service takes them with these models there.
      expect(transcription).not.toContain(field);
      expect(versions(field)).toEqual(["2025-03-01-preview", "2025-04-01-preview", "v1", "preview"]);
    }
    expect(fields("2025-04-01-preview", "audio/speech")).not.toContain("instructions");
    expect(versions("instructions")).toEqual(["2025-03-01-preview", "2025-04-01-preview", "preview"]);
  });

  it("leaves unknown fields unchecked", () => {
    expect(versions("temperature")).toBeUndefined();
    expect(versions("stream_format")).toBeUndefined();
  });
});
