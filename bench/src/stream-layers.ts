/**
 * Where a Responses stream's CPU per event goes, layer by layer, without HTTP: the same bytes (one
 * response of `--events` text deltas as Azure frames them, `event:` then `data:`, cut into 64 KiB
 * reads) through the transport floor's hand split and through each layer the SDK adds, measured in
 * one process, the layers interleaved, `--reps` times. Prints each layer's median CPU per event
 * (min–max) and its ratio to the floor.
 *
 * The layers: the floor (hand split, JSON.parse, a callback per event); the floor handing each
 * event over through an async iterator (the promise and microtask a `for await` costs, and
 * nothing else); core's SSE decoder with JSON.parse, called in a plain loop; core's EventStream
 * read with `for await` (adds error events, the terminal event, an incomplete stream's error);
 * core's ChunkStream with an accumulator that keeps nothing; the SDK's ResponseStream as users
 * read it, then `finalResponse()` (adds keeping the text so a cut stream still gives it).
 * Usage: node src/stream-layers.ts [--events 200000] [--reps 15] [--layers 1,3 (and the floor)]
 */
import { parseArgs } from "node:util";
import {
  ChunkStream,
  type EventStream,
  type SentResponse,
  SseDecoder,
  type SseEvent,
  sse,
} from "@aoai/core/internal";
import { ResponseStream, type ResponseStreamEvent } from "@aoai/responses";
import { readEvents } from "./clients/floor.ts";
import { median, range } from "./stats.ts";

const READ_BYTES = 64 * 1024;
const WORDS = ["Hello", " world", ",", " this", " is", " a", " streamed", " answer", "."];

function frame(event: Record<string, unknown>): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** A response of `deltas` text deltas, framed as the service frames it, in 64 KiB reads. */
function buildReads(deltas: number): Uint8Array[] {
  const response = { id: "resp_1", object: "response", status: "in_progress", output: [] };
  const frames = [
    frame({ type: "response.created", sequence_number: 0, response }),
    frame({
      type: "response.output_item.added",
      sequence_number: 1,
      output_index: 0,
      item: { id: "msg_1", type: "message", role: "assistant", status: "in_progress", content: [] },
    }),
    frame({
      type: "response.content_part.added",
      sequence_number: 2,
      item_id: "msg_1",
      output_index: 0,
      content_index: 0,
      part: { type: "output_text", text: "", annotations: [] },
    }),
  ];
  for (let i = 0; i < deltas; i++)
    frames.push(
      frame({
        type: "response.output_text.delta",
        sequence_number: i + 3,
        item_id: "msg_67e2a1c9b0d48190a5f3c2e1d0b9a8c7",
        output_index: 0,
        content_index: 0,
        delta: WORDS[i % WORDS.length],
        logprobs: [],
      }),
    );
  const done = { ...response, status: "completed" };
  frames.push(frame({ type: "response.completed", sequence_number: deltas + 3, response: done }));
  const all = new TextEncoder().encode(frames.join(""));
  const reads: Uint8Array[] = [];
  for (let o = 0; o < all.length; o += READ_BYTES) reads.push(all.subarray(o, o + READ_BYTES));
  return reads;
}

/** The reads as a body arrives: one at a time, each after a turn of the event loop's microtasks. */
async function* body(reads: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const read of reads) {
    await null;
    yield read;
  }
}

/** What core's `sse` reader gets from the transport, with the reads as the streamed body. */
function sent(reads: Uint8Array[]): SentResponse {
  const raw = { readableStreamBody: body(reads), headers: { get: () => undefined } };
  return {
    raw: raw as unknown as SentResponse["raw"],
    info: { requestId: "bench", status: 200, retryCount: 0 } as unknown as SentResponse["info"],
    controller: new AbortController(),
    signal: undefined,
    idleTimeoutMs: 0,
    release: undefined,
  };
}

const TERMINAL = new Set([
  "response.completed",
  "response.incomplete",
  "response.failed",
  "response.cancelled",
]);
const reader = sse<ResponseStreamEvent>((event) => TERMINAL.has(event.type));
/** core's EventStream on the reads, as `ResponseClient.stream()` opens it (`sse` reads it at once). */
const events = (reads: Uint8Array[]) => reader.read(sent(reads)) as EventStream<ResponseStreamEvent>;

/**
 * The floor's hand split (as readEvents splits), each network read's events queued and handed over
 * one at a time through a hand-written async iterator: a resolved promise per event.
 */
function floorIterator(reads: Uint8Array[]): AsyncIterable<unknown> {
  const source = body(reads);
  const decoder = new TextDecoder();
  let buffer = "";
  let queue: unknown[] = [];
  let at = 0;
  const fill = async (): Promise<IteratorResult<unknown>> => {
    while (at === queue.length) {
      const read = await source.next();
      if (read.done) return { value: undefined, done: true };
      buffer += decoder.decode(read.value, { stream: true });
      queue = [];
      at = 0;
      let start = 0;
      for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n", start)) {
        const data = buffer.indexOf("data: ", start);
        if (data !== -1 && data < end) queue.push(JSON.parse(buffer.slice(data + 6, end)));
        start = end + 2;
      }
      buffer = buffer.slice(start);
    }
    return { value: queue[at++], done: false };
  };
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => (at < queue.length ? Promise.resolve({ value: queue[at++], done: false }) : fill()),
    }),
  };
}

type Layer = (reads: Uint8Array[]) => Promise<number>;

const LAYERS: [string, Layer][] = [
  [
    "transport floor: hand split, JSON.parse, a callback per event",
    (reads) => readEvents(body(reads), () => {}),
  ],
  [
    "floor + for await (each event through an async iterator)",
    async (reads) => {
      let n = 0;
      for await (const _ of floorIterator(reads)) n++;
      return n;
    },
  ],
  [
    "core SseDecoder + JSON.parse, a plain loop",
    async (reads) => {
      const decoder = new SseDecoder();
      const text = new TextDecoder();
      let n = 0;
      for await (const read of body(reads)) {
        const out: SseEvent[] = [];
        decoder.push(text.decode(read, { stream: true }), out);
        for (const event of out) {
          JSON.parse(event.data);
          n++;
        }
      }
      return n;
    },
  ],
  [
    "core EventStream, for await",
    async (reads) => {
      let n = 0;
      for await (const _ of events(reads)) n++;
      return n;
    },
  ],
  [
    "core ChunkStream, an accumulator that keeps nothing",
    async (reads) => {
      let n = 0;
      const keepNothing = { add() {}, result: () => ({}), text: () => undefined };
      for await (const _ of new ChunkStream(events(reads), keepNothing)) n++;
      return n;
    },
  ],
  [
    "@aoai/responses ResponseStream, for await, then finalResponse()",
    async (reads) => {
      let n = 0;
      const stream = new ResponseStream(events(reads));
      for await (const _ of stream) n++;
      await stream.finalResponse();
      return n;
    },
  ],
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      events: { type: "string", default: "200000" },
      reps: { type: "string", default: "15" },
      layers: { type: "string" },
    },
  });
  // --layers 0,3: only those (by their place in the list), the floor always first.
  const only = values.layers?.split(",").map(Number);
  const layers = LAYERS.filter((_, i) => i === 0 || !only || only.includes(i));
  const deltas = Number(values.events);
  const reps = Number(values.reps);
  const reads = buildReads(deltas);
  const perEvent: number[][] = layers.map(() => []);
  // Two warm-up rounds, so every layer runs optimized code when measured.
  for (let rep = -2; rep < reps; rep++)
    for (const [i, [name, layer]] of layers.entries()) {
      const cpu0 = process.cpuUsage();
      const n = await layer(reads);
      const cpu = process.cpuUsage(cpu0);
      if (n !== deltas + 4) throw new Error(`${name}: ${n} events, expected ${deltas + 4}`);
      if (rep >= 0) perEvent[i]!.push(((cpu.user + cpu.system) * 1000) / n);
    }
  const floor = median(perEvent[0]!);
  console.log(`${deltas.toLocaleString("en-US")} text deltas, ${reads.length} reads of 64 KiB, ${reps} reps`);
  console.log("CPU per event, median (min–max), and against the floor:");
  for (const [i, [name]] of layers.entries()) {
    const [lo, hi] = range(perEvent[i]!);
    const mid = median(perEvent[i]!);
    console.log(
      `  ${name}: ${mid.toFixed(0)} ns (${lo.toFixed(0)}–${hi.toFixed(0)}), ${(mid / floor).toFixed(2)}x`,
    );
  }
}

await main();
