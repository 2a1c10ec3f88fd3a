import { fnv1a } from "../hash.js";
import { wordPieces } from "../text.js";

/** Legacy completions' log probabilities: parallel lists, one entry per token of the text. */
export interface LegacyLogprobs {
  tokens: string[];
  token_logprobs: number[];
  top_logprobs: Record<string, number>[];
  /** Each token's character offset in the text. */
  text_offset: number[];
}

/** Deterministic log probabilities for the word pieces of `text`, `top` alternatives each. */
export function legacyLogprobs(text: string, top: number): LegacyLogprobs {
  const tokens = wordPieces(text);
  let offset = 0;
  const text_offset = tokens.map((t) => {
    const at = offset;
    offset += t.length;
    return at;
  });
  // Values in (-1, 0]: plausible for a confident model, stable for the same token.
  const token_logprobs = tokens.map((t) => -((fnv1a(t) % 1000) / 1000));
  const top_logprobs = tokens.map((t, i) => {
    // The sampled token first, then `top - 1` less likely alternatives.
    const entries: Record<string, number> = { [t]: token_logprobs[i]! };
    for (let k = 1; k < top; k++) entries[`${t.trim()}_${k}`] = token_logprobs[i]! - k - 1;
    return entries;
  });
  return { tokens, token_logprobs, top_logprobs, text_offset };
}
