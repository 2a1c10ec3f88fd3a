import { type AdditionalPolicy, APIError, BadRequestError } from "@aoai/core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { waitForPrism } from "../../../test-utils/prism.js";
import {
  type AudioClient,
  createSpeech,
  type SpeechCreateRequest,
  type TranscriptionCreateRequest,
} from "../src/index.js";
import { audioClients } from "./helpers.js";

// Requests go through Prism (`prism proxy --errors`) validating against the official specs, then
// to the shared emulator. Prism answers a request that violates the spec with 422 and a
// problem+json `validation` list located at `body`, and reports a response that violates it with
// a 500 located at `response`.
//
// What Prism can and cannot check here:
// - It parses multipart/form-data bodies and validates their text fields (enums, types, the
//   required `file`): every transcription and translation shape below is checked field by field.
//   It does not look inside the file part.
// - It cannot validate an array field sent the multipart way (`timestamp_granularities[]` as
//   repeated parts, as the service and OpenAI's SDKs send it): it reads the parts as a string
//   and reports "must be array". The 2024-10-21 spec does not declare the field, so there it
//   passes; on the preview spec that one violation is expected and asserted, nothing else.
// - Responses: `json` and `verbose_json` are `oneOf [audioResponse, audioVerboseResponse]` in
//   the specs, which a plain `{ text }` matches twice (specs/README.md), so Prism reports that
//   oneOf on the response side; text formats validate as `text/plain` strings.
// - Speech: the GA spec has no `audio/speech` (the SDK refuses it before sending). The preview
//   spec declares its body as multipart/form-data while the service takes JSON (a known quirk),
//   so Prism refuses the SDK's JSON with 415. To check the fields anyway, a test-only policy
//   re-encodes the SDK's JSON body as multipart on its way to Prism; Prism validates them, then
//   forwards a multipart body the emulator (JSON, as the service) answers with a 400 of its own.
const ga = inject("prismGaUrl");
const preview = inject("prismPreviewUrl");

interface Violation {
  location: string[];
  message: string;
}

/** The violations Prism reported for a call (none when it succeeded). */
async function violations(run: () => Promise<unknown>): Promise<Violation[]> {
  try {
    await run();
    return [];
  } catch (error) {
    if (!APIError.isInstance(error)) throw error;
    const validation = prismProblem(error);
    if (!validation) throw error;
    return validation;
  }
}

/** Prism's violation list, or undefined for an error from the emulator behind it. */
function prismProblem(error: APIError): Violation[] | undefined {
  try {
    return (JSON.parse(error.error?.message ?? "") as { validation?: Violation[] }).validation;
  } catch {
    return undefined;
  }
}

const requestSide = (list: Violation[]) => list.filter((v) => v.location[0] !== "response");
const responseSide = (list: Violation[]) => list.filter((v) => v.location[0] === "response");

/** Emulator speech, whose transcription gives the text back, made without Prism. */
let wav: Uint8Array;

const SHAPES: Record<string, Omit<TranscriptionCreateRequest, "file">> = {
  "default (json)": {},
  "json with language, prompt and temperature": {
    response_format: "json",
    language: "en",
    prompt: "A test.",
    temperature: 0.3,
  },
  text: { response_format: "text" },
  srt: { response_format: "srt" },
  vtt: { response_format: "vtt" },
  verbose_json: { response_format: "verbose_json", language: "en" },
};

describe("transcription and translation requests validate against the official specs (Prism)", () => {
  beforeAll(async () => {
    await Promise.all([waitForPrism(ga), waitForPrism(preview)]);
    const { tts } = audioClients();
    wav = await (
      await createSpeech(tts, { input: "Prism check.", voice: "alloy", response_format: "wav" })
    ).bytes();
  }, 90_000);

  for (const [name, base, apiVersion] of [
    ["GA 2024-10-21", ga, "2024-10-21"],
    ["preview 2025-04-01-preview", preview, "2025-04-01-preview"],
  ] as const) {
    describe(name, () => {
      let whisper: AudioClient;
      beforeAll(() => {
        whisper = audioClients({ apiVersion }, base).whisper;
      });

      for (const [shape, fields] of Object.entries(SHAPES)) {
        for (const task of ["transcribe", "translate"] as const) {
          if (task === "translate" && "language" in fields) continue; // not a translation field
          it(`${task}: ${shape}`, async () => {
            const file = new File([wav as BlobPart], "check.wav", { type: "audio/wav" });
            const found = await violations(() => whisper[task]({ file, ...fields }));
            expect(requestSide(found)).toEqual([]);
            // Only the specs' own oneOf quirk may be reported, and only for JSON answers.
            for (const v of responseSide(found)) expect(v.message).toMatch(/oneOf/);
            if (
              fields.response_format &&
              fields.response_format !== "json" &&
              fields.response_format !== "verbose_json"
            )
              expect(found).toEqual([]);
          });
        }
      }

      it("timestamp_granularities: passes GA (undeclared there); on the preview only Prism's array limit is reported", async () => {
        const found = await violations(() =>
          whisper.transcribe({
            file: wav,
            response_format: "verbose_json",
            timestamp_granularities: ["word", "segment"],
          }),
        );
        const request = requestSide(found);
        if (apiVersion === "2024-10-21") expect(request).toEqual([]);
        else {
          expect(request).toHaveLength(1);
          expect(request[0]!.location).toEqual(["body", "timestamp_granularities[]"]);
          expect(request[0]!.message).toMatch(/must be array/);
        }
      });
    });
  }

  it("the checks can fail: Prism rejects a multipart body that violates the spec", async () => {
    // Sent raw, past the SDK's own checks: a response_format outside the enum and no file.
    const form = new FormData();
    form.append("response_format", "xml");
    const res = await fetch(`${ga}/openai/deployments/whisper/audio/transcriptions?api-version=2024-10-21`, {
      method: "POST",
      headers: { "api-key": inject("emulatorApiKey") },
      body: form,
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { validation: Violation[] };
    expect(problem.validation.map((v) => v.location.join("."))).toEqual(
      expect.arrayContaining(["body", "body.response_format"]),
    );
  });
});

/**
 * Re-encodes the JSON body as multipart/form-data, only so Prism can read the speech fields;
 * `overrides` replace fields after the SDK's checks (to prove Prism reports a violation).
 */
function asMultipart(overrides: Record<string, unknown> = {}): AdditionalPolicy {
  return {
    position: "perRetry",
    policy: {
      name: "json-as-multipart",
      sendRequest(request, next) {
        const fields = { ...(JSON.parse(String(request.body)) as Record<string, unknown>), ...overrides };
        const boundary = "----aoaispectest";
        const part = ([name, value]: [string, unknown]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${String(value)}\r\n`;
        request.body = `${Object.entries(fields).map(part).join("")}--${boundary}--\r\n`;
        request.headers.set("content-type", `multipart/form-data; boundary=${boundary}`);
        request.headers.delete("content-length");
        return next(request);
      },
    },
  };
}

describe("speech fields validate against the preview spec's createSpeechRequest (Prism)", () => {
  beforeAll(() => waitForPrism(preview), 90_000);

  /** Prism's violations of the SDK's speech fields; past Prism, the emulator wants JSON. */
  async function speak(request: SpeechCreateRequest): Promise<Violation[]> {
    const error = await createSpeech(audioClients({ policies: [asMultipart()] }, preview).tts, request).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!APIError.isInstance(error)) throw error ?? new Error("the multipart speech body was taken");
    const validation = prismProblem(error);
    if (validation) return validation;
    // Forwarded: the emulator, like the service, answers a multipart speech body with its 400.
    expect(BadRequestError.isInstance(error), String(error)).toBe(true);
    expect(error.code).toBe("BadRequest");
    return [];
  }

  it("every field the SDK sends is valid, for each format and voice the spec lists", async () => {
    for (const response_format of ["mp3", "opus", "aac", "flac", "wav", "pcm"] as const)
      expect(await speak({ input: "Hello.", voice: "alloy", response_format, speed: 0.25 })).toEqual([]);
    for (const voice of ["echo", "fable", "onyx", "nova", "shimmer"])
      expect(await speak({ input: "x".repeat(4096), voice, speed: 4 })).toEqual([]);
  });

  it("the check can fail: a speed outside the spec, set past the SDK's checks, is reported", async () => {
    const tts = audioClients({ policies: [asMultipart({ speed: 9 })] }, preview).tts;
    const found = await violations(() => createSpeech(tts, { input: "Hello.", voice: "alloy", speed: 1 }));
    expect(requestSide(found).map((v) => v.location.join("."))).toEqual(["body.speed"]);
  });

  it("the spec's closed voice enum lags the service: a documented newer voice is refused by Prism", async () => {
    // Why the SDK does not refuse voices it does not list: the service documents ash, coral…
    const found = await speak({ input: "Hello.", voice: "coral" });
    expect(requestSide(found).map((v) => v.location.join("."))).toEqual(["body.voice"]);
  });

  it("without the re-encoding, Prism refuses the JSON body the service takes (the spec quirk)", async () => {
    const error = await createSpeech(audioClients({}, preview).tts, {
      input: "Hello.",
      voice: "alloy",
    }).catch((e: unknown) => e);
    expect(APIError.isInstance(error)).toBe(true);
    expect((error as APIError).status).toBe(422);
    expect((error as APIError).error?.message).toMatch(/415/);
  });
});
