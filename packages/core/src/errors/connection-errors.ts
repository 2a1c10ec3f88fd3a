import { AOAIError } from "./aoai-error.js";

/** The service could not be reached, or the connection broke before a complete response. */
export class APIConnectionError extends AOAIError {
  static override readonly kind: string = "APIConnectionError";
  /** Low-level code when there is one (`ECONNRESET`, `ECONNREFUSED`, `REQUEST_SEND_ERROR`…). */
  readonly code: string | undefined;

  constructor(message = "Connection error.", options?: { cause?: unknown; code?: string }) {
    super(message, options);
    this.code = options?.code;
  }
}

/** No response headers arrived within the timeout (after all retries). */
export class APIConnectionTimeoutError extends APIConnectionError {
  static override readonly kind: string = "APIConnectionTimeoutError";

  constructor(message = "Request timed out.", options?: { cause?: unknown }) {
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
