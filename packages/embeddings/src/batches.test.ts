import { APIUserAbortError, InternalServerError, type WithResponse } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { embedInBatches } from "./batches.js";
import { EmbeddingBatchError } from "./embedding-batch-error.js";
import type { EmbeddingResponse } from "./types.js";

const inputs = Array.from({ length: 10 }, (_, i) => `text ${i}`);

/** A fake request: one-number vectors holding the input's number, answered in reverse order. */
function fakeSend(options: { fail?: number; delay?: (call: number) => number; log?: string[] } = {}) {
  let calls = 0;
  let inFlight = 0;
  const stats = { maxInFlight: 0, calls: () => calls };
  const send = async (batch: readonly unknown[]): Promise<WithResponse<EmbeddingResponse<number[]>>> => {
    const call = calls++;
    inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    options.log?.push(`start ${batch[0]}`);
    await new Promise((r) => setTimeout(r, options.delay?.(call) ?? 1));
    inFlight--;
    if (String(batch[0]) === `text ${options.fail}`) {
      throw new InternalServerError({ status: 500, error: { message: "boom" }, headers: {} });
    }
    const data = batch.map((text, index) => ({
      object: "embedding" as const,
      index,
      embedding: [Number(String(text).slice(5))],
    }));
    const response = {
      object: "list" as const,
      model: "m",
      data,
      usage: { prompt_tokens: batch.length, total_tokens: batch.length },
    };
    return Object.defineProperty(response, "_response", { value: { requestId: `req-${batch[0]}` } }) as never;
  };
  return { send, stats };
}

describe("embedInBatches", () => {
  it("splits, keeps input order across batches finishing out of order, and sums usage", async () => {
    const { send, stats } = fakeSend({ delay: (call) => 20 - call * 5 });
    const result = await embedInBatches(inputs, 3, 2, undefined, send);
    expect(stats.calls()).toBe(4);
    expect(stats.maxInFlight).toBe(2);
    expect(result.data.map((d) => d.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result.data.map((d) => d.embedding[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result.usage).toEqual({ prompt_tokens: 10, total_tokens: 10 });
    expect(result.model).toBe("m");
    expect(result._responses.map((r) => r?.requestId)).toEqual([
      "req-text 0",
      "req-text 3",
      "req-text 6",
      "req-text 9",
    ]);
    // Like every result: `_response` (the last batch's), not enumerable, nor is `_responses`.
    expect(result._response).toBe(result._responses[3]);
    expect(Object.keys(result)).not.toContain("_responses");
    expect(result.requestIds).toEqual(["req-text 0", "req-text 3", "req-text 6", "req-text 9"]);
  });

  it("never has more than `concurrency` requests in flight", async () => {
    const { send, stats } = fakeSend();
    await embedInBatches(inputs, 1, 3, undefined, send);
    expect(stats.calls()).toBe(10);
    expect(stats.maxInFlight).toBe(3);
  });

  it("on failure stops scheduling and keeps the results already returned", async () => {
    const { send, stats } = fakeSend({ fail: 2 });
    const error = await embedInBatches(inputs, 2, 1, undefined, send).catch((e: unknown) => e);
    expect(EmbeddingBatchError.isInstance(error)).toBe(true);
    const e = error as EmbeddingBatchError<number[]>;
    expect(e.batchIndex).toBe(1);
    expect([e.start, e.end]).toEqual([2, 4]);
    expect(InternalServerError.isInstance(e.cause)).toBe(true);
    expect(e.message).toMatch(/batch 1 \(inputs 2\.\.3\) failed: 500: boom/);
    expect(stats.calls()).toBe(2);
    expect(e.partial.data.map((d) => d.index)).toEqual([0, 1]);
    expect(e.partial.usage.prompt_tokens).toBe(2);
    expect(e.partial.requestIds).toEqual(["req-text 0", undefined, undefined, undefined, undefined]);
    expect(e.partial._responses.map((r) => r?.requestId)).toEqual([
      "req-text 0",
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("awaits batches in flight when one fails and keeps their results", async () => {
    // Batch 0 fails fast; batches 1 and 2 are in flight and finish later.
    const { send } = fakeSend({ fail: 0, delay: (call) => (call === 0 ? 1 : 15) });
    const e = (await embedInBatches(inputs, 2, 3, undefined, send).catch(
      (x: unknown) => x,
    )) as EmbeddingBatchError<number[]>;
    expect(e.batchIndex).toBe(0);
    expect(e.partial.data.map((d) => d.index)).toEqual([2, 3, 4, 5]);
  });

  it("stops scheduling once the signal is aborted", async () => {
    const controller = new AbortController();
    const log: string[] = [];
    const { send } = fakeSend({ log });
    const sendThenAbort: typeof send = async (batch) => {
      const r = await send(batch);
      controller.abort();
      return r;
    };
    const e = (await embedInBatches(inputs, 4, 1, controller.signal, sendThenAbort).catch(
      (x: unknown) => x,
    )) as EmbeddingBatchError;
    expect(log).toEqual(["start text 0"]);
    expect(e.batchIndex).toBe(1);
    expect(APIUserAbortError.isInstance(e.cause)).toBe(true);
    expect(e.partial.data).toHaveLength(4);
  });
});
