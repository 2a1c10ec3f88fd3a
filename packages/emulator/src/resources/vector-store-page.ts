import { type ListPage, paginate } from "./pagination.js";
import { invalidPayload } from "./resource-errors.js";

/**
 * A page of a vector store list (default 20 items, at most 100): `paginate`, plus the `before`
 * cursor these lists have (only the items that come before that id in the asked order).
 */
export function vectorStorePage<T extends { id: string }>(
  items: readonly T[],
  query: URLSearchParams,
): ListPage<T> {
  const before = query.get("before");
  if (before === null) return paginate(items, query, 20, 100);
  const desc = (query.get("order") ?? "desc") === "desc";
  const at = items.findIndex((item) => item.id === before);
  if (at < 0) throw invalidPayload(`'before' names no item of this list: '${before}'.`, "before");
  const kept = desc ? items.slice(at + 1) : items.slice(0, at);
  const page = paginate(kept, query, 20, 100);
  // Items nearest the cursor come first in the page's order; without `after`, that is the end.
  if (query.get("after") !== null || page.has_more === false) return page;
  const limit = page.data.length;
  const ordered = desc ? [...kept].reverse() : kept;
  const data = ordered.slice(-limit);
  return { ...page, data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: true };
}
