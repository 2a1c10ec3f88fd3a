import { invalidPayload } from "./resource-errors.js";

/** A page of a list on the wire. */
export interface ListPage<T> {
  object: "list";
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

/**
 * One page of `items` (oldest first) after the query's `after` id: newest first unless
 * `order=asc`, at most `limit` items (`defaultLimit` when absent, `maxLimit` at most).
 */
export function paginate<T extends { id: string }>(
  items: readonly T[],
  query: URLSearchParams,
  defaultLimit: number,
  maxLimit: number,
): ListPage<T> {
  const order = query.get("order") ?? "desc";
  if (order !== "asc" && order !== "desc") throw invalidPayload("'order' must be 'asc' or 'desc'.", "order");
  const rawLimit = query.get("limit");
  const limit = rawLimit === null ? defaultLimit : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
    throw invalidPayload(`'limit' must be an integer from 1 to ${maxLimit}.`, "limit");
  const ordered = order === "asc" ? items : [...items].reverse();
  let start = 0;
  const after = query.get("after");
  if (after !== null) {
    const at = ordered.findIndex((item) => item.id === after);
    if (at < 0) throw invalidPayload(`'after' names no item of this list: '${after}'.`, "after");
    start = at + 1;
  }
  const data = ordered.slice(start, start + limit);
  return {
    object: "list",
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: start + limit < ordered.length,
  };
}
