const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * Node: `text` parsed as JSON with each string value of `key` lifted out first: a placeholder
 * `"#<n>"` stands in for the n-th value in what `JSON.parse` sees, and `strings[n]` is the value,
 * sliced from `text` (V8 shares the text's memory: no copy). Megabytes of base64 (images,
 * embeddings) are then neither scanned nor copied by `JSON.parse`. `undefined` when it cannot
 * tell (no such value, an escape in one, JSON that does not parse): the caller parses `text` whole.
 */
export function liftStrings(text: string, key: string): { value: unknown; strings: string[] } | undefined {
  const quoted = `"${key}"`;
  const strings: string[] = [];
  let skeleton = "";
  let copied = 0;
  for (let at = text.indexOf(quoted); at !== -1; at = text.indexOf(quoted, at + 1)) {
    let i = at + quoted.length;
    while (isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i++) !== 58) continue; // a value, not a key: "object":"embedding"
    while (isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 34) continue; // not a string: left to JSON.parse
    const end = text.indexOf('"', i + 1);
    if (end === -1) return undefined;
    const value = text.slice(i + 1, end);
    if (value.includes("\\")) return undefined;
    skeleton += `${text.slice(copied, i + 1)}#${strings.length}`;
    strings.push(value);
    copied = end;
    at = end;
  }
  if (strings.length === 0) return undefined;
  try {
    return { value: JSON.parse(skeleton + text.slice(copied)), strings };
  } catch {
    return undefined;
  }
}
