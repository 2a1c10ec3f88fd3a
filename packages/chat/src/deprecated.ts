// Renamed public names, kept for one minor release so that imports go on working.
import type { ChatCompletionCreateRequest } from "./request-types.js";

/** @deprecated Renamed `ChatCompletionCreateRequest`: a request is named `<Thing><Verb>Request`. Goes in the next minor release. */
export type ChatCompletionRequest = ChatCompletionCreateRequest;
