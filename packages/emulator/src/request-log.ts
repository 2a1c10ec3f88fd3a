import type { IncomingHttpHeaders } from "node:http";

/** One request as the emulator received it, for tests to assert on. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Lower-case names; `api-key` and `authorization` values are replaced by `"[redacted]"`. */
  headers: Record<string, string>;
  /** Parsed JSON, the multipart fields (files as `{filename, content_type, size}`), or `undefined`. */
  body: unknown;
}

const REDACTED = new Set(["api-key", "authorization"]);

/** A copy of `headers` with credentials hidden and multi-valued headers joined. */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = REDACTED.has(name) ? "[redacted]" : Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/** A bounded list of the latest requests, oldest first. */
export class RequestLog {
  readonly #limit: number;
  readonly #items: RecordedRequest[] = [];

  constructor(limit: number) {
    this.#limit = Math.max(0, limit);
  }

  add(entry: RecordedRequest): void {
    if (this.#limit === 0) return;
    this.#items.push(entry);
    if (this.#items.length > this.#limit) this.#items.splice(0, this.#items.length - this.#limit);
  }

  /** A snapshot; later requests do not change it. */
  list(): readonly RecordedRequest[] {
    return [...this.#items];
  }

  clear(): void {
    this.#items.length = 0;
  }
}
