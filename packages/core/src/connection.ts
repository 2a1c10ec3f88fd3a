import type { HttpHeaders, PipelinePolicy } from "@azure/core-rest-pipeline";
import { InvalidInputError } from "./errors/input-errors.js";
import type { SendRequest } from "./pipeline.js";

/**
 * What a client's operations need and users do not see: its pipeline (which holds the
 * credential) and settings. Kept under a registered symbol, not a WeakMap, so a feature package
 * that resolved another copy of this package still finds it; functions and plain settings only,
 * so no inspection of a client reaches a secret.
 */
export interface Connection {
  readonly pipeline: SendRequest;
  /** The credential's policy, also run alone for connections made outside the pipeline (handshake.ts). */
  readonly auth: PipelinePolicy;
  readonly maxRetries: number;
  readonly timeout: number;
  readonly streamIdleTimeout: number;
  readonly maxRetryAfter: number;
  readonly retryUncertain: boolean;
  readonly versionChecks: boolean;
  /** True when no API version was given: each operation goes where Azure serves it GA. */
  readonly autoVersion: boolean;
  /** Fresh request headers: the client's defaults and the User-Agent for `feature`. */
  headers(feature: string | undefined): HttpHeaders;
}

const CONNECTION = Symbol.for("@aoai/core.connection");

export function attachConnection(client: object, connection: Connection): void {
  Object.defineProperty(client, CONNECTION, { value: connection });
}

export function connectionOf(client: object): Connection {
  const connection = (client as { [CONNECTION]?: Connection } | null)?.[CONNECTION];
  if (!connection)
    throw new InvalidInputError(
      `client must be an AzureOpenAIClient from @aoai/core, got ${client === null ? "null" : typeof client}.`,
      "client",
    );
  return connection;
}
