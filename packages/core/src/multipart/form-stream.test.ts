import { createHash, randomBytes } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { createServer, OutgoingMessage, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FormStreamModules, formStream } from "./form-stream.js";
import type { FileSource } from "./source.js";

const node: FormStreamModules = { Readable, OutgoingMessage, open };
const sha = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
const HEAD = new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="file"\r\n\r\n');
const TAIL = new TextEncoder().encode("\r\n--b--\r\n");
const FILE = randomBytes(3 * 1024 * 1024 + 123);

let dir: string;
let path: string;
let server: Server;
let url: string;
/** What the server does with each request body; it answers with the body's sha256. */
let onBody: (req: import("node:http").IncomingMessage) => Promise<void> = async () => {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "aoai-form-stream-"));
  path = join(dir, "big.bin");
  writeFileSync(path, FILE);
  server = createServer(async (req, res) => {
    await onBody(req);
    const hash = createHash("sha256");
    for await (const chunk of req) hash.update(chunk as Buffer);
    res.end(hash.digest("hex"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const fileSource = (p: string): FileSource => ({
  name: "big.bin",
  type: undefined,
  size: FILE.byteLength,
  replayable: true,
  path: p,
  open: () => createReadStream(p),
});
const expected = sha(Buffer.concat([HEAD, FILE, TAIL]));

/** Pipes a form stream into a real request, as core-rest-pipeline's node:http client does. */
function post(body: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST" }, async (res) => {
      let text = "";
      for await (const chunk of res) text += chunk;
      resolve(text);
    });
    req.on("error", reject);
    body.pipe(req);
  });
}

describe("formStream", () => {
  it("sends a file byte-exact through its reused buffers while the server stalls", async () => {
    // The server does not read for a while, so the socket backs up and writes complete late:
    // a buffer reused before its write callback would corrupt the body.
    onBody = () => new Promise((resolve) => setTimeout(resolve, 150));
    const opened: string[] = [];
    const spy = {
      ...node,
      open(p: string, flags: "r") {
        opened.push(p);
        return open(p, flags);
      },
    };
    expect(await post(formStream(spy, [HEAD, fileSource(path), TAIL]))).toBe(expected);
    expect(opened).toEqual([path]);
  });

  it("gives fresh chunks when piped into anything but a request (a transform keeps chunks)", async () => {
    onBody = async () => {};
    const out = new PassThrough();
    formStream(node, [HEAD, fileSource(path), TAIL]).pipe(out);
    const chunks: Buffer[] = [];
    for await (const chunk of out) {
      chunks.push(chunk as Buffer); // kept, not copied: a reused buffer would change them later
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(sha(Buffer.concat(chunks))).toBe(expected);
  });

  it("reads the same bytes when iterated, and again for another attempt", async () => {
    const segments = [HEAD, fileSource(path), TAIL];
    for (let attempt = 0; attempt < 2; attempt++) {
      const chunks: Buffer[] = [];
      for await (const chunk of formStream(node, segments) as AsyncIterable<Buffer>) chunks.push(chunk);
      expect(sha(Buffer.concat(chunks))).toBe(expected);
    }
  });

  it("stops reading and closes the file when the request is destroyed midway", async () => {
    let arrived!: () => void;
    const first = new Promise<void>((resolve) => (arrived = resolve));
    onBody = (req) =>
      new Promise(() => {
        // Reads 200 KB, so the file is open and partly sent, then reads no more.
        let received = 0;
        req.on("data", (chunk: Buffer) => {
          received += chunk.byteLength;
          if (received < 200_000) return;
          req.pause();
          arrived();
        });
      });
    let reads = 0;
    let opened = 0;
    let closed = 0;
    const spy: FormStreamModules = {
      ...node,
      async open(p, flags) {
        const handle = await open(p, flags);
        opened++;
        const read = handle.read.bind(handle);
        const close = handle.close.bind(handle);
        return Object.assign(handle, {
          read(...args: Parameters<typeof read>) {
            reads++;
            return read(...args);
          },
          close() {
            closed++;
            return close();
          },
        });
      },
    };
    const body = formStream(spy, [HEAD, fileSource(path), TAIL]);
    const req = request(url, { method: "POST" });
    req.on("error", () => {});
    body.pipe(req);
    const ended = new Promise((resolve) => (body as Readable).once("close", resolve));
    await first;
    req.destroy();
    await ended;
    expect([opened, closed]).toEqual([1, 1]);
    expect(reads * 64 * 1024).toBeLessThan(FILE.byteLength);
  });

  it("fails the stream with a source stream's own error, midway through a request", async () => {
    const failing: FileSource = {
      name: "clip.wav",
      type: undefined,
      size: undefined,
      replayable: false,
      open: async function* () {
        yield new Uint8Array(1000);
        throw new Error("the disk went away");
      },
    };
    const body = formStream(node, [HEAD, failing, TAIL]) as Readable;
    const req = request(url, { method: "POST" });
    req.on("error", () => {});
    const error = new Promise<Error>((resolve) => body.once("error", resolve));
    body.pipe(req);
    expect((await error).message).toBe("the disk went away");
    req.destroy();
  });

  it("fails the stream with the file's own error when the file is gone", async () => {
    const body = formStream(node, [HEAD, fileSource(join(dir, "gone.bin")), TAIL]) as Readable;
    const req = request(url, { method: "POST" });
    req.on("error", () => {});
    const error = new Promise<Error>((resolve) => body.once("error", resolve));
    body.pipe(req);
    expect((await error).message).toMatch(/ENOENT.*gone\.bin/);
    req.destroy();
  });
});
