import type { PipelineResponse } from "@azure/core-rest-pipeline";
import type { ResponseInfo } from "../response-info.js";

/** A response whose status is a success, handed to a {@link Reader}. */
export interface SentResponse {
  /** The pipeline response. Its `request` holds the credential header: never keep it on a result. */
  raw: PipelineResponse;
  info: ResponseInfo;
  /**
   * Aborts the request, a streamed body included: the attempt's own controller, which only a
   * streamed read has (attempt-policy.ts). A buffered answer is whole when it is read.
   */
  controller: AbortController | undefined;
  /** The caller's signal, to tell a caller's abort from a broken connection. */
  signal: AbortSignal | undefined;
  /** How long a streamed body may send nothing, in ms (`streamIdleTimeout`). */
  idleTimeoutMs: number;
  /** Call once a streamed body has ended, so the caller's signal lets go of it. */
  release: (() => void) | undefined;
}

/** Reads one kind of response body (JSON, text, bytes, a byte stream, server-sent events). */
export interface Reader<T> {
  /** The `accept` header it asks for. */
  readonly accept: string;
  /** True when the body is read as it arrives rather than buffered by the HTTP client. */
  readonly streams: boolean;
  read(response: SentResponse): T | Promise<T>;
}
