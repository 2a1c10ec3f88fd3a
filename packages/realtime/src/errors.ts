import { AOAIError, APIConnectionError } from "@aoai/core";
import type { RealtimeErrorDetails } from "./response-types.js";

/**
 * The service sent an `error` event. The session usually stays open (a bad event is refused, the
 * conversation goes on): iterating a session yields the event, and a response being read throws this.
 */
export class RealtimeServerError extends AOAIError {
  static override readonly kind: string = "RealtimeServerError";
  /** `invalid_request_error`, `server_error`… */
  readonly type: string;
  readonly code: string | null;
  readonly param: string | null;
  /** The `event_id` of the client event that caused it, when the service says. */
  readonly eventId: string | null;
  /** The whole `error` object as sent. */
  readonly error: RealtimeErrorDetails;

  constructor(error: RealtimeErrorDetails) {
    super(error.message || "The realtime service reported an error.");
    this.type = error.type;
    this.code = error.code ?? null;
    this.param = error.param ?? null;
    this.eventId = error.event_id ?? null;
    this.error = error;
  }
}

/** The session reached the service's time limit (code `session_expired`); the service then closes it. */
export class RealtimeSessionExpiredError extends RealtimeServerError {
  static override readonly kind: string = "RealtimeSessionExpiredError";
}

/**
 * The connection ended without `close()`: a dropped socket (`closeCode` 1006), a server error
 * (1011), a policy close (1008)…
 */
export class RealtimeClosedError extends APIConnectionError {
  static override readonly kind: string = "RealtimeClosedError";
  /** The WebSocket close code (1006 when the connection dropped with no close frame). */
  readonly closeCode: number;
  /** The close frame's reason, when the service gave one. */
  readonly closeReason: string;

  constructor(closeCode: number, closeReason: string, cause?: unknown) {
    super(
      `The realtime connection closed (${closeCode}${closeReason ? `: ${closeReason}` : ""}).`,
      cause === undefined ? { code: `CLOSE_${closeCode}` } : { code: `CLOSE_${closeCode}`, cause },
    );
    this.closeCode = closeCode;
    this.closeReason = closeReason;
  }
}

/** The typed error of an `error` event. */
export function serverError(error: RealtimeErrorDetails): RealtimeServerError {
  return error.code === "session_expired"
    ? new RealtimeSessionExpiredError(error)
    : new RealtimeServerError(error);
}
