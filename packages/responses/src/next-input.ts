import type { ResponseInputItem } from "./request-types.js";
import type { Response, ResponseOutputItem } from "./response-types.js";

/**
 * A response's output as input items for the next turn, in the form Azure takes:
 * - of a response made with `store: false`, no item keeps its `id` (Azure looks ids up and
 *   answers 400 "Item with id 'rs_…' not found" for items never stored); reasoning items keep
 *   their `encrypted_content` (ask for it with `include: ["reasoning.encrypted_content"]`), which
 *   carries the model's reasoning into the next turn;
 * - of a stored response, items are kept as they are (their ids name stored items).
 * A reasoning item of an unstored response without `encrypted_content` cannot be replayed and is
 * left out. Append the next user message to the result:
 *
 * @example
 * input = [...input, ...toInputItems(response), { role: "user", content: "And then?" }];
 */
export function toInputItems(response: Pick<Response, "output" | "store">): ResponseInputItem[] {
  if (response.store !== false) return response.output.slice();
  const items: ResponseInputItem[] = [];
  for (const item of response.output) {
    if (item.type === "reasoning" && !item.encrypted_content) continue;
    const { id: _id, ...rest } = item as ResponseOutputItem & { id?: string };
    // Messages need a role and content only; status goes too, as Azure refuses nothing else.
    items.push(rest as ResponseInputItem);
  }
  return items;
}
