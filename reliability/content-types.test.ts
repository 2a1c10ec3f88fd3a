import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AudioClient, createSpeech, speechToFile } from "@aoai/audio";
import { AzureOpenAIClient, InvalidResponseError, type RequestOptions } from "@aoai/core";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { FileClient } from "@aoai/files";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fault, type FaultProxy, gatewayPage, planner, startFaultProxy } from "./fault-proxy.js";
import { inspectAll, leakedSecret, SECRET_KEY, settle } from "./support.js";

// A `200 text/html` page (what a proxy, captive portal or sign-in wall sends) where a file, audio or
// a transcript should be: every binary and text download refuses it with InvalidResponseError
// naming the type, and nothing is written over a file.

let emulator: Emulator;
let proxy: FaultProxy;
let client: AzureOpenAIClient;
let direct: AzureOpenAIClient;
const dir = mkdtempSync(join(tmpdir(), "aoai-rel-types-"));

beforeAll(async () => {
  emulator = await startEmulator({ apiKeys: [SECRET_KEY] });
  proxy = await startFaultProxy({ target: emulator.url, seed: 0x7e9e });
  const options = { apiKey: SECRET_KEY, apiVersion: "2025-04-01-preview", maxRetries: 2 } as const;
  client = new AzureOpenAIClient({ endpoint: proxy.url, ...options });
  direct = new AzureOpenAIClient({ endpoint: emulator.url, ...options });
});

afterAll(async () => {
  await proxy?.close();
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

const planned = planner<RequestOptions>(() => proxy, "types");

const page: Fault = {
  kind: "status",
  status: 200,
  body: gatewayPage(200, 2000),
  contentType: "text/html; charset=utf-8",
};

function expectPageRefused(outcome: Awaited<ReturnType<typeof settle>>, id: string): void {
  expect(outcome.ok, "a web page was accepted as the download").toBe(false);
  const error = (outcome as { error: unknown }).error;
  expect(InvalidResponseError.isInstance(error), inspectAll(error).slice(0, 500)).toBe(true);
  expect((error as Error).message).toContain("text/html");
  expect(leakedSecret(inspectAll(error))).toBeUndefined();
  // A success status is not retried: the page came back once.
  expect(proxy.requestsOf(id)).toHaveLength(1);
}

describe("a 200 text/html page instead of the body", () => {
  it("createSpeech: refused", async () => {
    const call = planned([page]);
    const tts = new AudioClient(client, "tts");
    expectPageRefused(
      await settle(createSpeech(tts, { input: "hi", voice: "alloy" }, call.options)),
      call.id,
    );
  });

  it("speechToFile: refused, and the existing file is left as it was", async () => {
    const path = join(dir, "precious.wav");
    writeFileSync(path, "precious bytes");
    const call = planned([page]);
    const tts = new AudioClient(client, "tts");
    expectPageRefused(
      await settle(speechToFile(tts, { input: "hi", voice: "alloy" }, path, call.options)),
      call.id,
    );
    expect(readFileSync(path, "utf8")).toBe("precious bytes");
  });

  it.each(["text", "srt", "vtt"] as const)(
    "transcribe (%s): refused, not returned as the transcript",
    async (format) => {
      const tts = new AudioClient(direct, "tts");
      const wav = await (
        await createSpeech(tts, { input: "one two", voice: "alloy", response_format: "wav" })
      ).bytes();
      const call = planned([page]);
      const whisper = new AudioClient(client, "whisper");
      expectPageRefused(
        await settle(whisper.transcribe({ file: wav, response_format: format }, call.options)),
        call.id,
      );
    },
  );

  it("files.content: refused", async () => {
    const file = await new FileClient(direct).upload({
      file: new File(['{"a":1}\n'], "data.jsonl"),
      purpose: "fine-tune",
    });
    const call = planned([page]);
    const files = new FileClient(client);
    expectPageRefused(await settle(files.content(file.id, call.options).then((s) => s.bytes())), call.id);
  });

  it("what the service sends passes: audio/wav speech, text/plain transcripts, octet-stream files", async () => {
    const tts = new AudioClient(client, "tts");
    const speech = await createSpeech(tts, { input: "one two", voice: "alloy", response_format: "wav" });
    expect(speech.contentType).toBe("audio/wav");
    const wav = await speech.bytes();
    const path = join(dir, "ok.wav");
    await speechToFile(tts, { input: "one two", voice: "alloy", response_format: "wav" }, path);
    expect(existsSync(path)).toBe(true);
    const whisper = new AudioClient(client, "whisper");
    expect((await whisper.transcribe({ file: wav, response_format: "text" })).text.trim()).toBe("one two");
    const file = await new FileClient(client).upload({
      file: new File(["{}\n"], "x.jsonl"),
      purpose: "fine-tune",
    });
    expect(new TextDecoder().decode(await (await new FileClient(client).content(file.id)).bytes())).toBe(
      "{}\n",
    );
  });
});
