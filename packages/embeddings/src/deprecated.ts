// Renamed public names, kept for one minor release so that imports go on working.
import type { EmbeddingCreateRequest } from "./types.js";

/** @deprecated Renamed `EmbeddingCreateRequest`: a request is named `<Thing><Verb>Request`. Goes in the next minor release. */
export type EmbeddingRequest = EmbeddingCreateRequest;
