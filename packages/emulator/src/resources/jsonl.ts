/** The non-empty lines of a JSONL body (a final newline and `\r\n` line ends are fine). */
export function jsonlLines(data: Buffer): string[] {
  const lines = data.toString("utf8").split("\n");
  const out: string[] = [];
  for (const line of lines) {
    const text = line.endsWith("\r") ? line.slice(0, -1) : line;
    if (text.trim()) out.push(text);
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Why a fine-tuning file is not usable, or `undefined` when each line is a training example:
 * chat (`messages`), prompt/completion, or preference (`input` with `preferred_output`).
 */
export function fineTuneFileProblem(lines: readonly string[]): string | undefined {
  if (lines.length === 0) return "The file contains no training examples.";
  for (const [i, line] of lines.entries()) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return `Line ${i + 1} is not valid JSON.`;
    }
    if (!isObject(value)) return `Line ${i + 1} is not a JSON object.`;
    const chat = Array.isArray(value.messages) && value.messages.length > 0;
    const completion = typeof value.prompt === "string" && typeof value.completion === "string";
    const preference = isObject(value.input) && value.preferred_output !== undefined;
    if (!chat && !completion && !preference)
      return `Line ${i + 1} has no 'messages' (or 'prompt' and 'completion'): it is not a training example.`;
  }
  return undefined;
}
