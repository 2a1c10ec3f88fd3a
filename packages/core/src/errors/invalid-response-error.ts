import { AOAIError } from "./aoai-error.js";

/** The service's answer could not be read: a body that is not the JSON or SSE it should be. */
export class InvalidResponseError extends AOAIError {
  static override readonly kind: string = "InvalidResponseError";
  declare readonly requestId: string | undefined;
  /** The start of the body that failed to parse. */
  declare readonly snippet: string;

  /** Retries made before the response that could not be read. */
  declare readonly retryCount: number;

  constructor(message: string, snippet: string, requestId: string | undefined, retryCount = 0) {
    super(`${message}${requestId ? ` (request id ${requestId})` : ""}`);
    this.snippet = snippet.length > 200 ? `${snippet.slice(0, 200)}…` : snippet;
    this.requestId = requestId;
    this.retryCount = retryCount;
  }
}
