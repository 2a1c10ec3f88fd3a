import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setPriority } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AzureOpenAIClient } from "@aoai/core";
import { build } from "esbuild";
import { chromium } from "playwright";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_PATH, WEBRTC_ARGS } from "../../../test-utils/chromium.js";
import { type Emulator, PLACEHOLDER_TRANSCRIPT, startEmulator } from "../../emulator/src/index.js";
import { createClientSecret, RealtimeClient } from "../src/index.js";
import type { PageResult } from "./webrtc-page.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The page's script, bundled for browsers as an app would: `.browser.ts` twins, no `ws`. */
async function bundlePage(): Promise<string> {
  const out = await build({
    entryPoints: [here("./webrtc-page.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    alias: {
      "@aoai/core/internal": here("../../core/src/internal.ts"),
      "@aoai/core": here("../../core/src/index.ts"),
    },
    plugins: [
      {
        name: "browser-twins",
        setup(b) {
          b.onResolve({ filter: /^\./ }, (args) => {
            const twin = `${resolve(args.resolveDir, args.path.replace(/\.js$/, ""))}.browser.ts`;
            if (existsSync(twin)) return { path: twin };
            const ts = resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts"));
            return existsSync(ts) ? { path: ts } : undefined;
          });
        },
      },
    ],
  });
  const code = out.outputFiles[0]!.text;
  if (/from\s*["']ws["']|require\(["']ws["']\)/.test(code)) throw new Error("the browser bundle carries ws");
  return code;
}

let server: Server;
let pageUrl: string;
let emulator: Emulator;
let realtime: RealtimeClient;

beforeAll(async () => {
  // Chromium and a WebRTC stack in JavaScript take much CPU for a few seconds: this file yields
  // it to tests with tight timings (this worker's niceness, which Chromium inherits), and has an
  // emulator of its own, so the shared one's event loop never waits on werift.
  setPriority(19);
  emulator = await startEmulator();
  const client = new AzureOpenAIClient({ endpoint: emulator.url, apiKey: emulator.apiKey, apiVersion: "v1" });
  realtime = new RealtimeClient(client, "gpt-realtime");
  const script = await bundlePage();
  // The app's server: the page, and a token route that mints a client secret with the api-key,
  // which never reaches the browser.
  server = createServer((req, res) => {
    if (req.url === "/") {
      res.setHeader("content-type", "text/html");
      return res.end('<!doctype html><script type="module" src="/app.js"></script>');
    }
    if (req.url === "/app.js") {
      res.setHeader("content-type", "text/javascript");
      return res.end(script);
    }
    if (req.url === "/config") {
      res.setHeader("content-type", "application/json");
      return res.end(JSON.stringify({ endpoint: emulator.url }));
    }
    if (req.url === "/token" && req.method === "POST") {
      createClientSecret(realtime, {
        session: { audio: { input: { transcription: { model: "gpt-4o-transcribe" } } } },
      }).then(
        (secret) => {
          res.setHeader("content-type", "application/json");
          res.end(JSON.stringify({ value: secret.value }));
        },
        () => {
          res.statusCode = 500;
          res.end();
        },
      );
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await emulator?.close();
});

it("a page connects over WebRTC with a client secret and receives a transcript", {
  timeout: 150_000,
}, async () => {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...WEBRTC_ARGS],
  });
  try {
    const page = await browser.newPage();
    await page.goto(pageUrl);
    await page.waitForFunction(() => window.realtimeResult !== undefined, undefined, { timeout: 120_000 });
    const result = await page.evaluate(() => window.realtimeResult);
    expect(result).not.toHaveProperty("error");
    const ok = result as PageResult;
    expect(ok.refused).toBe("AuthenticationError 401");
    expect(ok.events[0]).toBe("session.created");
    expect(ok.events).toContain("input_audio_buffer.speech_started");
    expect(ok.transcript).toBe(PLACEHOLDER_TRANSCRIPT);
    expect(ok.reply).toContain(PLACEHOLDER_TRANSCRIPT);
    expect(ok.events.at(-1)).toBe("response.done");
    // Over WebRTC the reply's audio comes on the track, not as deltas on the data channel.
    expect(ok.events).toContain("output_audio_buffer.started");
    expect(ok.events).not.toContain("response.output_audio.delta");
    expect(ok.tracks).toBe(1);
    expect(ok.packets).toBeGreaterThan(0);
    expect(ok.playing).toBe(true);
  } finally {
    await browser.close();
  }
});

it("the calls endpoint refuses the api-key and unknown secrets", async () => {
  const url = `${emulator.url}/openai/v1/realtime/calls`;
  const refused: Record<string, string>[] = [
    { "api-key": emulator.apiKey },
    { authorization: "Bearer ek_unknown" },
  ];
  for (const headers of refused) {
    const res = await fetch(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/sdp" },
      body: "v=0\r\n",
    });
    expect(res.status).toBe(401);
  }
  // And an ephemeral key opens nothing else.
  const secret = await createClientSecret(realtime);
  expect(secret.value).toMatch(/^ek_/);
  expect(secret.session.model).toBe("gpt-realtime");
  const chat = await fetch(`${emulator.url}/openai/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret.value}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] }),
  });
  expect(chat.status).toBe(401);
});
