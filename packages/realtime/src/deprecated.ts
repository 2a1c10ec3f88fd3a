// Renamed public names, kept for one minor release so that imports go on working.
import type { ClientSecretCreateRequest } from "./client-secret.js";

/** @deprecated Renamed `ClientSecretCreateRequest`: a request is named `<Thing><Verb>Request`. Goes in the next minor release. */
export type ClientSecretRequest = ClientSecretCreateRequest;
