/**
 * One realtime measurement in a fresh process; prints one JSON line.
 * Usage: NODE_TLS_REJECT_UNAUTHORIZED=0 node src/realtime/child.ts <events|append> <aoai|openai> '<json>'
 * - events: CPU per server event while one response streams `events` audio deltas, each client
 *   collecting the audio as its users would (@aoai: `response().done()`; openai: an `on` handler
 *   decoding each delta's base64);
 * - append: peak RSS while appending `minutes` of PCM16 (24 kHz) in 100 ms pieces as fast as the
 *   client lets (@aoai waits when the socket's buffer is full; openai's send does not).
 */
import { cpuSinceUs, peakRssMb, windowStart, windowStop } from "../measure.ts";

interface Args {
  endpoint: string;
  apiKey: string;
  deployment: string;
  events: number;
  warmupEvents: number;
  minutes: number;
}

const [scenario, client, json] = process.argv.slice(2);
const args = JSON.parse(json ?? "{}") as Args;

/** A connected client, reduced to what the scenarios do. */
interface Driver {
  /** Asks for a response of `events` deltas and resolves at its `response.done`, with the audio bytes collected. */
  response(events: number): Promise<number>;
  append(pcm: Int16Array): Promise<void>;
  close(): Promise<void>;
}

async function aoai(): Promise<Driver> {
  const { AzureOpenAIClient } = await import("@aoai/core");
  const { RealtimeClient } = await import("@aoai/realtime");
  const azure = new AzureOpenAIClient({ endpoint: args.endpoint, apiKey: args.apiKey, apiVersion: "v1" });
  const session = await new RealtimeClient(azure, args.deployment).connect();
  return {
    async response(events) {
      const turn = session.response();
      await session.send({ type: "response.create", response: { metadata: { events: String(events) } } });
      return (await turn.done()).audio.byteLength;
    },
    append: (pcm) => session.appendAudio(pcm),
    close: () => session.close(),
  };
}

async function openai(): Promise<Driver> {
  const { AzureOpenAI } = await import("openai");
  const { OpenAIRealtimeWS } = await import("openai/realtime/ws");
  const azure = new AzureOpenAI({
    endpoint: args.endpoint,
    apiKey: args.apiKey,
    apiVersion: "2025-04-01-preview",
    deployment: args.deployment,
  });
  const rt = await OpenAIRealtimeWS.azure(azure);
  await new Promise((resolve) => rt.socket.once("open", resolve));
  return {
    response(events) {
      return new Promise((resolve) => {
        const chunks: Buffer[] = [];
        const onDelta = (e: { delta: string }) => chunks.push(Buffer.from(e.delta, "base64"));
        rt.on("response.output_audio.delta", onDelta);
        rt.once("response.done", () => {
          rt.off("response.output_audio.delta", onDelta);
          resolve(Buffer.concat(chunks).byteLength);
        });
        rt.send({ type: "response.create", response: { metadata: { events: String(events) } } } as never);
      });
    },
    async append(pcm) {
      const audio = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength).toString("base64");
      rt.send({ type: "input_audio_buffer.append", audio });
    },
    async close() {
      rt.close();
    },
  };
}

async function main(): Promise<Record<string, number>> {
  const driver = client === "openai" ? await openai() : await aoai();
  try {
    if (scenario === "events") {
      await driver.response(args.warmupEvents);
      windowStart();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const bytes = await driver.response(args.events);
      const cpuUs = cpuSinceUs(cpu0);
      windowStop();
      if (bytes !== args.events * 9600)
        throw new Error(`collected ${bytes} bytes, expected ${args.events * 9600}`);
      return { cpuUsPerEvent: cpuUs / args.events, totalMs: performance.now() - t0, peakRssMb: peakRssMb() };
    }
    const piece = new Int16Array(2400);
    const pieces = args.minutes * 60 * 10;
    const t0 = performance.now();
    for (let i = 0; i < pieces; i++) await driver.append(piece);
    return { appendMs: performance.now() - t0, peakRssMb: peakRssMb(), seconds: pieces / 10 };
  } finally {
    await driver.close();
  }
}

main().then(
  (figures) => {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
