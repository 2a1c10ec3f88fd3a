import { InvalidResponseError } from "../errors/invalid-response-error.js";
import type { WithResponse } from "../response-info.js";

/** One page of a list, as the service sends it. */
export interface Page<T> {
  object: "list";
  data: T[];
  /** True when more items follow this page. */
  has_more?: boolean;
  /** The id of the page's first item (not every list and API version sends it). */
  first_id?: string | null;
  /** The id of the page's last item: pass it as `after` for the next page. */
  last_id?: string | null;
}

/** Fetches the page after the item `after` (the first page when `undefined`). */
export type FetchPage<T> = (after: string | undefined) => Promise<WithResponse<Page<T>>>;

/**
 * A list call: `await` it for its first page (`data`, `has_more`, `first_id`, `last_id`,
 * `_response`), or iterate it for every item of every page, fetched page by page as the loop
 * goes: `for await (const file of files.list())`. `pages()` iterates the pages themselves.
 * Each `await` or loop sends its own requests; nothing is sent until one of them starts.
 */
export class PagePromise<T> implements PromiseLike<WithResponse<Page<T>>>, AsyncIterable<T> {
  readonly #fetch: FetchPage<T>;
  #first: Promise<WithResponse<Page<T>>> | undefined;

  /** @internal made by the list calls. */
  constructor(fetch: FetchPage<T>) {
    this.#fetch = fetch;
  }

  // biome-ignore lint/suspicious/noThenProperty: a list call is awaited for its first page
  then<A = WithResponse<Page<T>>, B = never>(
    onFulfilled?: ((page: WithResponse<Page<T>>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    // An async wrapper turns a check that throws into a rejection, as for every other call.
    this.#first ??= (async () => this.#fetch(undefined))();
    return this.#first.then(onFulfilled, onRejected);
  }

  catch<B = never>(
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<WithResponse<Page<T>> | B> {
    return this.then(undefined, onRejected);
  }

  /** Every page, each fetched when the loop asks for it. */
  async *pages(): AsyncGenerator<WithResponse<Page<T>>, void, undefined> {
    const seen = new Set<string>();
    for (let after: string | undefined; ; ) {
      const page = await this.#fetch(after);
      yield page;
      const next = nextCursor(page);
      if (next === undefined) return;
      // A service that names the same cursor twice would make the loop endless.
      if (seen.has(next))
        throw new InvalidResponseError(
          `The list repeated the page after ${JSON.stringify(next)}.`,
          next,
          page._response?.requestId,
        );
      seen.add(next);
      after = next;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }
}

function nextCursor<T>(page: Page<T>): string | undefined {
  if (page.has_more !== true || page.data.length === 0) return undefined;
  const last = page.last_id ?? (page.data.at(-1) as { id?: unknown }).id;
  return typeof last === "string" && last ? last : undefined;
}
