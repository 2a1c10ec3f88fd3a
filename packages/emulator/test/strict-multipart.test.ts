import { describe, expect, it } from "vitest";
import { deploymentUrl, sharedEmulator, type Wire } from "./helpers.js";

const base = sharedEmulator().url;
const PREVIEW = "2025-04-01-preview";
const AUDIO = new TextEncoder().encode("ID3 not really an mp3: the emulator transcribes a placeholder");
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/** A text part, or a file part. */
type Part = string | { bytes: Uint8Array; filename: string };

/** POSTs a multipart form; an array value repeats the field. */
async function postForm(
  url: string,
  fields: Record<string, Part | Part[]>,
): Promise<{ status: number; body: Wire }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const part of [value].flat())
      if (typeof part === "string") form.append(name, part);
      else form.append(name, new Blob([part.bytes as BlobPart]), part.filename);
  const res = await fetch(url, { method: "POST", headers: { "api-key": "emulator-key" }, body: form });
  const text = await res.text();
  return {
    status: res.status,
    body: res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text,
  };
}

const transcription = (version = "2024-10-21", deployment = "whisper") =>
  deploymentUrl(base, deployment, "audio/transcriptions", version);
const file: Part = { bytes: AUDIO, filename: "clip.mp3" };

/** The error of a form that must be refused with 400. */
async function refused(url: string, fields: Record<string, Part | Part[]>): Promise<Wire> {
  const { status, body } = await postForm(url, fields);
  expect(status, JSON.stringify(Object.keys(fields))).toBe(400);
  return body.error;
}

describe("multipart bodies against the spec of their version", () => {
  it("reads numbers from text and refuses a value of the wrong type in the service's words", async () => {
    expect((await postForm(transcription(), { file, temperature: "0.2" })).status).toBe(200);
    expect(await refused(transcription(), { file, temperature: "hot" })).toEqual({
      message: "Invalid type for 'temperature': expected a number, but got a string instead.",
      type: "invalid_request_error",
      param: "temperature",
      code: "invalid_type",
    });
  });

  it("refuses a value outside the spec's enum, naming the supported ones", async () => {
    const error = await refused(transcription(), { file, response_format: "yaml" });
    expect(error).toMatchObject({ param: "response_format", code: "invalid_value" });
    expect(error.message).toBe(
      "Invalid value: 'yaml'. Supported values are: 'json', 'text', 'srt', 'verbose_json', 'vtt'.",
    );
  });

  it("requires the file part, and refuses text where the spec wants a file", async () => {
    expect(await refused(transcription(), { response_format: "json" })).toEqual({
      message: "Missing required parameter: 'file'.",
      type: "invalid_request_error",
      param: "file",
      code: "missing_required_parameter",
    });
    expect(await refused(transcription(), { file: "clip.mp3" })).toMatchObject({
      param: "file",
      code: "invalid_type",
    });
  });

  it("refuses fields the spec does not have, as it refuses unknown JSON parameters", async () => {
    expect(await refused(transcription(), { file, foo: "1" })).toEqual({
      message: "Unrecognized request argument supplied: foo",
      type: "invalid_request_error",
      param: null,
      code: null,
    });
    // `language` is a transcription parameter, not a translation one.
    expect((await postForm(transcription(), { file, language: "en" })).status).toBe(200);
    const translation = deploymentUrl(base, "whisper", "audio/translations");
    expect((await refused(translation, { file, language: "en" })).message).toBe(
      "Unrecognized request argument supplied: language",
    );
    // `model` is always taken, as in JSON bodies.
    expect((await postForm(translation, { file, model: "whisper" })).status).toBe(200);
  });

  it("checks each item of a name[] field against the spec's array", async () => {
    const ok = await postForm(transcription(PREVIEW), {
      file,
      response_format: "verbose_json",
      "timestamp_granularities[]": ["word", "segment"],
    });
    expect(ok.status).toBe(200);
    expect(
      await refused(transcription(PREVIEW), { file, "timestamp_granularities[]": ["word", "letter"] }),
    ).toMatchObject({ param: "timestamp_granularities[][1]", code: "invalid_value" });
  });

  it("takes what the service takes though the spec lacks it (gpt-4o-transcribe's stream and include[])", async () => {
    const url = transcription("2024-10-21", "gpt-4o-transcribe");
    expect((await postForm(url, { file, stream: "true", "include[]": "logprobs" })).status).toBe(200);
  });

  it("checks image edits: types, bounds, enums, the prompt and unknown fields", async () => {
    const edits = deploymentUrl(base, "gpt-image-1", "images/edits", PREVIEW);
    const image: Part = { bytes: PNG, filename: "a.png" };
    expect(await refused(edits, { image, prompt: "x", n: "two" })).toMatchObject({
      param: "n",
      code: "invalid_type",
    });
    expect(await refused(edits, { image, prompt: "x", n: "11" })).toMatchObject({
      param: "n",
      code: "integer_above_max_value",
    });
    expect(await refused(edits, { image, prompt: "x", quality: "ultra" })).toMatchObject({
      param: "quality",
      code: "invalid_value",
    });
    expect(await refused(edits, { image })).toMatchObject({
      param: "prompt",
      code: "missing_required_parameter",
    });
    expect((await refused(edits, { image, prompt: "x", colour: "red" })).message).toBe(
      "Unrecognized request argument supplied: colour",
    );
  });
});
