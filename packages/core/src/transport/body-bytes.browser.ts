import type { PipelineResponse } from "@azure/core-rest-pipeline";
import { webChunks } from "./web-body.js";

/**
 * The streamed body of a response as chunks of bytes, in browsers: fetch's body through its reader
 * (or an injected HTTP client's async iterable). The Node twin (body-bytes.ts) reads node:http
 * streams from their 'data' events, which browsers never need.
 */
export function bodyBytes(response: PipelineResponse): AsyncIterable<Uint8Array> {
  return (
    (response.readableStreamBody as AsyncIterable<Uint8Array> | undefined) ??
    webChunks(response.browserStreamBody)
  );
}
