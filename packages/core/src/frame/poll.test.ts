import { describe, expect, it } from "vitest";
import type { RequestOptions } from "../client-options.js";
import { InternalServerError } from "../errors/api-error.js";
import { APIUserAbortError } from "../errors/connection-errors.js";
import { WaitTimeoutError } from "../errors/wait-timeout-error.js";
import { pollUntil } from "./poll.js";

const defaults = { what: "Thing t-1", timeoutMs: 60_000, pollInterval: 1, maxPollInterval: 4 };

/** A resource that becomes `done` on poll `doneAt` (1-based); records each poll's time. */
function resource(doneAt: number) {
  const polls: { at: number; signal: AbortSignal | undefined }[] = [];
  const get = async (options: RequestOptions) => {
    polls.push({ at: performance.now(), signal: options.signal });
    return { status: polls.length >= doneAt ? "done" : "working", n: polls.length };
  };
  return { get, polls };
}

describe("pollUntil", () => {
  it("polls until done, reports every value, and returns the last", async () => {
    const { get, polls } = resource(4);
    const seen: number[] = [];
    const last = await pollUntil(
      get,
      (v) => v.status === "done",
      {},
      defaults,
      (v) => seen.push(v.n),
    );
    expect(last).toEqual({ status: "done", n: 4 });
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(polls).toHaveLength(4);
  });

  it("backs off 1.5 times per poll up to maxPollInterval", async () => {
    const { get, polls } = resource(6);
    await pollUntil(get, (v) => v.status === "done", { pollInterval: 20, maxPollInterval: 45 }, defaults);
    const gaps = polls.slice(1).map((p, i) => p.at - polls[i]!.at);
    // Pauses of 20, 30, 45, 45, 45 ms: timers never fire early; the last gaps stay at the cap.
    expect(gaps[0]).toBeGreaterThanOrEqual(19);
    expect(gaps[1]).toBeGreaterThanOrEqual(29);
    for (const gap of gaps.slice(2)) expect(gap).toBeGreaterThanOrEqual(44);
    expect(gaps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(180);
  });

  it("passes the caller's options to every poll, with a signal of its own", async () => {
    const seen: RequestOptions[] = [];
    await pollUntil(
      async (o) => {
        seen.push(o);
        return seen.length;
      },
      (n) => n === 2,
      { maxRetries: 5, headers: { a: "b" }, pollInterval: 1, waitTimeout: 10_000 },
      defaults,
    );
    expect(seen[0]).toMatchObject({ maxRetries: 5, headers: { a: "b" } });
    expect(seen[0]!.signal).toBeInstanceOf(AbortSignal);
    expect(seen[0]).not.toHaveProperty("waitTimeout");
    expect(seen[0]).not.toHaveProperty("timeoutMs");
    expect(seen[0]).not.toHaveProperty("pollInterval");
  });

  it("throws WaitTimeoutError at the deadline, aborting a poll in flight", async () => {
    let aborted = false;
    const slow = (o: RequestOptions) =>
      new Promise<{ status: string }>((_, reject) => {
        o.signal!.addEventListener("abort", () => {
          aborted = true;
          reject(new APIUserAbortError());
        });
      });
    const error = await pollUntil(slow, () => false, { waitTimeout: 30 }, defaults).catch((e: unknown) => e);
    expect(WaitTimeoutError.isInstance(error)).toBe(true);
    expect((error as WaitTimeoutError).last).toBeUndefined();
    expect((error as WaitTimeoutError).message).toBe("Thing t-1 did not finish within 30 ms.");
    expect(aborted).toBe(true);
  });

  it("throws WaitTimeoutError during a pause, with the last value", async () => {
    const { get } = resource(1000);
    const error = await pollUntil(
      get,
      (v) => v.status === "done",
      { waitTimeout: 40, pollInterval: 5 },
      defaults,
    ).catch((e: unknown) => e);
    expect(WaitTimeoutError.isInstance(error)).toBe(true);
    expect((error as WaitTimeoutError<{ status: string }>).last?.status).toBe("working");
  });

  it("throws APIUserAbortError when the signal aborts, and polls nothing when it already has", async () => {
    const { get, polls } = resource(1000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await pollUntil(get, () => false, { signal: controller.signal }, defaults).catch(
      (e: unknown) => e,
    );
    expect(APIUserAbortError.isInstance(error)).toBe(true);
    const before = polls.length;
    const early = await pollUntil(get, () => false, { signal: AbortSignal.abort() }, defaults).catch(
      (e: unknown) => e,
    );
    expect(APIUserAbortError.isInstance(early)).toBe(true);
    expect(polls).toHaveLength(before);
  });

  it("passes a failed poll's error on", async () => {
    const boom = new InternalServerError({ status: 500, error: { message: "boom" }, headers: {} });
    const error = await pollUntil(
      async () => {
        throw boom;
      },
      () => false,
      {},
      defaults,
    ).catch((e: unknown) => e);
    expect(error).toBe(boom);
  });

  it("ends the wait with the error onPoll throws", async () => {
    const { get } = resource(1000);
    const error = await pollUntil(
      get,
      () => false,
      {},
      defaults,
      () => {
        throw new Error("stop");
      },
    ).catch((e: unknown) => (e as Error).message);
    expect(error).toBe("stop");
  });
  it("reads the deprecated timeoutMs, and names the option a caller set when it is bad", async () => {
    const { get } = resource(1000);
    const old = await pollUntil(get, () => false, { timeoutMs: 20, pollInterval: 5 }, defaults).catch(
      (e: unknown) => e,
    );
    expect((old as WaitTimeoutError).message).toBe(
      "Thing t-1 did not finish within 20 ms (last status: working).",
    );
    const param = (options: object) =>
      pollUntil(get, () => false, options, defaults).catch((e: unknown) => (e as { param?: string }).param);
    await expect(param({ waitTimeout: -1 })).resolves.toBe("waitTimeout");
    await expect(param({ timeoutMs: -1 })).resolves.toBe("timeoutMs");
  });
});
