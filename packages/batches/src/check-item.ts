import { invalid } from "@aoai/core/internal";

const ROLES = new Set(["system", "developer", "user", "assistant", "tool", "function"]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Checks the body of item `at` (`requests[3]`) for `path` (`/chat/completions` or `/embeddings`)
 * and the deployment it will name; only what is surely wrong is refused.
 */
export function checkBody(
  body: unknown,
  at: string,
  path: string,
  deployment: string,
): Record<string, unknown> {
  if (!isObject(body)) return invalid(`${at}.body`, "must be the request body, an object.");
  if (body.model != null && body.model !== deployment)
    invalid(
      `${at}.body.model`,
      `is ${JSON.stringify(body.model)}, but every line of a batch names the deployment ${JSON.stringify(deployment)}.`,
    );
  if (path === "/embeddings") {
    const { input } = body;
    if (!(typeof input === "string" ? input !== "" : Array.isArray(input) && input.length > 0))
      invalid(`${at}.body.input`, "must be a non-empty string or array.");
    return body;
  }
  const { messages } = body;
  if (!Array.isArray(messages) || messages.length === 0)
    invalid(`${at}.body.messages`, "must be a non-empty array.");
  (messages as unknown[]).forEach((message, k) => {
    const role = isObject(message) ? message.role : undefined;
    if (typeof role !== "string" || !ROLES.has(role))
      invalid(
        `${at}.body.messages[${k}].role`,
        `must be one of ${[...ROLES].join(", ")}, not ${String(role)}.`,
      );
  });
  if (body.stream === true) invalid(`${at}.body.stream`, "must not be true: a batch does not stream.");
  return body;
}
