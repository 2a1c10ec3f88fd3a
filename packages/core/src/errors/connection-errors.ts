import { AOAIError } from "./aoai-error.js";

/** Options of the connection errors. */
export interface ConnectionErrorOptions {
  /** What the transport reported (message and code only: never the request, which holds the credential). */
  cause?: unknown;
  /** Low-level code (`ECONNRESET`, `ECONNREFUSED`, `REQUEST_SEND_ERROR`…). */
  code?: string | undefined;
  /** Retries made before giving up. @default 0 */
  retryCount?: number | undefined;
}

/** The service could not be reached, or the connection broke before a complete response. */
export class APIConnectionError extends AOAIError {
  static override readonly kind: string = "APIConnectionError";
  /** Low-level code when there is one (`ECONNRESET`, `ECONNREFUSED`, `REQUEST_SEND_ERROR`…). */
  declare readonly code: string | undefined;
  /** Retries made before giving up. */
  declare readonly retryCount: number;

  constructor(message = "Connection error.", options?: ConnectionErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = options?.code;
    this.retryCount = options?.retryCount ?? 0;
  }
}

/** No response within `timeout`, or a stream sent nothing for `streamIdleTimeout` (after all retries). */
export class APIConnectionTimeoutError extends APIConnectionError {
  static override readonly kind: string = "APIConnectionTimeoutError";
  constructor(message = "Request timed out.", options?: Omit<ConnectionErrorOptions, "code">) {
    super(message, { ...options, code: "TIMEOUT" });
  }
}

/** The caller's `AbortSignal` fired, or the caller stopped reading a stream. */
export class APIUserAbortError extends AOAIError {
  static override readonly kind: string = "APIUserAbortError";
  constructor(message = "Request was aborted.") {
    super(message);
  }
}
