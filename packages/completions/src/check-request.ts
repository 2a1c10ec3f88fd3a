import type { AzureOpenAIClient } from "@aoai/core";
import { checkFields, checkInteger, invalid } from "@aoai/core/internal";
import { completions } from "./feature.js";
import type { CompletionCreateRequest } from "./request-types.js";

type Loose = Record<string, unknown>;

/**
 * Checks a request before anything is sent:
 * - input that is surely wrong throws `InvalidInputError` naming the parameter (e.g. `prompt[2]`):
 *   an empty prompt, `n` outside 1..128, `logprobs` outside 0..5, `best_of` below `n` (or above
 *   20), `best_of` above 1 on a stream; the service judges the rest, and unknown fields pass;
 * - a field the client's API version lacks throws `UnsupportedApiVersionError` (see `versions`);
 *   a field set to `null` counts as unset.
 */
export function checkRequest(
  client: AzureOpenAIClient,
  request: CompletionCreateRequest,
  streaming: boolean,
): void {
  const body = request as unknown as Loose;
  if (!body || typeof body !== "object" || Array.isArray(body))
    invalid("request", 'must be an object such as { prompt: "text" }.');
  checkPrompt(body.prompt);
  if (body.stream === !streaming)
    invalid("stream", streaming ? "false: use complete()." : "true: use stream().");
  checkInteger(body.n, "n", 1, 128);
  checkInteger(body.logprobs, "logprobs", 0, 5);
  checkInteger(body.max_tokens, "max_tokens", 0);
  const bestOf = body.best_of as number | null | undefined;
  if (bestOf != null) {
    checkInteger(bestOf, "best_of", 0, 20);
    const n = (body.n as number | null | undefined) ?? 1;
    if (bestOf < n) invalid("best_of", `must be at least n (${n}), got ${bestOf}.`);
    if (streaming && bestOf > 1) invalid("best_of", "above 1 cannot be streamed: use complete().");
  }
  checkFields(completions, client, body);
}

/**
 * A non-empty text, token ids, or an array of non-empty texts or of non-empty token-id arrays
 * (one kind per request, as the first item sets it).
 */
function checkPrompt(prompt: unknown): void {
  if (typeof prompt === "string") {
    if (!prompt) invalid("prompt", "is an empty string.");
    return;
  }
  if (!Array.isArray(prompt) || !prompt.length)
    invalid("prompt", "must be a non-empty string or array (texts, token ids or token-id arrays).");
  if (typeof prompt[0] === "number") {
    checkTokens(prompt, "prompt");
    return;
  }
  const texts = typeof prompt[0] === "string";
  prompt.forEach((item, i) => {
    const at = `prompt[${i}]`;
    if (texts ? typeof item !== "string" || !item : !Array.isArray(item) || !item.length)
      invalid(at, `must be a non-empty ${texts ? "string" : "token-id array"}, as prompt[0] is.`);
    if (!texts) checkTokens(item, at);
  });
}

function checkTokens(tokens: unknown[], param: string): void {
  tokens.forEach((token, j) => {
    if (!Number.isInteger(token) || (token as number) < 0)
      invalid(`${param}[${j}]`, `must be a token id (an integer >= 0), got ${JSON.stringify(token)}.`);
  });
}
