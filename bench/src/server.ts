/**
 * The loopback server, in its own process so its CPU never counts as a client's: the
 * @aoai/emulator on 127.0.0.1 and a free port, and the bench's front (front.ts): embeddings
 * pre-serialized, and the bench-only audio and image routes. Prints `{"url": …, "frontUrl": …}`
 * once listening. It stops by itself when its parent closes stdin (or dies), on SIGTERM, or after
 * `maxLifetimeMs`.
 * Usage: node src/server.ts <apiKey> <maxLifetimeMs> <speechBytes>
 */
import { DEFAULT_DEPLOYMENTS, startEmulator } from "@aoai/emulator";
import { startFront } from "./front.ts";

const [apiKey = "bench-key", lifetime = "900000", speechBytes = String(10 * 2 ** 20)] = process.argv.slice(2);

const emulator = await startEmulator({
  host: "127.0.0.1",
  port: 0,
  apiKeys: [apiKey],
  requestLogSize: 1,
  deployments: {
    ...DEFAULT_DEPLOYMENTS,
    "gpt-4o-mini": "gpt-4o-mini-2024-07-18",
    "text-embedding-3-large": "text-embedding-3-large",
    "gpt-35-turbo-instruct": "gpt-35-turbo-instruct-0914",
  },
});

const front = await startFront(emulator.url, { apiKey, speechBytes: Number(speechBytes) });

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  front.server.closeAllConnections();
  front.server.close();
  void emulator.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.stdin.on("end", stop).on("close", stop).resume();
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
setTimeout(stop, Number(lifetime)).unref();

process.stdout.write(`${JSON.stringify({ url: emulator.url, frontUrl: front.url, pid: process.pid })}\n`);
