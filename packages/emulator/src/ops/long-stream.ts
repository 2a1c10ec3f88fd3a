import { DONE_FRAME, type SseFrames } from "../reply.js";
import { LONG_STREAM_WORDS } from "./chat-plan.js";

/** The text a long stream's template frame carries, replaced by each word. */
export const WORD_SLOT = "\u0000";

/**
 * `head`, then `count` text chunks, then `tail` and `[DONE]`, served lazily from a handful of
 * pre-serialized frames, so a 100,000-chunk stream (the streaming benchmark) costs string
 * concatenation, not 100,000 JSON.stringify calls. `template` is a data frame whose text is
 * `WORD_SLOT`; the first chunk carries the first word bare, the others with a leading space.
 */
export function wordFrames(template: string, head: string[], count: number, tail: string[]): SseFrames {
  const [before, after] = template.split(JSON.stringify(WORD_SLOT)) as [string, string];
  const words = LONG_STREAM_WORDS.map((w) => `${before}${JSON.stringify(` ${w}`)}${after}`);
  const firstWord = `${before}${JSON.stringify(LONG_STREAM_WORDS[0])}${after}`;
  const end = [...tail, DONE_FRAME];
  const length = head.length + count + end.length;
  return {
    length,
    at(i: number): string | undefined {
      if (i < 0 || i >= length) return undefined;
      if (i < head.length) return head[i];
      const c = i - head.length;
      if (c < count) return c === 0 ? firstWord : words[c % words.length];
      return end[c - count];
    },
  };
}
