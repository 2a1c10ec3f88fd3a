import { describe, expect, it } from "vitest";
import { PLACEHOLDER_TRANSCRIPT } from "../src/index.js";
import { deploymentUrl, postJson, sharedEmulator, sseData } from "./helpers.js";

const base = sharedEmulator().url;
const PREVIEW = "2025-04-01-preview";
const speechUrl = deploymentUrl(base, "tts", "audio/speech", PREVIEW);

async function speak(input: string, response_format?: string): Promise<Buffer> {
  const res = await fetch(speechUrl, {
    method: "POST",
    headers: { "api-key": "emulator-key", "content-type": "application/json" },
    body: JSON.stringify({
      model: "tts",
      input,
      voice: "alloy",
      ...(response_format && { response_format }),
    }),
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

async function transcribe(
  audio: Buffer,
  filename: string,
  fields: Record<string, string | string[]> = {},
  op = "audio/transcriptions",
  // whisper neither streams nor gives logprobs: those go to a gpt-4o-transcribe deployment.
  deployment = fields.stream || fields["include[]"] ? "gpt-4o-transcribe" : "whisper",
): Promise<Response> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(audio)]), filename);
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) form.append(k, value);
  return fetch(deploymentUrl(base, deployment, op), {
    method: "POST",
    headers: { "api-key": "emulator-key" },
    body: form,
  });
}

describe("audio/speech", () => {
  it("returns a 24 kHz 16-bit mono WAV", async () => {
    const wav = await speak("Hello from the emulator.", "wav");
    expect(wav.toString("ascii", 0, 4)).toBe("RIFF");
    expect(wav.toString("ascii", 8, 12)).toBe("WAVE");
    expect(wav.readUInt16LE(22)).toBe(1);
    expect(wav.readUInt32LE(24)).toBe(24_000);
    expect(wav.readUInt16LE(34)).toBe(16);
    expect(wav.readUInt32LE(40)).toBe(wav.length - 44);
  });

  it("returns raw 16-bit PCM for pcm", async () => {
    const pcm = await speak("pcm please", "pcm");
    expect(pcm.length % 2).toBe(0);
    expect(pcm.toString("ascii", 0, 4)).not.toBe("RIFF");
    expect(pcm.length).toBe((await speak("pcm please", "wav")).length - 44);
  });

  it("returns a real FLAC stream for flac", async () => {
    const flac = await speak("Hello in FLAC.", "flac");
    expect(flac.toString("ascii", 0, 4)).toBe("fLaC");
    expect(flac.readUInt32BE(8 + 10) >>> 12).toBe(24_000);
  });

  it("answers mp3 by default, as Azure does, and for an explicit mp3", async () => {
    for (const mp3 of [await speak("Hello in MP3."), await speak("Hello in MP3.", "mp3")]) {
      expect(mp3.toString("latin1", 0, 3)).toBe("ID3");
      const frame = 10 + mp3.readUInt32BE(6); // the tag's size has no byte above 0x7f here
      // MPEG-2 Layer III (24 kHz), mono.
      expect(mp3.readUInt16BE(frame) & 0xfffe).toBe(0xfff2);
      expect((mp3[frame + 2]! >> 2) & 0x3).toBe(1);
      expect(mp3[frame + 3]! >> 6).toBe(3);
    }
    const res = await fetch(speechUrl, {
      method: "POST",
      headers: { "api-key": "emulator-key", "content-type": "application/json" },
      body: JSON.stringify({ input: "x", voice: "alloy" }),
    });
    expect(res.headers.get("content-type")).toBe("audio/mpeg");
  });

  it("answers Ogg Opus for opus and ADTS AAC for aac", async () => {
    const opus = await speak("Hello in Opus.", "opus");
    expect(opus.toString("latin1", 0, 4)).toBe("OggS");
    expect(opus.toString("latin1", 28, 36)).toBe("OpusHead");
    const aac = await speak("Hello in AAC.", "aac");
    const frame = 10 + aac.readUInt32BE(6);
    expect(aac.readUInt16BE(frame) & 0xfff6).toBe(0xfff0);
    expect(aac[frame + 2]! >> 6).toBe(1); // AAC LC
  });

  it("refuses a format Azure does not serve, naming those it does", async () => {
    const { res, json } = await postJson(speechUrl, { input: "x", voice: "alloy", response_format: "ogg" });
    expect(res.status).toBe(400);
    expect(json().error.param).toBe("response_format");
    expect(json().error.message).toContain("'mp3', 'opus', 'aac', 'flac', 'wav', 'pcm'");
  });

  it("takes a custom voice { id } on v1 (the dated spec has named voices only) and refuses other types", async () => {
    const v1 = `${base}/openai/v1/audio/speech?api-version=preview`;
    const custom = { model: "gpt-4o-mini-tts", input: "x", voice: { id: "voice_1" } };
    expect((await postJson(v1, custom)).res.status).toBe(200);
    expect((await postJson(v1, { ...custom, voice: 7 })).res.status).toBe(400);
    expect((await postJson(speechUrl, { input: "x", voice: { id: "voice_1" } })).res.status).toBe(400);
  });

  it("is not in the GA 2024-10-21 API", async () => {
    const { res } = await postJson(deploymentUrl(base, "tts", "audio/speech"), {
      input: "x",
      voice: "alloy",
    });
    expect(res.status).toBe(404);
  });
});

describe("audio/transcriptions and translations", () => {
  it("round-trips emulator speech in every format back to the text", async () => {
    const text = "The quick brown fox jumps over the lazy dog. Ünïcødé too!";
    for (const [format, name] of [
      ["mp3", "speech.mp3"],
      ["opus", "speech.opus"],
      ["aac", "speech.aac"],
      ["wav", "speech.wav"],
      ["pcm", "speech.pcm"],
      ["flac", "speech.flac"],
    ]) {
      const res = await transcribe(await speak(text, format), name!);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ text });
    }
  });

  it("answers text, srt and vtt", async () => {
    const audio = await speak("First sentence. Second one.", "wav");
    expect(await (await transcribe(audio, "a.wav", { response_format: "text" })).text()).toBe(
      "First sentence. Second one.\n",
    );
    const srt = await (await transcribe(audio, "a.wav", { response_format: "srt" })).text();
    expect(srt).toMatch(/^1\n00:00:00,000 --> 00:00:\d\d,\d{3}\nFirst sentence\.\n\n2\n/);
    const vtt = await (await transcribe(audio, "a.wav", { response_format: "vtt" })).text();
    expect(vtt).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:\d\d\.\d{3}\nFirst sentence\.\n/);
  });

  it("answers verbose_json with segments and, when asked, words", async () => {
    const audio = await speak("One two three. Four five.", "wav");
    const res = await transcribe(audio, "a.wav", {
      response_format: "verbose_json",
      "timestamp_granularities[]": ["word", "segment"],
    });
    const body = await res.json();
    expect(body).toMatchObject({
      task: "transcribe",
      language: "english",
      text: "One two three. Four five.",
    });
    expect(body.duration).toBeGreaterThan(0);
    expect(body.segments).toHaveLength(2);
    expect(body.segments[1].end).toBeCloseTo(body.duration, 2);
    expect(body.words.map((w: { word: string }) => w.word)).toEqual([
      "One",
      "two",
      "three.",
      "Four",
      "five.",
    ]);
    for (const w of body.words) expect(w.end).toBeGreaterThan(w.start);
    const wordsOnly = await (
      await transcribe(audio, "a.wav", {
        response_format: "verbose_json",
        "timestamp_granularities[]": "word",
      })
    ).json();
    expect(wordsOnly.segments).toBeUndefined();
    expect(wordsOnly.words).toHaveLength(5);
  });

  it("translates with task translate", async () => {
    const res = await transcribe(
      await speak("Bonjour", "wav"),
      "a.wav",
      { response_format: "verbose_json" },
      "audio/translations",
    );
    expect(await res.json()).toMatchObject({ task: "translate", text: "Bonjour" });
  });

  it("streams transcript.text.delta events then transcript.text.done with usage", async () => {
    const text = "Streamed words arrive one by one.";
    const res = await transcribe(await speak(text, "wav"), "a.wav", { stream: "true" });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = sseData(await res.text());
    const deltas = events.filter((e) => e.type === "transcript.text.delta");
    expect(deltas.length).toBe(6);
    expect(deltas.map((e) => e.delta).join("")).toBe(text);
    const done = events.at(-1);
    expect(done).toMatchObject({ type: "transcript.text.done", text, usage: { type: "tokens" } });
    expect(done.usage.total_tokens).toBe(done.usage.input_tokens + done.usage.output_tokens);
    expect(events).not.toContain("[DONE]");
  });

  it("adds logprobs for include[]=logprobs, in json and in streamed events", async () => {
    const audio = await speak("Two words", "wav");
    const body = await (await transcribe(audio, "a.wav", { "include[]": "logprobs" })).json();
    expect(body.text).toBe("Two words");
    expect(body.logprobs.map((l: { token: string }) => l.token)).toEqual(["Two", " words"]);
    for (const l of body.logprobs) {
      expect(l.logprob).toBeLessThanOrEqual(0);
      expect(Buffer.from(l.bytes).toString()).toBe(l.token);
    }
    const events = sseData(
      await (await transcribe(audio, "a.wav", { "include[]": "logprobs", stream: "true" })).text(),
    );
    expect(events[0].logprobs).toEqual([body.logprobs[0]]);
    expect(events.at(-1).logprobs).toEqual(body.logprobs);
  });

  it("refuses to stream srt, vtt and verbose_json", async () => {
    const audio = await speak("x", "wav");
    for (const response_format of ["srt", "vtt", "verbose_json"]) {
      const res = await transcribe(audio, "a.wav", { stream: "true", response_format });
      expect(res.status).toBe(400);
      expect((await res.json()).error.param).toBe("response_format");
    }
  });

  it("gives foreign audio a deterministic placeholder", async () => {
    const fake = Buffer.from("ID3 this is not really an mp3 file but the emulator does not care");
    const body = await (await transcribe(fake, "clip.mp3")).json();
    expect(body).toEqual({ text: PLACEHOLDER_TRANSCRIPT });
  });

  it("requires a file and a multipart body", async () => {
    const form = new FormData();
    form.append("response_format", "json");
    const res = await fetch(deploymentUrl(base, "whisper", "audio/transcriptions"), {
      method: "POST",
      headers: { "api-key": "emulator-key" },
      body: form,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.param).toBe("file");
    const json = await postJson(deploymentUrl(base, "whisper", "audio/transcriptions"), { file: "x" });
    expect(json.res.status).toBe(400);
  });
});
