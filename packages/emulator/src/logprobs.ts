import { fnv1a } from "./hash.js";
import { wordPieces } from "./text.js";

/** One token's log probability, as chat completions report it. */
export interface TokenLogprob {
  token: string;
  logprob: number;
  bytes: number[];
  top_logprobs: { token: string; logprob: number; bytes: number[] }[];
}

function entry(token: string, logprob: number) {
  return { token, logprob, bytes: [...Buffer.from(token, "utf8")] };
}

/** Deterministic log probabilities for the word pieces of `text`. */
export function tokenLogprobs(text: string, top: number): TokenLogprob[] {
  return wordPieces(text).map((token) => {
    // Values in (-1, 0]: plausible for a confident model, stable for the same token.
    const logprob = -((fnv1a(token) % 1000) / 1000);
    const alternatives = Array.from({ length: top }, (_, k) =>
      k === 0 ? entry(token, logprob) : entry(`${token.trim()}_${k}`, logprob - k - 1),
    );
    return { ...entry(token, logprob), top_logprobs: alternatives };
  });
}
