import { checkDeployment, checkText, invalid } from "@aoai/core/internal";
import { checkBody } from "./check-item.js";
import type { BatchEndpoint, BatchInputItem } from "./request-types.js";

/** The service's limits of a batch input file. */
export const BATCH_LIMITS = { lines: 50_000, bytes: 200 * 1024 * 1024 } as const;

/** What `buildBatchInput` takes. */
export interface BatchInputOptions<E extends BatchEndpoint> {
  /** The operation every line calls. */
  endpoint: E;
  /** The global-batch deployment: every line's `body.model`. */
  deployment: string;
  /** The requests, each with its `custom_id` and body. */
  requests: Iterable<BatchInputItem<E>>;
  /** The name of the file. @default "batch.jsonl" */
  filename?: string;
}

/** A batch input file, checked and ready for `files.upload({ file, purpose: "batch" })`. */
export interface BatchInput<E extends BatchEndpoint = BatchEndpoint> {
  /** The JSONL file (a `File` where the platform has one, else a `Blob`). */
  file: Blob;
  endpoint: E;
  /** Requests in the file. */
  lines: number;
  /** Size of the file. */
  bytes: number;
}

/**
 * Builds a batch's input file from typed request bodies: one line per request,
 * `{ custom_id, method: "POST", url: endpoint, body: { ...body, model: deployment } }`. Checked
 * before anything is uploaded: at most 50,000 requests and 200 MB, unique `custom_id`s, and each
 * body well-formed for the endpoint (messages with roles, an input), else `InvalidInputError`
 * naming the request (`requests[12].custom_id`).
 *
 * ```ts
 * const input = buildBatchInput({
 *   endpoint: "/chat/completions",
 *   deployment: "gpt-4o-batch",
 *   requests: questions.map((q, i) => ({ custom_id: `q-${i}`, body: { messages: [{ role: "user", content: q }] } })),
 * });
 * const file = await files.upload({ file: input.file, purpose: "batch" });
 * ```
 */
export function buildBatchInput<E extends BatchEndpoint>(options: BatchInputOptions<E>): BatchInput<E> {
  const { parts, lines, bytes } = encodeLines(options, BATCH_LIMITS);
  const name = options.filename ?? "batch.jsonl";
  const type = "application/jsonl";
  const blobParts = parts as BlobPart[];
  const file =
    typeof File === "function" ? new File(blobParts, name, { type }) : new Blob(blobParts, { type });
  return { file, endpoint: options.endpoint, lines, bytes };
}

/** The lines of a batch file as UTF-8 chunks, checked against `limits`. */
export function encodeLines<E extends BatchEndpoint>(
  options: BatchInputOptions<E>,
  limits: { lines: number; bytes: number },
): { parts: Uint8Array[]; lines: number; bytes: number } {
  if (typeof options !== "object" || options === null)
    invalid("options", "must be an object { endpoint, deployment, requests }.");
  const { endpoint, requests } = options;
  const path = typeof endpoint === "string" ? endpoint.replace(/^\/v1(?=\/)/, "") : "";
  if (path !== "/chat/completions" && path !== "/embeddings")
    invalid("endpoint", `must be "/chat/completions" or "/embeddings", got ${JSON.stringify(endpoint)}.`);
  const deployment = checkDeployment(options.deployment);
  if (requests == null || typeof (requests as Iterable<unknown>)[Symbol.iterator] !== "function")
    invalid("requests", "must be an array (or iterable) of { custom_id, body }.");
  const encoder = new TextEncoder();
  const seen = new Map<string, number>();
  const parts: Uint8Array[] = [];
  let bytes = 0;
  let i = 0;
  for (const item of requests) {
    const at = `requests[${i}]`;
    if (i >= limits.lines)
      invalid(
        "requests",
        `has more than ${limits.lines} requests, the most a batch takes: split them into several batches.`,
      );
    if (typeof item !== "object" || item === null) invalid(at, "must be an object { custom_id, body }.");
    const id = item.custom_id;
    checkText(id, `${at}.custom_id`);
    const first = seen.get(id);
    if (first !== undefined)
      invalid(
        `${at}.custom_id`,
        `repeats requests[${first}].custom_id ${JSON.stringify(id)}; each must be unique.`,
      );
    seen.set(id, i);
    const body = checkBody(item.body, at, path, deployment);
    const line = encoder.encode(
      `${JSON.stringify({ custom_id: id, method: "POST", url: endpoint, body: { ...body, model: deployment } })}\n`,
    );
    bytes += line.byteLength;
    if (bytes > limits.bytes)
      invalid(
        "requests",
        `make a file over ${limits.bytes} bytes, the most a batch takes: split them into several batches.`,
      );
    parts.push(line);
    i++;
  }
  if (i === 0) invalid("requests", "is empty: a batch needs at least one request.");
  return { parts, lines: i, bytes };
}
