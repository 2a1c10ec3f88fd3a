// A minimal browser voice app: this server serves the page (realtime-browser/) and a /token route
// that mints an ephemeral client secret with the api-key or Entra credential, which never reach the
// browser; the page connects over WebRTC with it. `node realtime-browser.ts --serve` keeps it
// running: open the printed URL and press Talk. Without --serve (as scripts/examples.sh runs it) it
// checks itself over HTTP: the page and its script load, and /token mints a secret. The whole
// browser flow runs headless in packages/realtime/test/webrtc.test.ts (Chromium, fake microphone).
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createClientSecret, RealtimeClient } from "@aoai/realtime";
import { build } from "esbuild";
import { connect } from "./connect.ts";

const realtimeDeployment = process.env.AZURE_OPENAI_REALTIME_DEPLOYMENT ?? "gpt-realtime";
const here = (path: string) => new URL(path, import.meta.url);

const { client, close } = await connect({ apiVersion: "v1" });
const realtime = new RealtimeClient(client, realtimeDeployment);
// Bundled as a browser app would be: the package's "browser" build, without WebSocket code.
const bundle = await build({
  entryPoints: [here("./realtime-browser/app.ts").pathname],
  bundle: true,
  format: "esm",
  platform: "browser",
  write: false,
  minify: true,
});
const script = bundle.outputFiles[0]!.text;
const page = await readFile(here("./realtime-browser/index.html"), "utf8");

const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/") {
    res.setHeader("content-type", "text/html; charset=utf-8");
    return res.end(page);
  }
  if (req.method === "GET" && req.url === "/app.js") {
    res.setHeader("content-type", "text/javascript");
    return res.end(script);
  }
  if (req.method === "POST" && req.url === "/token") {
    createClientSecret(realtime, {
      session: {
        instructions: "You are a friendly assistant. Keep answers short.",
        audio: { input: { transcription: { model: "gpt-4o-transcribe" } }, output: { voice: "alloy" } },
      },
    }).then(
      (secret) => {
        res.setHeader("content-type", "application/json");
        res.setHeader("cache-control", "no-store");
        res.end(JSON.stringify({ endpoint: client.endpoint, value: secret.value }));
      },
      (error: Error) => {
        res.statusCode = 502;
        res.end(error.message);
      },
    );
    return;
  }
  res.statusCode = 404;
  res.end();
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

if (process.argv.includes("--serve")) {
  console.log(`open ${url} (Ctrl-C to stop)`);
} else {
  try {
    const html = await (await fetch(url)).text();
    const js = await fetch(`${url}app.js`);
    const token = (await (await fetch(`${url}token`, { method: "POST" })).json()) as { value: string };
    if (!html.includes("/app.js") || !js.ok || !token.value)
      throw new Error("the page or the token route failed");
    console.log(
      `page ${html.length} bytes, script ${script.length} bytes, client secret ${token.value.slice(0, 3)}…`,
    );
    if (/\bimport\(["']ws["']\)|from ["']ws["']/.test(script))
      throw new Error("the browser bundle carries ws");
  } finally {
    server.close();
    await close();
  }
}
