import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { contentFilterBody, DEFAULT_SSE_ERROR, statusFaultBody } from "./fault-bodies.js";
import type { Fault } from "./faults.js";
import { setHeaders } from "./headers.js";
import type { Reply, SseFrames } from "./reply.js";

/** Request facts a fault's default body mentions. */
export interface FaultContext {
  operation: string;
  apiVersion: string;
}

// Large writes keep a 100k-frame stream from being bound by per-write syscalls.
const BATCH_BYTES = 256 * 1024;

const MALFORMED_FRAME =
  'data: {"id":"chatcmpl-malformed","object":"chat.completion.chunk","choices":[{"delta":{"content":"unterminated\n\n';

/** Writes `reply`, bent by `fault` when there is one. Resolves when the response is over. */
export async function sendReply(
  res: ServerResponse,
  reply: Reply,
  fault: Fault | undefined,
  ctx: FaultContext,
): Promise<void> {
  const waitMs = (fault?.delay_ms ?? 0) + (fault?.kind === "delay" ? fault.ms : 0);
  if (waitMs > 0) await sleep(waitMs);
  if (res.destroyed) return;
  if (fault?.kind === "reset") {
    res.socket?.destroy();
    return;
  }
  if (fault?.kind === "status") {
    const headers: Record<string, string> = { ...fault.headers };
    if (fault.retry_after_ms !== undefined) headers["retry-after-ms"] = String(fault.retry_after_ms);
    if (fault.retry_after !== undefined) headers["retry-after"] = String(fault.retry_after);
    const body = fault.body ?? statusFaultBody(fault.status, ctx.operation, ctx.apiVersion);
    return sendJson(res, fault.status, body, headers);
  }
  if (fault?.kind === "content-filter") return sendJson(res, 400, contentFilterBody(fault), {});
  switch (reply.kind) {
    case "json":
      return sendBytes(
        res,
        reply.status,
        "application/json",
        JSON.stringify(reply.body),
        reply.headers,
        fault,
      );
    case "raw":
      return sendBytes(res, reply.status, reply.contentType, reply.body, reply.headers, fault);
    case "sse":
      return sendSse(res, reply.frames, reply.headers, fault);
  }
}

/** Writes a JSON body with its Content-Length. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  setHeaders(res, { "content-type": "application/json", ...headers });
  res.statusCode = status;
  res.setHeader("content-length", Buffer.byteLength(text));
  res.end(text);
}

function sendBytes(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: Buffer | string,
  headers: Record<string, string> | undefined,
  fault: Fault | undefined,
): void {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  setHeaders(res, { "content-type": contentType, ...headers });
  res.statusCode = status;
  const cut = fault?.kind === "truncated-json" || fault?.kind === "reset-mid-stream";
  if (!cut) {
    res.setHeader("content-length", bytes.length);
    res.end(bytes);
    return;
  }
  const half = bytes.subarray(0, Math.floor(bytes.length / 2));
  if (fault.kind === "truncated-json" && fault.mode === "half") {
    res.setHeader("content-length", half.length);
    res.end(half);
    return;
  }
  // Declare the full length, deliver half, then hang up: the client sees a premature close.
  res.setHeader("content-length", bytes.length);
  res.write(half, () => res.socket?.destroy());
}

interface StreamPlan {
  paceMs: number;
  resetAt: number;
  malformedAt: number;
  errorAt: number;
  error: unknown;
}

function streamPlan(fault: Fault | undefined): StreamPlan {
  const plan: StreamPlan = { paceMs: 0, resetAt: -1, malformedAt: -1, errorAt: -1, error: DEFAULT_SSE_ERROR };
  if (!fault) return plan;
  if (fault.kind === "slow-stream") plan.paceMs = fault.chunk_delay_ms;
  if (fault.kind === "reset-mid-stream") {
    plan.resetAt = fault.after_chunks;
    plan.paceMs = fault.chunk_delay_ms ?? 0;
  }
  if (fault.kind === "malformed-sse") plan.malformedAt = fault.after_chunks ?? 1;
  if (fault.kind === "sse-error") {
    plan.errorAt = fault.after_chunks ?? 1;
    plan.error = fault.error ?? DEFAULT_SSE_ERROR;
  }
  return plan;
}

async function sendSse(
  res: ServerResponse,
  frames: SseFrames,
  headers: Record<string, string> | undefined,
  fault: Fault | undefined,
): Promise<void> {
  const plan = streamPlan(fault);
  setHeaders(res, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    ...headers,
  });
  res.statusCode = 200;
  res.flushHeaders();
  let batch = "";
  const total = frames.length;
  for (let i = 0; i < total; i++) {
    if (res.destroyed) return;
    if (i === plan.resetAt) {
      await write(res, batch);
      res.socket?.destroy();
      return;
    }
    if (i === plan.errorAt) {
      batch += `event: error\ndata: ${JSON.stringify(plan.error)}\n\n`;
      await write(res, batch);
      res.end();
      return;
    }
    if (i === plan.malformedAt) batch += MALFORMED_FRAME;
    batch += frames.at(i) ?? "";
    if (plan.paceMs > 0) {
      await write(res, batch);
      batch = "";
      await sleep(plan.paceMs);
    } else if (batch.length >= BATCH_BYTES) {
      await write(res, batch);
      batch = "";
    }
  }
  if (plan.resetAt >= total) {
    await write(res, batch);
    res.socket?.destroy();
    return;
  }
  if (batch) res.write(batch);
  res.end();
}

/** Resolves once `data` is handed to the kernel, or the peer went away. */
function write(res: ServerResponse, data: string): Promise<void> {
  if (res.destroyed || data.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off("close", done);
      resolve();
    };
    res.once("close", done);
    res.write(data, done);
  });
}
