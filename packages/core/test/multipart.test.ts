import { randomBytes } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InternalServerError, InvalidInputError } from "../src/index.js";
import { json, MultipartForm, send } from "../src/internal.js";
import { clientFor } from "./support/client.js";
import { type RecordedRequest, startServer, type TestServer } from "./support/server.js";

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), "aoai-multipart-"));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => server.reset());

const WAV = Buffer.concat([Buffer.from("RIFF\x24\x00\x00\x00WAVEfmt "), Buffer.alloc(64, 7)]);
const MAX = 25 * 1024 * 1024;

interface Part {
  name: string;
  filename: string | undefined;
  type: string | undefined;
  data: Buffer;
}

/** Parses a multipart/form-data body, byte-exact. */
function parts(request: RecordedRequest): Part[] {
  const boundary = /boundary=(.+)$/.exec(request.headers["content-type"] ?? "")![1]!;
  const body = request.raw;
  const out: Part[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  expect(at).toBe(0);
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === "--") {
      expect(body.subarray(at).toString()).toBe("--\r\n");
      return out;
    }
    const headerEnd = body.indexOf("\r\n\r\n", at);
    const head = body.subarray(at + 2, headerEnd).toString();
    const next = body.indexOf(delimiter, headerEnd);
    out.push({
      name: /name="([^"]*)"/.exec(head)![1]!,
      filename: /filename="([^"]*)"/.exec(head)?.[1],
      type: /Content-Type: (.+)/i.exec(head)?.[1],
      data: body.subarray(headerEnd + 4, next - 2),
    });
    at = next;
  }
}

const upload = (body: MultipartForm, options = {}, apiVersion = "2024-10-21") =>
  send(
    clientFor(server, { apiVersion, ...options }),
    { path: "audio/transcriptions", deployment: "whisper", body },
    json(),
  );

const form = (file: unknown, fields: Record<string, unknown> = {}) =>
  new MultipartForm({ file, ...fields }, { file: { maxBytes: MAX } });

describe("multipart uploads over loopback", () => {
  it("sends text fields, arrays as name[] and objects as JSON, with a content-length", async () => {
    await upload(
      form(new File([WAV], "talk.wav", { type: "audio/wav" }), {
        response_format: "verbose_json",
        temperature: 0,
        timestamp_granularities: ["word", "segment"],
        chunking_strategy: { type: "server_vad" },
        prompt: undefined,
        language: null,
      }),
    );
    const [request] = server.requests;
    const got = parts(request!);
    expect(got.map((p) => p.name)).toEqual([
      "file",
      "response_format",
      "temperature",
      "timestamp_granularities[]",
      "timestamp_granularities[]",
      "chunking_strategy",
    ]);
    expect(got[0]).toMatchObject({ filename: "talk.wav", type: "audio/wav" });
    expect(got[0]!.data.equals(WAV)).toBe(true);
    expect(got.slice(1).map((p) => p.data.toString())).toEqual([
      "verbose_json",
      "0",
      "word",
      "segment",
      '{"type":"server_vad"}',
    ]);
    expect(Number(request!.headers["content-length"])).toBe(request!.raw.byteLength);
  });

  it.each([
    ["Uint8Array", () => new Uint8Array(WAV)],
    ["ArrayBuffer", () => new Uint8Array(WAV).buffer],
    ["Blob without a name", () => new Blob([WAV])],
    ["web ReadableStream", () => new Blob([WAV]).stream()],
  ])("names a %s by its content, so the service knows the format", async (_kind, make) => {
    await upload(form(make()));
    const [file] = parts(server.requests[0]!);
    expect(file).toMatchObject({ name: "file", filename: "file.wav", type: "audio/wav" });
    expect(file!.data.equals(WAV)).toBe(true);
  });

  it("reads a path in Node, named after the file, and sends it again on a retry", async () => {
    const path = join(dir, "speech.mp3");
    writeFileSync(path, Buffer.concat([Buffer.from("ID3"), Buffer.alloc(5000, 1)]));
    server.script({ status: 500, body: {} });
    await upload(form(path), { maxRetries: 1 });
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) {
      const [file] = parts(request);
      expect(file).toMatchObject({ filename: "speech.mp3", type: "audio/mpeg" });
      expect(file!.data.byteLength).toBe(5003);
      expect(Number(request.headers["content-length"])).toBe(request.raw.byteLength);
    }
  });

  it("sends a multi-megabyte path byte-exact (read through reused buffers), and again on a retry", async () => {
    const path = join(dir, "long.mp3");
    const data = Buffer.concat([Buffer.from("ID3"), randomBytes(3 * 1024 * 1024 + 7)]);
    writeFileSync(path, data);
    server.script({ status: 503, body: {} });
    await upload(form(path), { maxRetries: 1 });
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) expect(parts(request)[0]!.data.equals(data)).toBe(true);
  });

  it("sends a Node stream once, named after its file, and never retries it", async () => {
    const path = join(dir, "clip.flac");
    writeFileSync(path, Buffer.concat([Buffer.from("fLaC"), Buffer.alloc(3000, 2)]));
    server.script({ status: 500, body: {} });
    const error = await upload(form(createReadStream(path)), { maxRetries: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
    const [file] = parts(server.requests[0]!);
    expect(file).toMatchObject({ filename: "clip.flac", type: "audio/flac" });
    expect(file!.data.byteLength).toBe(3004);
    expect(server.requests[0]!.headers["transfer-encoding"]).toBe("chunked");
  });

  it("never retries a web ReadableStream either", async () => {
    server.script({ status: 503, body: {} });
    await expect(upload(form(new Blob([WAV]).stream()), { maxRetries: 2 })).rejects.toThrow();
    expect(server.requests).toHaveLength(1);
  });

  it("retries a Blob, with the same bytes each time", async () => {
    server.script({ status: 500, body: {} });
    await upload(form(new Blob([WAV])), { maxRetries: 1 });
    expect(server.requests).toHaveLength(2);
    expect(parts(server.requests[1]!)[0]!.data.equals(WAV)).toBe(true);
  });

  it.each([
    ["an empty file", () => new Uint8Array(0), /file is empty/],
    ["a file over the limit", () => new Uint8Array(MAX + 1), /at most 26214400/],
    ["a number", () => 42, /must be a File, Blob/],
    ["a path that does not exist", () => join(dir, "missing.wav"), /cannot read the file/],
    ["an empty web stream", () => new Blob([]).stream(), /file is empty/],
  ])("refuses %s before sending", async (_what, make, message) => {
    const error = await upload(form(make())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).param).toBe("file");
    expect((error as Error).message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });

  it("sends several files of one field as name[] and checks each", async () => {
    const images = new MultipartForm(
      {
        image: [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1]), new Uint8Array([0xff, 0xd8, 0xff, 2])],
        prompt: "p",
      },
      { image: {} },
    );
    await upload(images);
    const got = parts(server.requests[0]!);
    expect(got.map((p) => [p.name, p.filename, p.type])).toEqual([
      ["image[]", "image0.png", "image/png"],
      ["image[]", "image1.jpg", "image/jpeg"],
      ["prompt", undefined, undefined],
    ]);
    const bad = new MultipartForm({ image: [new Uint8Array([1]), new Uint8Array(0)] }, { image: {} });
    const error = await upload(bad).catch((e: unknown) => e);
    expect((error as InvalidInputError).param).toBe("image[1]");
  });

  it("escapes quotes and line breaks in names as browsers do", async () => {
    await upload(form(new File([WAV], 'a"b\r\nc.wav')));
    expect(parts(server.requests[0]!)[0]!.filename).toBe("a%22b%0D%0Ac.wav");
  });

  it("adds model on v1, and refuses a different one", async () => {
    await upload(form(new Blob([WAV])), {}, "v1");
    expect(parts(server.requests[0]!).map((p) => [p.name, p.data.toString().slice(0, 7)])).toContainEqual([
      "model",
      "whisper",
    ]);
    await expect(upload(form(new Blob([WAV]), { model: "other" }), {}, "v1")).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    expect(server.requests).toHaveLength(1);
  });
});
