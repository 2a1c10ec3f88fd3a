import type { PipelineResponse } from "./pipeline-types.js";

/**
 * Waits for a streamed body's first chunk, so a stream cut before any byte can still be sent
 * elsewhere. On success the response's body is replaced by one that gives that chunk back first
 * (core reads an async iterable body as it is, in Node and browsers alike); false when the body
 * failed, ended empty or sent nothing within `waitMs`.
 */
export async function awaitFirstByte(
  response: PipelineResponse,
  waitMs: number,
  abort: () => void,
): Promise<boolean> {
  const source: AsyncIterable<Uint8Array> | undefined =
    (response.readableStreamBody as AsyncIterable<Uint8Array> | undefined) ??
    (response.browserStreamBody as AsyncIterable<Uint8Array> | undefined);
  if (!source || typeof source[Symbol.asyncIterator] !== "function") return true;
  const iterator = source[Symbol.asyncIterator]();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first: IteratorResult<Uint8Array>;
  try {
    first = await Promise.race([
      iterator.next(),
      new Promise<never>((_, reject) => {
        if (waitMs > 0 && waitMs < Number.POSITIVE_INFINITY)
          timer = setTimeout(() => reject(new Error("no first byte")), waitMs);
      }),
    ]);
  } catch {
    abort();
    return false;
  } finally {
    clearTimeout(timer);
  }
  if (first.done) return false;
  const head = first.value;
  response.readableStreamBody = (async function* () {
    try {
      yield head;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // A reader that stops early releases the body underneath.
      await iterator.return?.();
    }
  })() as unknown as NodeJS.ReadableStream;
  response.browserStreamBody = undefined;
  return true;
}
