import { ChatClient } from "@aoai/chat";
import { AOAIError, AzureOpenAIClient } from "@aoai/core";
import { type EventStream, SseDecoder, type SseEvent, send, sse } from "@aoai/core/internal";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ScriptedServer, startScriptedServer } from "./fault-proxy.js";
import { type ReadMode, readChatStream, settle, withDeadline } from "./support.js";

// Property-based tests of the event-stream path: any split of a valid byte stream gives the same
// events (core's SseDecoder fed as EventReader feeds it, and the whole EventStream over loopback),
// and arbitrary bytes or JSON never give anything but events or a typed AOAIError: no TypeError,
// no hang. Seeds are fixed so CI is deterministic; FC_SEED=<n> tries another.

const SEED = Number(process.env.FC_SEED ?? 0x55e);

// ---------------------------------------------------------------------------------------------
// A model of valid event streams.

/** Field text: any code point but CR and LF (which end lines), biased toward the tricky ones. */
const fieldText = fc
  .string({
    unit: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom("a", "b", " ", ":", "{", "}", '"', "é", "👋", "€", "\t", "\u0000"),
      },
      { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
    ),
    maxLength: 12,
  })
  .map((s) => s.replace(/[\r\n]/g, ""));

interface ModelEvent {
  event: string | undefined;
  id: string | undefined;
  data: string[];
  comment: string | undefined;
  /** An unknown field (`retry:` or other), which the decoder ignores. */
  extra: boolean;
}

const modelEvent: fc.Arbitrary<ModelEvent> = fc.record({
  event: fc.option(fieldText, { nil: undefined }),
  id: fc.option(fieldText, { nil: undefined }),
  data: fc.array(fieldText, { minLength: 1, maxLength: 4 }),
  comment: fc.option(fieldText, { nil: undefined }),
  extra: fc.boolean(),
});

type Eol = "\n" | "\r\n" | "\r";
const eols = fc.array(fc.constantFrom<Eol>("\n", "\r\n", "\r"), { minLength: 64, maxLength: 64 });

/** The lines of one event, ending with the blank line that dispatches it. */
function eventLines(e: ModelEvent, noSpace: boolean): string[] {
  const lines: string[] = [];
  if (e.comment !== undefined) lines.push(`:${e.comment}`);
  if (e.event !== undefined) lines.push(`event: ${e.event}`);
  if (e.id !== undefined) lines.push(`id: ${e.id}`);
  for (const d of e.data) lines.push(noSpace && !d.startsWith(" ") ? `data:${d}` : `data: ${d}`);
  if (e.extra) lines.push("retry: 1000");
  lines.push("");
  return lines;
}

/**
 * The text of a stream, each line ended by the next of `ends`. A CR followed by an LF is one line
 * end (CRLF), so an empty line after a CR-ended one never ends with a bare LF (that would merge).
 */
function encode(events: readonly ModelEvent[], ends: readonly Eol[], noSpace: boolean): string {
  let text = "";
  let previous: Eol = "\n";
  let k = 0;
  for (const e of events) {
    for (const line of eventLines(e, noSpace)) {
      let eol = ends[k++ % ends.length]!;
      if (previous === "\r" && line === "" && eol === "\n") eol = "\r\n";
      text += line + eol;
      previous = eol;
    }
  }
  return text;
}

/** What a conforming decoder gives for `events`: the id persists, one with NUL is ignored. */
function expected(events: readonly ModelEvent[]): SseEvent[] {
  let id: string | undefined;
  return events.map((e) => {
    if (e.id !== undefined && !e.id.includes("\u0000")) id = e.id;
    return { event: e.event, data: e.data.join("\n"), id };
  });
}

/** Cuts `bytes` at the given points (any order, repeats allowed). */
function split(bytes: Uint8Array, points: readonly number[]): Uint8Array[] {
  const cuts = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of cuts) {
    chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

/** Decodes chunks of bytes exactly as core's EventReader does: TextDecoder {stream: true}, then SseDecoder. */
function decodeChunks(chunks: readonly Uint8Array[]): SseEvent[] {
  const text = new TextDecoder();
  const decoder = new SseDecoder();
  const out: SseEvent[] = [];
  for (const chunk of chunks) decoder.push(text.decode(chunk, { stream: true }), out);
  decoder.push(text.decode(), out);
  decoder.end(out);
  return out;
}

const encoder = new TextEncoder();

describe("SseDecoder (pure): any split of a valid stream gives the same events", () => {
  const stream = fc.record({
    events: fc.array(modelEvent, { minLength: 1, maxLength: 8 }),
    ends: eols,
    noSpace: fc.boolean(),
  });

  it("whole, split at random points, and split into single bytes: the model's events", () => {
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 20 }), ({ events, ends, noSpace }, points) => {
        const bytes = encoder.encode(encode(events, ends, noSpace));
        const want = expected(events);
        expect(decodeChunks([bytes])).toEqual(want);
        expect(decodeChunks(split(bytes, points))).toEqual(want);
        expect(decodeChunks(Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)))).toEqual(want);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("splits inside every UTF-8 character and every CRLF give the same events", () => {
    fc.assert(
      fc.property(stream, ({ events, ends, noSpace }) => {
        const bytes = encoder.encode(encode(events, ends, noSpace));
        const want = expected(events);
        for (let i = 1; i < bytes.length; i++) {
          const inCharacter = (bytes[i]! & 0xc0) === 0x80;
          const inCrlf = bytes[i - 1] === 0x0d && bytes[i] === 0x0a;
          if (inCharacter || inCrlf)
            expect(decodeChunks([bytes.subarray(0, i), bytes.subarray(i)])).toEqual(want);
        }
      }),
      { seed: SEED + 1, numRuns: 200 },
    );
  });

  it("arbitrary bytes, in any split, never throw and give the same events as unsplit", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (bytes, points) => {
          const whole = decodeChunks([bytes]);
          expect(decodeChunks(split(bytes, points))).toEqual(whole);
        },
      ),
      { seed: SEED + 2, numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The whole path over loopback: node:http client, EventStream, ChatStream.

let server: ScriptedServer;
let client: AzureOpenAIClient;

beforeAll(async () => {
  server = await startScriptedServer();
  client = new AzureOpenAIClient({
    endpoint: server.url,
    apiKey: "property-key",
    maxRetries: 0,
    timeout: 5000,
    streamIdleTimeout: 5000,
  });
});

afterAll(async () => {
  await server?.close();
});

/** Reads an SSE body of `chunks` from the loopback server with core's EventStream ([DONE] ends it). */
async function readEvents(chunks: readonly Uint8Array[]): Promise<unknown[]> {
  server.respond(chunks);
  const stream: EventStream<unknown> = await send(
    client,
    { path: "chat/completions", deployment: "d", body: {} },
    sse<unknown>(),
  );
  const values: unknown[] = [];
  for await (const value of stream) values.push(value);
  return values;
}

/** Reads the body with ChatClient.stream, one way. */
async function readChat(chunks: readonly Uint8Array[], mode: ReadMode): Promise<string | null> {
  server.respond(chunks);
  const stream = await new ChatClient(client, "d").stream({ messages: [{ role: "user", content: "x" }] });
  return readChatStream(stream, mode);
}

/** A JSON object that is no error frame (those are typed errors, tested elsewhere). */
const payload = fc
  .dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })
  .filter((o) => !("error" in o))
  .map((o) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>);

/** Whatever a run produced: values, or an error that must be typed. */
function expectTyped(outcome: { ok: boolean; error?: unknown }): void {
  if (!outcome.ok) {
    const error = outcome.error;
    expect(
      AOAIError.isInstance(error),
      `an untyped error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    ).toBe(true);
  }
}

describe("EventStream over loopback: any split of a valid stream gives the same objects", () => {
  it("JSON events (multi-line data, comments, ids, LF/CRLF/CR) written in arbitrary chunks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(payload, { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom<Eol>("\n", "\r\n", "\r"), { minLength: 8, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.boolean(),
        async (objects, ends, points, pretty) => {
          const events: ModelEvent[] = objects.map((o, i) => ({
            event: i % 3 === 2 ? "message.delta" : undefined,
            id: i % 2 === 0 ? `id-${i}-é` : undefined,
            // Pretty-printed JSON spreads one object over several data lines.
            data: JSON.stringify(o, null, pretty ? 1 : undefined).split("\n"),
            comment: i % 2 === 1 ? " keep-alive 👋" : undefined,
            extra: false,
          }));
          events.push({
            event: undefined,
            id: undefined,
            data: ["[DONE]"],
            comment: undefined,
            extra: false,
          });
          const bytes = encoder.encode(encode(events, ends, false));
          const values = await withDeadline(readEvents(split(bytes, points)), 10_000, "an event stream");
          expect(values).toEqual(objects);
        },
      ),
      { seed: SEED + 3, numRuns: 30 },
    );
  });
});

describe("arbitrary bodies never give an untyped error or a hang", () => {
  /** SSE-shaped noise: fragments that make near-valid streams. */
  const noise = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          "data: ",
          "data:",
          "event: error\n",
          "\n",
          "\r",
          "\r\n",
          "\n\n",
          "{",
          "}",
          "[",
          "]",
          '"choices"',
          '"delta"',
          '"content"',
          '"error"',
          '"index"',
          ":",
          ",",
          "null",
          "42",
          "[DONE]",
          ": comment",
          "é",
          "👋",
        ),
        fc.string({ maxLength: 4 }),
      ),
      { maxLength: 40 },
    )
    .map((parts) => encoder.encode(parts.join("")));
  const bodies = fc.oneof(fc.uint8Array({ maxLength: 600 }), noise);

  it("core's EventStream: events or a typed AOAIError", async () => {
    await fc.assert(
      fc.asyncProperty(bodies, fc.array(fc.nat(), { maxLength: 6 }), async (bytes, points) => {
        expectTyped(await settle(withDeadline(readEvents(split(bytes, points)), 10_000, "an event stream")));
      }),
      { seed: SEED + 4, numRuns: 40 },
    );
  });

  it("ChatStream (iterate, textDeltas, finalCompletion): a completion or a typed AOAIError", async () => {
    await fc.assert(
      fc.asyncProperty(
        bodies,
        fc.constantFrom<ReadMode>("iterate", "deltas", "final"),
        async (bytes, mode) => {
          expectTyped(await settle(withDeadline(readChat([bytes], mode), 10_000, "a chat stream")));
        },
      ),
      { seed: SEED + 5, numRuns: 40 },
    );
  });

  it("ChatStream with valid SSE of arbitrary JSON and chunk-like shapes: a completion or a typed AOAIError, nothing polluted", async () => {
    const loose = fc.jsonValue({ maxDepth: 2 });
    // Indexes a chunk should never have, weighted up: names of built-in properties among them.
    const index = fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom("__proto__", "constructor", "0", null) },
      { weight: 2, arbitrary: fc.integer({ min: -2, max: 3 }) },
      { weight: 1, arbitrary: loose },
    );
    const choice = fc.oneof(
      loose,
      fc.record(
        {
          index,
          delta: fc.oneof(
            loose,
            fc.record({ content: loose, tool_calls: loose, refusal: loose }, { requiredKeys: [] }),
          ),
          finish_reason: loose,
          logprobs: fc.oneof(loose, fc.record({ content: loose }, { requiredKeys: [] })),
          content_filter_results: loose,
        },
        { requiredKeys: [] },
      ),
    );
    const chunk = fc.oneof(
      loose,
      fc.record(
        { id: loose, choices: fc.oneof(loose, fc.array(choice, { maxLength: 3 })), usage: loose },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(chunk, { maxLength: 5 }),
        fc.constantFrom<ReadMode>("iterate", "deltas", "final"),
        async (chunks, mode) => {
          const body = `${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join("")}data: [DONE]\n\n`;
          try {
            expectTyped(
              await settle(withDeadline(readChat([encoder.encode(body)], mode), 10_000, "a chat stream")),
            );
          } finally {
            const polluted = pollution();
            expect(polluted, `a chunk set ${polluted.join(", ")} on a built-in prototype`).toEqual([]);
          }
        },
      ),
      { seed: SEED + 6, numRuns: 60 },
    );
  });
});

/** Names set on Object/Array prototypes or the Array constructor by a run; removes them again. */
function pollution(): string[] {
  const found: string[] = [];
  for (const [name, target] of [
    ["Array.prototype", Array.prototype],
    ["Object.prototype", Object.prototype],
    ["Array", Array],
  ] as const) {
    for (const key of ["finish_reason", "content_filter_results", "message", "logprobs", "index"]) {
      if (Object.hasOwn(target, key)) {
        found.push(`${name}.${key}`);
        delete (target as unknown as Record<string, unknown>)[key];
      }
    }
  }
  return found;
}
