import { invalidRequest } from "./errors.js";

/** Fields every fault may carry. */
export interface FaultScope {
  /**
   * How many matching attempts the fault affects before requests succeed again.
   * @default 1 for queued faults; unlimited for the header (counted per exact header value)
   */
  times?: number;
  /** Only requests for this operation match, e.g. `"chat/completions"`. @default every operation */
  operation?: string;
  /** Free text that makes otherwise identical header faults count their `times` separately. */
  id?: string;
  /** Wait this long before answering (composes with every kind). @default 0 */
  delay_ms?: number;
  /**
   * The share of matching requests the fault takes, each drawn at random (0.3: about 30%): a
   * region that fails some of its calls. A request it passes over does not use up `times`.
   * @default 1
   */
  rate?: number;
}

/** Answer with any status, headers and body, e.g. 429 with `retry_after_ms`, 500, 503, 504. */
export interface StatusFault extends FaultScope {
  kind: "status";
  status: number;
  headers?: Record<string, string>;
  /** @default an Azure-shaped error body for the status */
  body?: unknown;
  /** Sets the `retry-after-ms` header. */
  retry_after_ms?: number;
  /** Sets the `retry-after` header (seconds). */
  retry_after?: number;
}

/** Destroy the socket before any response byte. */
export interface ResetFault extends FaultScope {
  kind: "reset";
}

/** Answer normally after `ms` milliseconds. */
export interface DelayFault extends FaultScope {
  kind: "delay";
  ms: number;
}

/** Stream normally but wait `chunk_delay_ms` between SSE frames. */
export interface SlowStreamFault extends FaultScope {
  kind: "slow-stream";
  chunk_delay_ms: number;
}

/** Send `after_chunks` SSE frames, then destroy the socket (JSON replies: cut after half the body). */
export interface ResetMidStreamFault extends FaultScope {
  kind: "reset-mid-stream";
  after_chunks: number;
  chunk_delay_ms?: number;
}

/** Insert a broken `data:` line (unterminated JSON) after `after_chunks` frames. */
export interface MalformedSseFault extends FaultScope {
  kind: "malformed-sse";
  /** @default 1 */
  after_chunks?: number;
}

/** Send `event: error` with an error payload after `after_chunks` frames, then end the stream. */
export interface SseErrorFault extends FaultScope {
  kind: "sse-error";
  /** @default 1 */
  after_chunks?: number;
  /** @default {"error":{"code":"server_error","message":"The server had an error while processing your request. Sorry about that!"}} */
  error?: unknown;
}

/**
 * A JSON body cut in half. `close-early` declares the full Content-Length and closes the socket
 * after half the bytes; `half` sends a well-framed response whose body is half the JSON.
 */
export interface TruncatedJsonFault extends FaultScope {
  kind: "truncated-json";
  /** @default "close-early" */
  mode?: "close-early" | "half";
}

/** Azure's 400 `content_filter` error with `innererror.content_filter_result`. */
export interface ContentFilterFault extends FaultScope {
  kind: "content-filter";
  /** @default "prompt" */
  param?: string;
  /** Replaces the default result (jailbreak and violence filtered). */
  content_filter_result?: Record<string, unknown>;
  /**
   * The body's shape: `innererror` (`ResponsibleAIPolicyViolation` with `content_filter_result`), or
   * the newer `content_filters` (`innererror.code` `ContentFiltered`, a list of filter runs).
   * @default "innererror"
   */
  shape?: "innererror" | "content_filters";
}

/** Any fault the emulator can inject; send it as JSON in `x-aoai-emulator-fault` or push it on `emulator.faults`. */
export type Fault =
  | StatusFault
  | ResetFault
  | DelayFault
  | SlowStreamFault
  | ResetMidStreamFault
  | MalformedSseFault
  | SseErrorFault
  | TruncatedJsonFault
  | ContentFilterFault;

/** The `kind`s of {@link Fault}. */
export const FAULT_KINDS: readonly Fault["kind"][] = [
  "status",
  "reset",
  "delay",
  "slow-stream",
  "reset-mid-stream",
  "malformed-sse",
  "sse-error",
  "truncated-json",
  "content-filter",
];

const NUMERIC_FIELDS = [
  "times",
  "rate",
  "delay_ms",
  "ms",
  "chunk_delay_ms",
  "after_chunks",
  "status",
  "retry_after_ms",
  "retry_after",
];

/** Checks an untrusted value (header JSON or a test's object) and returns it as a {@link Fault}. */
function parseFault(value: unknown): Fault {
  const bad = (why: string) =>
    invalidRequest(`Invalid emulator fault: ${why}`, "x-aoai-emulator-fault", "InvalidEmulatorFault");
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw bad("expected a JSON object");
  const fault = value as Record<string, unknown>;
  if (!FAULT_KINDS.includes(fault.kind as Fault["kind"]))
    throw bad(`kind must be one of ${FAULT_KINDS.join(", ")}`);
  for (const field of NUMERIC_FIELDS) {
    const n = fault[field];
    if (n !== undefined && (typeof n !== "number" || !Number.isFinite(n) || n < 0)) {
      throw bad(`${field} must be a non-negative number`);
    }
  }
  if (fault.kind === "status") {
    const status = fault.status as number | undefined;
    if (status === undefined || !Number.isInteger(status) || status < 100 || status > 599) {
      throw bad("status must be an HTTP status code");
    }
  }
  if ((fault.rate as number) > 1) throw bad("rate must be a share from 0 to 1");
  if (fault.kind === "delay" && fault.ms === undefined) throw bad("delay needs ms");
  if (fault.kind === "slow-stream" && fault.chunk_delay_ms === undefined)
    throw bad("slow-stream needs chunk_delay_ms");
  if (fault.kind === "reset-mid-stream" && fault.after_chunks === undefined)
    throw bad("reset-mid-stream needs after_chunks");
  if (fault.headers !== undefined && (typeof fault.headers !== "object" || fault.headers === null)) {
    throw bad("headers must be an object");
  }
  return fault as unknown as Fault;
}

/** Parses the `x-aoai-emulator-fault` header value. */
export function parseFaultHeader(raw: string): Fault {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw invalidRequest(
      "Invalid emulator fault: the header is not JSON",
      "x-aoai-emulator-fault",
      "InvalidEmulatorFault",
    );
  }
  return parseFault(value);
}

/** The programmatic fault queue on a running emulator. */
export interface FaultQueue {
  /** Queues a fault; each matching request consumes one of its `times` (default 1). */
  push(fault: Fault): void;
  /** Drops every queued fault and the header attempt counters. */
  clear(): void;
  /** Faults still queued. */
  readonly size: number;
}

interface Queued {
  fault: Fault;
  remaining: number;
}

// Bounds memory when a long test run sends many distinct header faults.
const MAX_HEADER_COUNTERS = 10_000;

/** Decides which fault, if any, applies to a request. */
export class FaultInjector implements FaultQueue {
  readonly #queue: Queued[] = [];
  readonly #headerAttempts = new Map<string, number>();

  push(fault: Fault): void {
    const checked = parseFault(fault);
    this.#queue.push({ fault: checked, remaining: checked.times ?? 1 });
  }

  clear(): void {
    this.#queue.length = 0;
    this.#headerAttempts.clear();
  }

  get size(): number {
    return this.#queue.length;
  }

  /** The header's fault wins over the queue; a request takes at most one fault. */
  take(operation: string, header: string | undefined): Fault | undefined {
    if (header !== undefined) return this.#fromHeader(operation, header);
    const index = this.#queue.findIndex(
      (q) => (q.fault.operation === undefined || q.fault.operation === operation) && drawn(q.fault),
    );
    if (index < 0) return undefined;
    const entry = this.#queue[index]!;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.#queue.splice(index, 1);
    return entry.fault;
  }

  #fromHeader(operation: string, header: string): Fault | undefined {
    const fault = parseFaultHeader(header);
    if ((fault.operation !== undefined && fault.operation !== operation) || !drawn(fault)) return undefined;
    const attempts = this.#headerAttempts.get(header) ?? 0;
    if (this.#headerAttempts.size >= MAX_HEADER_COUNTERS) this.#headerAttempts.clear();
    this.#headerAttempts.set(header, attempts + 1);
    if (fault.times !== undefined && attempts >= fault.times) return undefined;
    return fault;
  }
}

/** Whether a fault with a `rate` takes this request. */
function drawn(fault: Fault): boolean {
  return fault.rate === undefined || Math.random() < fault.rate;
}
