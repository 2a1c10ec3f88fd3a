import { describe, expect, it } from "vitest";
import { APIConnectionError } from "../errors/connection-errors.js";
import { toSdkError } from "./to-sdk-error.js";
import { webChunks } from "./web-body.js";

/** A fetch body that gives one chunk, then fails as Chromium's does when the connection is cut. */
function cutBody(failure: unknown): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) controller.error(failure);
      else controller.enqueue(new Uint8Array([1, 2]));
      sent = true;
    },
  });
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<unknown> {
  try {
    for await (const _ of webChunks(body));
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("webChunks", () => {
  it("throws a body cut mid-read (fetch's bare TypeError) as a connection failure every reader maps", async () => {
    const thrown = await readAll(cutBody(new TypeError("network error")));
    const mapped = toSdkError(thrown, undefined, 2);
    expect(mapped).toBeInstanceOf(APIConnectionError);
    expect(mapped).toMatchObject({ code: "BODY_READ_ERROR", retryCount: 2 });
    expect((mapped as Error).message).toContain("network error");
  });

  it("hands on an abort as it is (the caller's or a timeout's, mapped by who aborted)", async () => {
    const abort = Object.assign(new Error("The operation was aborted."), { name: "AbortError" });
    expect(await readAll(cutBody(abort))).toBe(abort);
  });
});
