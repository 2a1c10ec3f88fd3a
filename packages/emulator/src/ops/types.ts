import type { IncomingHttpHeaders } from "node:http";
import type { Route } from "../router.js";
import type { ScriptedReply } from "../scripted-reply.js";

/** Everything an operation needs to answer one request. */
export interface OpRequest {
  route: Route;
  /** The deployment: from the URL, or the body's `model` on v1 routes. */
  deployment: string;
  /** The model name reported in responses. */
  model: string;
  /** The parsed JSON body, or the text fields of a multipart body. */
  body: Record<string, unknown>;
  /** Files of a multipart body, by field name. */
  files: Record<string, UploadedFile>;
  headers: IncomingHttpHeaders;
  /** A hash of the operation, deployment and body: the seed of ids and `created`. */
  seed: string;
  /** Chat only: the scripted reply this request consumed, if any. */
  script: ScriptedReply | undefined;
  /** Streaming only: the long-stream chunk count from the header or the script. */
  streamChunks: number | undefined;
  /** Where the emulator listens, for URLs it hands out (image URLs). */
  baseUrl: string;
}

/** One file part of a multipart upload. */
export interface UploadedFile {
  filename: string;
  contentType: string;
  data: Buffer;
}
