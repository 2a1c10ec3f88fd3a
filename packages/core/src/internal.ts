// The kit feature packages are built from. Not for applications: it may change in any release.
export { isV1 } from "./api-versions.js";
export { base64ToBytes, bytesToBase64, decodeWithAtob, hasNodeBuffer, nodeBase64ToBytes } from "./base64.js";
export { checkInteger, checkNumber, checkOneOf, checkText, invalid } from "./checks.js";
export { attachConnection, type Connection, connectionOf } from "./connection.js";
export { filteredCategories, mergeFilters } from "./content-filter.js";
export { normalizeEndpoint } from "./endpoint.js";
export { createAPIError, parseErrorBody } from "./errors/create-api-error.js";
export { type LastingCreate, type LastingObject, lasting } from "./errors/create-not-confirmed-error.js";
export { delay } from "./frame/delay.js";
export {
  type Call,
  call,
  checkFields,
  checkGate,
  type Feature,
  get,
  type ListQuery,
  list,
  post,
  remove,
  sentVersions,
  type Target,
} from "./frame/feature.js";
export type { FetchPage } from "./frame/page.js";
export { type PollDefaults, pollUntil, type WaitPlan, waitFor } from "./frame/poll.js";
export { type Handshake, type HandshakeRequest, handshake } from "./handshake.js";
export { checkSavePath } from "./io/check-save-path.js";
export { checkCanSave, saveToFile } from "./io/save-file.js";
export { saveStream } from "./io/save-stream.js";
export { type FileFieldRule, MultipartForm } from "./multipart/form.js";
export { ByteStream, byteStream } from "./readers/byte-stream.js";
export { bytes } from "./readers/bytes.js";
export { accepting, type ContentTypes } from "./readers/content-types.js";
export { type EmptyResult, json } from "./readers/json.js";
export { liftStrings } from "./readers/lift-strings.js";
export { liftedJson } from "./readers/lifted-json.js";
export type { Reader, SentResponse } from "./readers/reader.js";
export { sse } from "./readers/sse.js";
export { text } from "./readers/text.js";
export { withResponse } from "./response-info.js";
export { checkClient, checkDeployment, type Route } from "./routing.js";
export { type OperationRequest, send } from "./send.js";
export { EventStream } from "./sse/event-stream.js";
export { SseDecoder, type SseEvent } from "./sse/sse-decoder.js";
export { addChunkHeader, type ChunkHeader } from "./streams/chunk-header.js";
export { type Accumulator, type ChunkSource, ChunkStream } from "./streams/chunk-stream.js";
export { type FilterMerge, filterMerge } from "./streams/filter-merge.js";
export { ndjsonSource } from "./streams/ndjson.js";
export { appendText } from "./streams/text-parts.js";
export { CallRequest } from "./transport/call-request.js";
export { defaultHttpClient } from "./transport/default-http-client.js";
export { logger } from "./transport/logger.js";
export { retryAfterMs } from "./transport/retry-after.js";
export { retryPolicy } from "./transport/retry-policy.js";
export { isTransportError } from "./transport/transport-error.js";
export { checkVersion, versionsFrom, versionsWith, versionTable } from "./version-gates.js";
