import type { RequestOptions, WithResponse } from "@aoai/core";
import { call, invalid, json } from "@aoai/core/internal";
import { realtime as feature } from "./feature.js";
import type { RealtimeClient } from "./realtime-client.js";
import type { RealtimeSessionConfig } from "./request-types.js";
import type { RealtimeSessionState } from "./response-types.js";
import { GA_ROUTE_VERSIONS } from "./versions.js";

/** The body of `POST /openai/v1/realtime/client_secrets`. */
export interface ClientSecretCreateRequest {
  /** The session the secret opens; `type` defaults to `"realtime"` and `model` to the deployment. */
  session?: RealtimeSessionConfig;
  /** How long the secret lives (10 to 7200 s; the service's default is 600). */
  expires_after?: { anchor: "created_at"; seconds: number };
}

/** An ephemeral key for one browser's WebRTC session. */
export interface ClientSecret {
  /** The key (`ek_…`): give it to the browser, which sends it to `/realtime/calls`. */
  value: string;
  /** Unix time (s) after which it is refused. */
  expires_at: number;
  session: RealtimeSessionState;
}

/**
 * Mints an ephemeral client secret for a browser (on your server, with the api-key or Entra
 * credential, which never reach the browser). Needs apiVersion `v1` (or `preview`).
 */
export function createClientSecret(
  realtime: RealtimeClient,
  request: ClientSecretCreateRequest = {},
  options?: RequestOptions,
): Promise<WithResponse<ClientSecret>> {
  const model = request.session?.model;
  if (model !== undefined && model !== realtime.deployment)
    invalid("session.model", `is the deployment (${realtime.deployment}); leave it out or make it equal.`);
  const seconds = request.expires_after?.seconds;
  if (seconds !== undefined && !(Number.isInteger(seconds) && seconds >= 10 && seconds <= 7200))
    invalid("expires_after.seconds", "must be a whole number of seconds from 10 to 7200.");
  const body = { ...request, session: { type: "realtime", ...request.session, model: realtime.deployment } };
  // The route names no deployment (the GA route takes it as the session's `model`).
  const parts = { body, versions: GA_ROUTE_VERSIONS, gate: "realtime/client_secrets" };
  return call(
    feature,
    { client: realtime.client },
    "realtime/client_secrets",
    parts,
    options,
    json<ClientSecret>(),
  );
}
