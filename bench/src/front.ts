import { createHash } from "node:crypto";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { crc32, deflateSync } from "node:zlib";

interface Cached {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What the bench-only routes serve. */
export interface FrontOptions {
  apiKey: string;
  /** Bytes of audio a speech request answers. */
  speechBytes: number;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "date"]);
const SAFE = { filtered: false, severity: "safe" };
const FILTERS = { hate: SAFE, self_harm: SAFE, sexual: SAFE, violence: SAFE };

/**
 * The bench's Azure-shaped front, in the server process, so its CPU never counts as a client's.
 * Every client gets the same bytes from it:
 * - `audio/transcriptions`: reads the whole multipart upload (the emulator decodes only its own
 *   audio) and answers `{ "text": "received <n> bytes" }`, so a client that did not send the
 *   file fails the scenario's check;
 * - `audio/speech`: `speechBytes` of audio (`audio/mpeg`, chunked, 64 KiB writes that respect
 *   backpressure); the emulator only speaks wav/pcm/flac of a few seconds;
 * - `images/generations`: `n` real PNGs of the requested size as `b64_json`, about 3 MB each as
 *   gpt-image-1 makes them (the emulator draws at 1/16 size), built once and kept;
 * - anything else (embeddings) is pre-serialized: the emulator rebuilds the 512 x 3072 body
 *   (8.4 MB of base64) on every request, about 20 ms of server CPU that would sit inside every
 *   client's wall time and squeeze the ratios towards 1. The first request with a given body is
 *   forwarded to the emulator and its 200 answer kept; identical requests get the same bytes.
 */
export async function startFront(
  emulatorUrl: string,
  options: FrontOptions,
): Promise<{ url: string; server: Server }> {
  const cache = new Map<string, Cached>();
  const images = new Map<string, Buffer>();
  const speech = Buffer.alloc(options.speechBytes, 0x55);
  speech.write("ID3", 0, "latin1");
  const upstream = new URL(emulatorUrl);

  const server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0]!;
    if (req.method === "POST" && path.endsWith("/audio/transcriptions"))
      return transcription(req, res, options);
    const parts: Buffer[] = [];
    req.on("data", (d: Buffer) => parts.push(d));
    req.on("end", () => {
      const body = Buffer.concat(parts);
      if (!authorized(req, options))
        return sendJson(res, 401, { error: { code: "401", message: "Access denied" } });
      if (req.method === "POST" && path.endsWith("/audio/speech")) return void sendSpeech(res, speech);
      if (req.method === "POST" && path.endsWith("/images/generations")) return sendImages(res, body, images);
      const key = createHash("sha256")
        .update(`${req.method} ${req.url} ${req.headers["api-key"] ?? req.headers.authorization ?? ""}\n`)
        .update(body)
        .digest("hex");
      const send = (c: Cached) => {
        res.writeHead(c.status, { ...c.headers, "content-length": c.body.length });
        res.end(c.body);
      };
      const hit = cache.get(key);
      if (hit) return send(hit);
      const headers = { ...req.headers, host: upstream.host, "content-length": String(body.length) };
      const fwd = request(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers },
        (up) => {
          const chunks: Buffer[] = [];
          up.on("data", (d: Buffer) => chunks.push(d));
          up.on("end", () => {
            const kept = Object.fromEntries(Object.entries(up.headers).filter(([k]) => !HOP_BY_HOP.has(k)));
            const c: Cached = { status: up.statusCode ?? 502, headers: kept, body: Buffer.concat(chunks) };
            if (c.status === 200) cache.set(key, c);
            send(c);
          });
        },
      );
      fwd.on("error", () => {
        res.statusCode = 502;
        res.end();
      });
      fwd.end(body);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

function authorized(req: IncomingMessage, options: FrontOptions): boolean {
  return req.headers["api-key"] === options.apiKey;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "x-request-id": createHash("md5").update(String(Math.random())).digest("hex"),
  });
  res.end(text);
}

/** Counts the upload without keeping it. */
function transcription(req: IncomingMessage, res: ServerResponse, options: FrontOptions): void {
  let bytes = 0;
  req.on("data", (d: Buffer) => (bytes += d.length));
  req.on("end", () => {
    if (!authorized(req, options))
      return sendJson(res, 401, { error: { code: "401", message: "Access denied" } });
    const type = req.headers["content-type"] ?? "";
    if (!type.startsWith("multipart/form-data"))
      return sendJson(res, 400, { error: { code: "invalid_request", message: `content-type ${type}` } });
    sendJson(res, 200, { text: `received ${bytes} bytes` });
  });
}

async function sendSpeech(res: ServerResponse, audio: Buffer): Promise<void> {
  res.writeHead(200, { "content-type": "audio/mpeg", "x-request-id": "bench-speech" });
  const step = 64 * 1024;
  for (let o = 0; o < audio.length && !res.destroyed; o += step) {
    if (!res.write(audio.subarray(o, o + step)))
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off("drain", done).off("close", done);
          resolve();
        };
        res.on("drain", done).on("close", done);
      });
  }
  res.end();
}

function sendImages(res: ServerResponse, body: Buffer, images: Map<string, Buffer>): void {
  let request: { n?: number; size?: string };
  try {
    request = JSON.parse(body.toString("utf8")) as { n?: number; size?: string };
  } catch {
    sendJson(res, 400, { error: { code: "invalid_request", message: "body is not JSON" } });
    return;
  }
  const n = request.n ?? 1;
  const [w, h] = (request.size ?? "1024x1024").split("x").map(Number) as [number, number];
  const key = `${n} ${w}x${h}`;
  let answer = images.get(key);
  if (!answer) {
    const data = Array.from({ length: n }, (_, i) => ({
      b64_json: png(w, h, i + 1).toString("base64"),
      content_filter_results: FILTERS,
    }));
    answer = Buffer.from(
      JSON.stringify({
        created: 1732200000,
        data,
        usage: { input_tokens: 8, output_tokens: 1584 * n, total_tokens: 8 + 1584 * n },
      }),
    );
    images.set(key, answer);
  }
  res.writeHead(200, {
    "content-type": "application/json",
    "content-length": answer.length,
    "x-request-id": "bench-images",
  });
  res.end(answer);
}

/** A real PNG: a gradient with pseudo-random grain, about as compressible as a photo-like image. */
function png(width: number, height: number, seed: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let s = seed * 2654435761;
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    const grain = y % 5 < 3; // grain on 3 rows of 5: about 3 MB for 1536 x 1024
    for (let x = 0; x < width * 3; x++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      raw[row + 1 + x] = ((((x / 3) | 0) + y) >> 2) + (grain ? s >>> 27 : 0);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, "ascii");
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 1 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
