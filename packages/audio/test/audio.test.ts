import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type AdditionalPolicy,
  APIUserAbortError,
  AzureOpenAIClient,
  BadRequestError,
  InvalidInputError,
  NotFoundError,
  ServiceUnavailableError,
  type TextResult,
  UnsupportedApiVersionError,
  type Uploadable,
  type WithResponse,
} from "@aoai/core";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import {
  AudioClient,
  createSpeech,
  MAX_FILE_BYTES,
  speechToFile,
  type Transcription,
  transcribeStream,
  VERSION,
  type VerboseTranscription,
} from "../src/index.js";
import { audioClients, MINI_TTS, PREVIEW, TRANSCRIBE, TTS, WHISPER } from "./helpers.js";

// Integration: real HTTP to the emulator on 127.0.0.1. Its speech endpoint hides the text in the
// audio samples, so its transcription endpoint gives the text back: every test speaks first.

const { whisper, tts, transcriber } = audioClients();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "aoai-audio-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function speak(input: string, response_format: "wav" | "pcm" | "flac" = "wav"): Promise<Uint8Array> {
  return (await createSpeech(tts, { input, voice: "alloy", response_format })).bytes();
}

function webStream(bytes: Uint8Array, chunk = 1000): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
}

describe("construction", () => {
  it('says the client was forgotten in words, for new AudioClient("whisper")', () => {
    const make = () =>
      new AudioClient("whisper" as unknown as AzureOpenAIClient, undefined as unknown as string);
    expect(make).toThrow(InvalidInputError);
    expect(make).toThrow(/client is missing: "whisper" is where the AzureOpenAIClient goes/);
  });

  it("refuses what is not a client, before any call", () => {
    expect(() => new AudioClient({} as AzureOpenAIClient, WHISPER)).toThrow(
      /client must be an AzureOpenAIClient/,
    );
  });
});

describe("transcribe: every input kind", () => {
  const text = "Every input kind gives the text back.";
  let wav: Uint8Array;
  let path: string;
  beforeAll(async () => {
    wav = await speak(text);
    path = join(dir, "speech.wav");
    await writeFile(path, wav);
  });

  const kinds: [string, () => Uploadable][] = [
    ["File", () => new File([wav as BlobPart], "speech.wav", { type: "audio/wav" })],
    ["Blob (no name: the type is sniffed from the bytes)", () => new Blob([wav as BlobPart])],
    ["Uint8Array", () => wav],
    ["ArrayBuffer", () => wav.slice().buffer],
    ["web ReadableStream", () => webStream(wav)],
    ["Node path", () => path],
    ["Node createReadStream", () => createReadStream(path)],
  ];
  for (const [kind, file] of kinds) {
    it(kind, async () => {
      const result = await whisper.transcribe({ file: file() });
      expect(result).toEqual({ text });
      expect(result._response.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(result._response.status).toBe(200);
    });
  }
});

describe("transcribe: every response format, typed by the format asked for", () => {
  const text = "First sentence here. And a second one!";
  let file: Uint8Array;
  beforeAll(async () => {
    file = await speak(text);
  });

  it("json (the default): { text }", async () => {
    const r = await whisper.transcribe({ file, language: "en", prompt: "Two sentences.", temperature: 0 });
    expectTypeOf(r).toEqualTypeOf<WithResponse<Transcription>>();
    expect(r.text).toBe(text);
    const explicit = await whisper.transcribe({ file, response_format: "json" });
    expectTypeOf(explicit).toEqualTypeOf<WithResponse<Transcription>>();
    expect(explicit.text).toBe(text);
  });

  it("text, srt and vtt: the body as { text, contentType } with _response", async () => {
    const plain = await whisper.transcribe({ file, response_format: "text" });
    expectTypeOf(plain).toEqualTypeOf<WithResponse<TextResult>>();
    expect(plain.text).toBe(`${text}\n`);
    expect(plain.contentType).toMatch(/^text\/plain/);
    expect(plain._response.requestId).toBeTruthy();
    const srt = await whisper.transcribe({ file, response_format: "srt" });
    expect(srt.text).toMatch(
      /^1\n00:00:00,000 --> 00:00:\d\d,\d{3}\nFirst sentence here\.\n\n2\n.+\nAnd a second one!\n$/,
    );
    const vtt = await whisper.transcribe({ file, response_format: "vtt" });
    expect(vtt.text).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:\d\d\.\d{3}\nFirst sentence here\.\n/);
    expect(vtt._response.requestId).not.toBe(srt._response.requestId);
  });

  it("verbose_json: language, duration and segments with times", async () => {
    const r = await whisper.transcribe({ file, response_format: "verbose_json" });
    expectTypeOf(r).toEqualTypeOf<WithResponse<VerboseTranscription>>();
    expect(r).toMatchObject({ task: "transcribe", language: "english", text });
    expect(r.duration).toBeCloseTo(wavSeconds(file), 2);
    expect(r.segments!.map((s) => s.text.trim())).toEqual(["First sentence here.", "And a second one!"]);
    expect(r.segments![0]!.start).toBe(0);
    expect(r.segments![1]!.start).toBe(r.segments![0]!.end);
    expect(r.segments![1]!.end).toBeCloseTo(r.duration, 2);
    expect(r.words).toBeUndefined();
  });

  it("verbose_json with word and segment timestamps", async () => {
    const r = await whisper.transcribe({
      file,
      response_format: "verbose_json",
      timestamp_granularities: ["word", "segment"],
    });
    expect(r.words!.map((w) => w.word)).toEqual(["First", "sentence", "here.", "And", "a", "second", "one!"]);
    let previous = 0;
    for (const w of r.words!) {
      expect(w.start).toBeGreaterThanOrEqual(previous);
      expect(w.end).toBeGreaterThan(w.start);
      previous = w.end;
    }
    expect(r.segments).toHaveLength(2);
    const wordsOnly = await whisper.transcribe({
      file,
      response_format: "verbose_json",
      timestamp_granularities: ["word"],
    });
    expect(wordsOnly.words).toHaveLength(7);
    expect(wordsOnly.segments).toBeUndefined();
  });

  it("a format chosen at run time gives the union of results", async () => {
    const format = ["json", "text"][Number(Date.now() < 0)] as "json" | "text";
    const r = await whisper.transcribe({ file, response_format: format });
    expectTypeOf(r).toEqualTypeOf<WithResponse<Transcription> | WithResponse<TextResult>>();
    expect(r.text).toBe(text);
  });
});

describe("translate", () => {
  it("translates with every format; verbose_json says task translate", async () => {
    const file = await speak("Bonjour tout le monde.");
    const json = await whisper.translate({ file, prompt: "A greeting.", temperature: 0.1 });
    expect(json).toEqual({ text: "Bonjour tout le monde." });
    const verbose = await whisper.translate({ file, response_format: "verbose_json" });
    expect(verbose).toMatchObject({ task: "translate", text: "Bonjour tout le monde." });
    expect(verbose.segments).toHaveLength(1);
    expect((await whisper.translate({ file, response_format: "text" })).text).toBe(
      "Bonjour tout le monde.\n",
    );
    expect(
      (await whisper.translate({ file: new Blob([file as BlobPart]), response_format: "srt" })).text,
    ).toMatch(/^1\n/);
  });
});

describe("createSpeech", () => {
  it("reads the whole audio as bytes, in wav, pcm and flac, each transcribing back to the input", async () => {
    const input = "Testing, testing, 1, 2, 3.";
    for (const [format, type, magic] of [
      ["wav", "audio/wav", "RIFF"],
      ["pcm", "audio/pcm", undefined],
      ["flac", "audio/flac", "fLaC"],
    ] as const) {
      const speech = await createSpeech(tts, { input, voice: "alloy", response_format: format, speed: 1.5 });
      expect(speech.contentType).toBe(type);
      expect(speech._response.requestId).toBeTruthy();
      const audio = await speech.bytes();
      if (magic) expect(new TextDecoder().decode(audio.subarray(0, 4))).toBe(magic);
      const file = new File([audio as BlobPart], `speech.${format}`);
      expect((await whisper.transcribe({ file })).text).toBe(input);
    }
  });

  it("streams chunks while it downloads, or as a web ReadableStream", async () => {
    const input = "A longer text, so the audio comes in several chunks. ".repeat(20);
    const speech = await createSpeech(tts, { input, voice: "nova", response_format: "wav" });
    let chunks = 0;
    const parts: Uint8Array[] = [];
    for await (const chunk of speech) {
      chunks++;
      parts.push(chunk);
    }
    expect(chunks).toBeGreaterThan(1);
    const blob = new Blob(parts as BlobPart[]);
    expect((await whisper.transcribe({ file: blob })).text).toBe(input);
    const again = await createSpeech(tts, { input, voice: "nova", response_format: "flac" });
    const web = await new Response(again.toReadableStream()).blob();
    expect((await whisper.transcribe({ file: web })).text).toBe(input);
  });

  it("leaves voices to the service: one the SDK does not know, and a custom voice { id } on v1", async () => {
    const { miniTts } = audioClients({ apiVersion: "preview" });
    for (const voice of ["marin", { id: "voice_1234" }]) {
      const speech = await createSpeech(miniTts, { input: "hi", voice, response_format: "pcm" });
      expect((await speech.bytes()).length).toBeGreaterThan(0);
    }
  });

  it("surfaces the service's 400 as BadRequestError (a voice the model does not have)", async () => {
    const error = await createSpeech(tts, { input: "hi", voice: "a-future-voice" }).catch((e: unknown) => e);
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect((error as BadRequestError).param).toBe("voice");
    expect((error as BadRequestError).requestId).toBeTruthy();
  });

  it("aborting midway stops the download and closes the connection", async () => {
    let body: { destroyed?: boolean; socket?: { destroyed: boolean } | null } | undefined;
    const spy: AdditionalPolicy = {
      position: "perRetry",
      policy: {
        name: "body-spy",
        async sendRequest(request, next) {
          const response = await next(request);
          body = response.readableStreamBody as typeof body;
          return response;
        },
      },
    };
    const { tts: speaker } = audioClients({ policies: [spy] });
    // 4096 characters: about 3.9 MB of WAV, far more than one read.
    const input = "x".repeat(4096);
    const total = 44 + (4 + 2 + input.length + 2) * 2 * 240 * 2;

    const speech = await createSpeech(speaker, { input, voice: "alloy", response_format: "wav" });
    let received = 0;
    for await (const chunk of speech) {
      received += chunk.length;
      break; // leaving the loop aborts the request
    }
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(total);
    await until(() => body?.destroyed === true);
    expect(body?.socket?.destroyed ?? true).toBe(true);
    await expect(speech.bytes()).rejects.toThrow(/read once/);

    // The caller's signal does the same, and the loop says why it stopped.
    const controller = new AbortController();
    const second = await createSpeech(
      speaker,
      { input, voice: "alloy", response_format: "wav" },
      { signal: controller.signal },
    );
    let read = 0;
    const error = await (async () => {
      for await (const chunk of second) {
        read += chunk.length;
        controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(APIUserAbortError.isInstance(error)).toBe(true);
    expect(read).toBeLessThan(total);
    await until(() => body?.destroyed === true);

    // And abort() on the stream itself.
    const third = await createSpeech(speaker, { input, voice: "alloy", response_format: "wav" });
    const iterator = third[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    third.abort();
    const after = await iterator.next().then(
      (r) => r,
      (e: unknown) => e,
    );
    expect(after).not.toEqual(expect.objectContaining({ done: false }));
    await until(() => body?.destroyed === true);
  });
});

describe("speechToFile", () => {
  it("writes the audio as it downloads and reports the bytes and the request id", async () => {
    const path = join(dir, "saved.flac");
    const saved = await speechToFile(
      tts,
      { input: "Saved to a file.", voice: "echo", response_format: "flac" },
      path,
    );
    expect(saved).toEqual({ path, bytes: (await stat(path)).size, contentType: "audio/flac" });
    expect(saved._response.requestId).toBeTruthy();
    expect((await readFile(path)).subarray(0, 4).toString()).toBe("fLaC");
    expect((await whisper.transcribe({ file: path })).text).toBe("Saved to a file.");
  });

  it.each([
    ["in a missing folder", "no-such-dir/speech.wav", /folder .*no-such-dir does not exist/],
    ["that is a folder", ".", /is a folder/],
  ])(
    "a path %s is refused with InvalidInputError (path) before anything is sent",
    async (_, name, message) => {
      const path = name === "." ? dir : join(dir, name);
      const error = await speechToFile(
        tts,
        { input: "hi", voice: "alloy", response_format: "wav" },
        path,
      ).catch((e: unknown) => e);
      expect(InvalidInputError.isInstance(error) && error.param).toBe("path");
      expect((error as Error).message).toMatch(message);
      if (name !== ".") await expect(stat(path)).rejects.toThrow(/ENOENT/);
    },
  );

  it("touches no file and sends nothing for bad input or a GA API version", async () => {
    const path = join(dir, "never.wav");
    const ga = new AudioClient(audioClients({ apiVersion: "2024-10-21" }).client, TTS);
    for (const run of [
      () => speechToFile(tts, { input: "", voice: "alloy" }, path),
      () => speechToFile(tts, { input: "hi", voice: "alloy" }, ""),
      () => speechToFile(ga, { input: "hi", voice: "alloy" }, path),
    ]) {
      const error = await run().catch((e: unknown) => e);
      expect(InvalidInputError.isInstance(error) || UnsupportedApiVersionError.isInstance(error)).toBe(true);
    }
    await expect(stat(path)).rejects.toThrow(/ENOENT/);
  });
});

describe("API versions", () => {
  it("speech on the GA versions: UnsupportedApiVersionError naming the versions that have it", async () => {
    for (const apiVersion of ["2024-06-01", "2024-10-21", "v1"]) {
      const { tts: speaker } = audioClients({ apiVersion });
      const error = await createSpeech(speaker, { input: "hi", voice: "alloy" }).catch((e: unknown) => e);
      expect(UnsupportedApiVersionError.isInstance(error), String(error)).toBe(true);
      const e = error as UnsupportedApiVersionError;
      expect(e.feature).toBe("audio/speech");
      expect(e.apiVersion).toBe(apiVersion);
      expect(e.supportedVersions).toContain("2024-08-01-preview");
      expect(e.supportedVersions).toContain("preview");
      expect(e.supportedVersions).not.toContain("2024-10-21");
      expect(e.message).toContain("preview");
    }
  });

  it("speech on v1 with api-version=preview, and transcription on v1 (deployment sent as model)", async () => {
    const { tts: speaker } = audioClients({ apiVersion: "preview" });
    const wav = await (
      await createSpeech(speaker, { input: "On v1.", voice: "alloy", response_format: "wav" })
    ).bytes();
    const { whisper: v1 } = audioClients({ apiVersion: "v1" });
    expect((await v1.transcribe({ file: wav })).text).toBe("On v1.");
  });

  it("transcription works on every version; versionChecks: false lets the service judge speech", async () => {
    const file = await speak("Any version.");
    for (const apiVersion of ["2024-06-01", "2024-10-21", "2025-01-01-preview"]) {
      const { whisper: w } = audioClients({ apiVersion });
      expect((await w.transcribe({ file })).text).toBe("Any version.");
    }
    const { tts: unchecked } = audioClients({ apiVersion: "2024-10-21", versionChecks: false });
    const error = await createSpeech(unchecked, { input: "hi", voice: "alloy" }).catch((e: unknown) => e);
    expect(NotFoundError.isInstance(error)).toBe(true);
  });
});

describe("transcribeStream", () => {
  it("streams text deltas then the done event with the whole text", async () => {
    const text = "Streamed transcription, word by word.";
    const file = await speak(text);
    const events = await transcribeStream(transcriber, { file, response_format: "text" });
    expect(events._response.requestId).toBeTruthy();
    let joined = "";
    let done: string | undefined;
    for await (const event of events) {
      if (event.type === "transcript.text.delta") joined += event.delta;
      else done = event.text;
    }
    expect(joined).toBe(text);
    expect(done).toBe(text);
  });

  it("with include logprobs, and refused before sending on versions without streaming", async () => {
    const file = await speak("Two words");
    const events = await transcribeStream(transcriber, { file, include: ["logprobs"] });
    const all = [];
    for await (const event of events) all.push(event);
    expect(all.at(-1)).toMatchObject({ type: "transcript.text.done", text: "Two words" });
    expect(all.at(-1)!.logprobs!.map((l) => l.token)).toEqual(["Two", " words"]);
    const json = await transcriber.transcribe({ file, include: ["logprobs"] });
    expect(json.logprobs).toEqual(all.at(-1)!.logprobs);

    const { whisper: ga } = audioClients({ apiVersion: "2024-10-21" });
    const error = await transcribeStream(ga, { file }).catch((e: unknown) => e);
    expect(UnsupportedApiVersionError.isInstance(error)).toBe(true);
    expect((error as UnsupportedApiVersionError).feature).toBe("stream");
  });
});

describe("with no apiVersion", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  it("transcribes on 2024-10-21 (GA), streams and uses the gpt-4o options on the newest preview, speaks on it", async () => {
    const client = new AzureOpenAIClient({ endpoint: emulator.url, apiKey: emulator.apiKey, maxRetries: 0 });
    const speech = new AudioClient(client, TTS);
    const wav = await (
      await createSpeech(speech, { input: "Hello.", voice: "alloy", response_format: "wav" })
    ).bytes();
    const whisperClient = new AudioClient(client, WHISPER);
    await whisperClient.transcribe({ file: wav });
    await whisperClient.transcribe({ file: wav, chunking_strategy: "auto" });
    // Streaming is gpt-4o-transcribe's (whisper refuses `stream`, as on Azure).
    for await (const _ of await transcribeStream(new AudioClient(client, TRANSCRIBE), { file: wav })) {
      // drained
    }
    expect(emulator.requests.map((r) => r.query["api-version"])).toEqual([
      "2025-04-01-preview",
      "2024-10-21",
      "2025-04-01-preview",
      "2025-04-01-preview",
    ]);
  });
});

describe("on a private emulator (request log, faults)", () => {
  let emulator: Emulator;
  let client: AzureOpenAIClient;
  let w: AudioClient;
  let t: AudioClient;
  let wav: Uint8Array;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    client = new AzureOpenAIClient({ endpoint: emulator.url, apiKey: emulator.apiKey, apiVersion: PREVIEW });
    w = new AudioClient(client, WHISPER);
    t = new AudioClient(client, TTS);
    wav = await (await createSpeech(t, { input: "Logged.", voice: "alloy", response_format: "wav" })).bytes();
  });
  beforeEach(() => emulator.reset());
  afterAll(() => emulator.close());

  it("sends nothing when the file could not be written: a missing folder, a folder", async () => {
    const missing = join(tmpdir(), "aoai-no-such-folder", "speech.wav");
    for (const path of [missing, tmpdir()]) {
      const error = await speechToFile(t, { input: "hi", voice: "alloy" }, path).catch((e: unknown) => e);
      expect(InvalidInputError.isInstance(error) && error.param).toBe("path");
    }
    expect(emulator.requests).toEqual([]);
  });

  it("sends the wire fields as multipart (arrays as name[]), the User-Agent and per-call headers", async () => {
    await w.transcribe(
      {
        file: new File([wav as BlobPart], "clip.wav"),
        response_format: "verbose_json",
        timestamp_granularities: ["word", "segment"],
        language: "en",
        temperature: 0.5,
        chunking_strategy: { type: "server_vad", threshold: 0.5 },
      },
      { headers: { "x-custom": "1" }, timeout: 30_000, maxRetries: 1 },
    );
    const [sent] = emulator.requests;
    expect(sent!.path).toBe(`/openai/deployments/${WHISPER}/audio/transcriptions`);
    expect(sent!.query["api-version"]).toBe(PREVIEW);
    expect(sent!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent!.headers["user-agent"]).toContain(`aoai-audio/${VERSION}`);
    expect(sent!.headers["x-custom"]).toBe("1");
    expect(sent!.body).toEqual({
      file: { filename: "clip.wav", content_type: "audio/wav", size: wav.length },
      response_format: "verbose_json",
      "timestamp_granularities[]": ["word", "segment"],
      language: "en",
      temperature: "0.5",
      // Bracketed, as the openai clients Microsoft documents for Azure send it (upload.ts says why).
      "chunking_strategy[type]": "server_vad",
      "chunking_strategy[threshold]": "0.5",
    });
  });

  it("names a nameless upload from its bytes, so the service can tell the format", async () => {
    await w.transcribe({ file: wav });
    await w.transcribe({ file: webStream(wav) });
    const names = emulator.requests.map((r) => (r.body as { file: { filename: string } }).file.filename);
    expect(names).toEqual(["file.wav", "file.wav"]);
  });

  it("sends speech as JSON; on v1 preview with the deployment as model", async () => {
    await (await createSpeech(t, { input: "hi", voice: "alloy", response_format: "pcm", speed: 2 })).bytes();
    const v1 = new AudioClient(
      new AzureOpenAIClient({ endpoint: emulator.url, apiKey: emulator.apiKey, apiVersion: "preview" }),
      MINI_TTS,
    );
    await (
      await createSpeech(v1, { input: "hi", voice: "alloy", response_format: "pcm", instructions: "Slowly." })
    ).bytes();
    const [dated, preview] = emulator.requests;
    expect(dated!.headers["content-type"]).toBe("application/json");
    expect(dated!.body).toEqual({ input: "hi", voice: "alloy", response_format: "pcm", speed: 2 });
    expect(preview!.path).toBe("/openai/v1/audio/speech");
    expect(preview!.query["api-version"]).toBe("preview");
    expect(preview!.body).toEqual({
      input: "hi",
      voice: "alloy",
      response_format: "pcm",
      instructions: "Slowly.",
      model: MINI_TTS,
    });
  });

  it("refuses bad input with a typed error naming the field, and sends nothing", async () => {
    const big = join(dir, "big.wav");
    await writeFile(big, "");
    await truncate(big, MAX_FILE_BYTES + 1); // sparse: no 25 MB written
    const emptyPath = join(dir, "empty.wav");
    await writeFile(emptyPath, "");
    const cases: [() => Promise<unknown>, string][] = [
      [() => w.transcribe({ file: new Uint8Array(MAX_FILE_BYTES + 1) }), "file"],
      [() => w.transcribe({ file: new Blob([new Uint8Array(MAX_FILE_BYTES + 1)]) }), "file"],
      [() => w.transcribe({ file: big }), "file"],
      [() => w.translate({ file: big }), "file"],
      [() => w.transcribe({ file: new Uint8Array(0) }), "file"],
      [() => w.transcribe({ file: new Blob([]) }), "file"],
      [() => w.transcribe({ file: new ArrayBuffer(0) }), "file"],
      [() => w.transcribe({ file: emptyPath }), "file"],
      [() => w.transcribe({ file: join(dir, "missing.wav") }), "file"],
      [() => w.transcribe({ file: 42 as unknown as Uploadable }), "file"],
      [() => w.transcribe({} as never), "file"],
      [() => w.transcribe({ file: wav, response_format: "xml" as "json" }), "response_format"],
      [() => w.translate({ file: wav, response_format: "mp3" as "json" }), "response_format"],
      [() => w.transcribe({ file: wav, temperature: 2 }), "temperature"],
      [() => w.transcribe({ file: wav, timestamp_granularities: ["word"] }), "timestamp_granularities"],
      [() => w.transcribe({ file: wav, stream: true }), "stream"],
      [() => createSpeech(t, { input: "", voice: "alloy" }), "input"],
      [() => createSpeech(t, { input: "x".repeat(4097), voice: "alloy" }), "input"],
      [() => createSpeech(t, { input: "hi", voice: "" }), "voice"],
      [
        () => createSpeech(t, { input: "hi", voice: "alloy", response_format: "ogg" as "mp3" }),
        "response_format",
      ],
      [() => createSpeech(t, { input: "hi", voice: "alloy", speed: 0.1 }), "speed"],
      [() => createSpeech(t, { input: "hi", voice: "alloy", speed: 5 }), "speed"],
    ];
    for (const [run, param] of cases) {
      const error = await run().catch((e: unknown) => e);
      expect(InvalidInputError.isInstance(error), String(error)).toBe(true);
      expect((error as InvalidInputError).param, String(error)).toBe(param);
    }
    expect(emulator.requests).toHaveLength(0);
  });

  it("refuses versioned fields and speech on a GA version, and sends nothing", async () => {
    const ga = new AzureOpenAIClient({
      endpoint: emulator.url,
      apiKey: emulator.apiKey,
      apiVersion: "2024-10-21",
    });
    const cases = [
      () => createSpeech(new AudioClient(ga, TTS), { input: "hi", voice: "alloy" }),
      () => new AudioClient(ga, WHISPER).transcribe({ file: wav, include: ["logprobs"] }),
      () => new AudioClient(ga, WHISPER).transcribe({ file: wav, chunking_strategy: "auto" }),
      () => transcribeStream(new AudioClient(ga, WHISPER), { file: wav }),
    ];
    for (const run of cases)
      expect(UnsupportedApiVersionError.isInstance(await run().catch((e: unknown) => e))).toBe(true);
    expect(emulator.requests).toHaveLength(0);
  });

  it("retries a replayable upload, but never a stream", async () => {
    const retrying = new AudioClient(
      new AzureOpenAIClient({
        endpoint: emulator.url,
        apiKey: emulator.apiKey,
        apiVersion: PREVIEW,
        maxRetries: 2,
      }),
      WHISPER,
    );
    const unavailable = { kind: "status", status: 503, retry_after_ms: 0 } as const;

    emulator.faults.push(unavailable);
    const ok = await retrying.transcribe({ file: wav });
    expect(ok.text).toBe("Logged.");
    expect(ok._response.retryCount).toBe(1);
    expect(emulator.requests).toHaveLength(2);

    const path = join(dir, "retry.wav");
    await writeFile(path, wav);
    for (const stream of [() => webStream(wav), () => createReadStream(path)]) {
      emulator.reset();
      emulator.faults.push(unavailable);
      const error = await retrying.transcribe({ file: stream() }).catch((e: unknown) => e);
      expect(ServiceUnavailableError.isInstance(error), String(error)).toBe(true);
      expect((error as ServiceUnavailableError).retryCount).toBe(0);
      expect(emulator.requests).toHaveLength(1);
    }
  });
});

/** Seconds of a 16-bit mono WAV at 24 kHz. */
function wavSeconds(wav: Uint8Array): number {
  return (wav.length - 44) / 2 / 24_000;
}

/** Waits for a condition the event loop will make true soon; bounded. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
