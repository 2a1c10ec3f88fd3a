// Rough token arithmetic: no tokenizer ships with the emulator, but counts must be stable and
// grow with the text, which a word-and-punctuation count gives.
const TOKEN = /[A-Za-z0-9_]+|[^\sA-Za-z0-9_]/g;

/** An approximate token count: words and punctuation marks. */
export function countTokens(text: string): number {
  return text.match(TOKEN)?.length ?? 0;
}

/** Splits text into word-sized pieces (leading space kept) whose concatenation is the text. */
export function wordPieces(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? (text ? [text] : []);
}

/** Splits `text` into pieces of at most `size` characters. */
export function fixedPieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** Collapses whitespace and shortens `text` to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The text of a chat message `content`: a string, or the `text` parts of an array. */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => {
      if (part && typeof part === "object") {
        const p = part as { type?: unknown; text?: unknown; refusal?: unknown };
        if (typeof p.text === "string") return p.text;
        if (typeof p.refusal === "string") return p.refusal;
      }
      return "";
    })
    .filter(Boolean)
    .join(" ");
}

/** Keeps the first `maxTokens` tokens' worth of words; `truncated` tells whether it cut. */
export function limitTokens(
  text: string,
  maxTokens: number | undefined,
): { text: string; truncated: boolean } {
  if (maxTokens === undefined || countTokens(text) <= maxTokens) return { text, truncated: false };
  let out = "";
  for (const piece of wordPieces(text)) {
    if (countTokens(out + piece) > maxTokens) break;
    out += piece;
  }
  return { text: out, truncated: true };
}
