import { CompletionClient } from "./completion-client.js";
import type { CompletionCreateRequest } from "./request-types.js";

/**
 * @deprecated Renamed `CompletionClient`, as every client is named in the singular; this alias
 * goes in the next minor release.
 */
export const CompletionsClient: typeof CompletionClient = CompletionClient;
/** @deprecated Renamed `CompletionClient`; this alias goes in the next minor release. */
export type CompletionsClient = CompletionClient;
/** @deprecated Renamed `CompletionCreateRequest`: a request is named `<Thing><Verb>Request`. Goes in the next minor release. */
export type CompletionRequest = CompletionCreateRequest;
