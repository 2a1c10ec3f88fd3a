import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors/input-errors.js";
import { InvalidResponseError } from "../errors/invalid-response-error.js";
import type { WithResponse } from "../response-info.js";
import { type Page, PagePromise } from "./page.js";

type Item = { id: string };

/** A fake list of `total` items served `size` at a time; records the cursors asked for. */
function fakeList(total: number, size: number, shape: "full" | "bare" = "full") {
  const asked: (string | undefined)[] = [];
  const items = Array.from({ length: total }, (_, i) => ({ id: `item-${i}` }));
  const fetch = async (after: string | undefined): Promise<WithResponse<Page<Item>>> => {
    asked.push(after);
    const start = after === undefined ? 0 : items.findIndex((i) => i.id === after) + 1;
    const data = items.slice(start, start + size);
    const page: Page<Item> =
      shape === "full"
        ? {
            object: "list",
            data,
            has_more: start + size < total,
            first_id: data[0]?.id,
            last_id: data.at(-1)?.id,
          }
        : { object: "list", data, has_more: start + size < total };
    return Object.defineProperty(page, "_response", { value: { requestId: `r-${start}` } }) as never;
  };
  return { fetch, asked, items };
}

describe("PagePromise", () => {
  it("iterates every item, one request per page, following last_id", async () => {
    const { fetch, asked, items } = fakeList(5, 2);
    const seen: string[] = [];
    for await (const item of new PagePromise(fetch)) seen.push(item.id);
    expect(seen).toEqual(items.map((i) => i.id));
    expect(asked).toEqual([undefined, "item-1", "item-3"]);
  });

  it("follows the last item's id when the page has no last_id (fine-tuning lists)", async () => {
    const { fetch, asked } = fakeList(3, 2, "bare");
    const pages: number[] = [];
    for await (const page of new PagePromise(fetch).pages()) pages.push(page.data.length);
    expect(pages).toEqual([2, 1]);
    expect(asked).toEqual([undefined, "item-1"]);
  });

  it("gives the first page when awaited, fetched once however often it is awaited", async () => {
    const { fetch, asked } = fakeList(5, 2);
    const list = new PagePromise(fetch);
    const page = await list;
    expect(page.data.map((i) => i.id)).toEqual(["item-0", "item-1"]);
    expect(page.has_more).toBe(true);
    expect(page._response.requestId).toBe("r-0");
    await list;
    expect(asked).toEqual([undefined]);
  });

  it("sends nothing until awaited or iterated", () => {
    const { fetch, asked } = fakeList(5, 2);
    new PagePromise(fetch);
    expect(asked).toEqual([]);
  });

  it("stops when has_more is false or a page is empty", async () => {
    const empty = new PagePromise<Item>(async () =>
      Object.assign({ object: "list" as const, data: [], has_more: true }, { _response: {} as never }),
    );
    const seen: Item[] = [];
    for await (const item of empty) seen.push(item);
    expect(seen).toEqual([]);
  });

  it("throws InvalidResponseError when the service repeats a cursor", async () => {
    const same = new PagePromise<Item>(async () =>
      Object.assign(
        { object: "list" as const, data: [{ id: "x" }], has_more: true },
        { _response: {} as never },
      ),
    );
    const error = await (async () => {
      for await (const _ of same);
    })().catch((e: unknown) => e);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
  });

  it("turns a check that throws into a rejection", async () => {
    const bad = new PagePromise<Item>(() => {
      throw new InvalidInputError("limit is bad", "limit");
    });
    let thrown: unknown;
    const promise = bad.then(undefined, (e) => {
      thrown = e;
    });
    await promise;
    expect(InvalidInputError.isInstance(thrown)).toBe(true);
    await expect(bad.catch((e: unknown) => (e as InvalidInputError).param)).resolves.toBe("limit");
  });
});
