import { SseDecoder, type SseEvent } from "@aoai/core/internal";
import { createSseStream } from "@azure/core-sse";
import { cpuSinceUs, windowStart, windowStop } from "../measure.ts";

/**
 * bench/sse-decoder: the SSE decoders alone, without HTTP or JSON.parse. One buffer of `chunks`
 * realistic Azure chat chunks (content delta with content_filter_results), cut into 64 KiB reads
 * as a socket would deliver them, is fed through a ReadableStream to each decoder.
 */
export type DecoderName = "core" | "core-sse" | "floor";
export const DECODER_NAMES: readonly DecoderName[] = ["core", "core-sse", "floor"];

export interface SseFigures {
  cpuUsPerChunk: number;
  events: number;
  chunkBytes: number;
}

const READ_BYTES = 64 * 1024;

/** One Azure chat chunk frame as the service sends it mid-stream (about 470 bytes). */
function azureChunkFrame(i: number): string {
  const safe = { filtered: false, severity: "safe" };
  return `data: ${JSON.stringify({
    choices: [
      {
        content_filter_results: { hate: safe, self_harm: safe, sexual: safe, violence: safe },
        delta: { content: ` word${i % 1000}` },
        finish_reason: null,
        index: 0,
        logprobs: null,
      },
    ],
    created: 1732200000,
    id: "chatcmpl-AaBbCcDdEeFfGgHhIiJjKkLlMmNn",
    model: "gpt-4o-mini-2024-07-18",
    object: "chat.completion.chunk",
    system_fingerprint: "fp_04751d0b65",
  })}\n\n`;
}

function buildReads(chunks: number): { reads: Uint8Array[]; chunkBytes: number } {
  const frames: string[] = [];
  for (let i = 0; i < chunks; i++) frames.push(azureChunkFrame(i));
  frames.push("data: [DONE]\n\n");
  const all = new TextEncoder().encode(frames.join(""));
  const reads: Uint8Array[] = [];
  for (let o = 0; o < all.length; o += READ_BYTES) reads.push(all.subarray(o, o + READ_BYTES));
  return { reads, chunkBytes: all.length / (chunks + 1) };
}

function source(reads: Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < reads.length) controller.enqueue(reads[i++]!);
      else controller.close();
    },
  });
}

async function decode(name: DecoderName, reads: Uint8Array[]): Promise<number> {
  let events = 0;
  if (name === "core-sse") {
    for await (const event of createSseStream(source(reads))) if (event.data) events++;
    return events;
  }
  const text = new TextDecoder();
  if (name === "core") {
    const decoder = new SseDecoder();
    const out: SseEvent[] = [];
    for await (const bytes of source(reads)) {
      decoder.push(text.decode(bytes, { stream: true }), out);
      events += out.length;
      out.length = 0;
    }
    return events;
  }
  let buffer = "";
  for await (const bytes of source(reads)) {
    buffer += text.decode(bytes, { stream: true });
    let start = 0;
    for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n", start)) {
      if (buffer.startsWith("data: ", start)) events++;
      start = end + 2;
    }
    buffer = buffer.slice(start);
  }
  return events;
}

export async function measureSseDecoder(
  name: DecoderName,
  cfg: { chunks: number; warmupChunks: number },
): Promise<SseFigures> {
  const warm = buildReads(cfg.warmupChunks);
  for (let i = 0; i < 3; i++) await decode(name, warm.reads);
  const { reads, chunkBytes } = buildReads(cfg.chunks);
  windowStart();
  const cpu0 = process.cpuUsage();
  const events = await decode(name, reads);
  const cpuUs = cpuSinceUs(cpu0);
  windowStop();
  if (events !== cfg.chunks + 1)
    throw new Error(`${name} decoded ${events} events, expected ${cfg.chunks + 1}`);
  return { cpuUsPerChunk: cpuUs / cfg.chunks, events, chunkBytes };
}
