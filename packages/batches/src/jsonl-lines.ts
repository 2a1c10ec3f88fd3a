import { InvalidResponseError } from "@aoai/core";

/**
 * The JSON objects of a JSONL body, one per line, parsed as the chunks arrive: only the line being
 * read is held, so a file of any size streams through in constant memory. Blank lines are
 * skipped; a line that is not JSON, or JSON but not an object (`null`, `42`, an array), throws
 * `InvalidResponseError` with its number.
 */
export async function* jsonLines<T>(
  chunks: AsyncIterable<Uint8Array>,
  requestId?: string,
): AsyncGenerator<T, void, undefined> {
  const decoder = new TextDecoder();
  let rest = "";
  let number = 0;
  const parse = (line: string): T => {
    number++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new InvalidResponseError(`Line ${number} of the file is not JSON.`, line, requestId);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value))
      throw new InvalidResponseError(`Line ${number} of the file is not a JSON object.`, line, requestId);
    return value as T;
  };
  for await (const chunk of chunks) {
    rest += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = rest.indexOf("\n"); end >= 0; end = rest.indexOf("\n", start)) {
      const line = rest.slice(start, end);
      start = end + 1;
      if (line.trim()) yield parse(line);
      else number++;
    }
    rest = rest.slice(start);
  }
  rest += decoder.decode();
  if (rest.trim()) yield parse(rest);
}
