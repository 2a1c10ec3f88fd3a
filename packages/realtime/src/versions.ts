import { versionTable } from "@aoai/core/internal";

/**
 * The API versions of the realtime operations. The WebSocket is served on the GA route
 * (`/openai/v1/realtime?model=…`, apiVersion `v1` or `preview`, sent without an api-version: the
 * GA route answers 401 to one) and on the preview route (`/openai/realtime?api-version=…&deployment=…`)
 * from 2024-10-01-preview, the version that introduced it (Azure's realtime API notes); the dated
 * GA versions have no realtime. `client_secrets` and `calls` (WebRTC) exist on the GA route only.
 * The 2025-04-01-preview spec has realtime sessions (`/realtimeapi/sessions`) but no WebSocket
 * route: WebSockets are outside OpenAPI, so the rows rest on the service's docs.
 */
export const versions: (name: string) => readonly import("@aoai/core").ApiVersion[] | undefined =
  /* @__PURE__ */ versionTable("realtime@2024-10");

/** The versions on which `/openai/v1/realtime/client_secrets` and `/realtime/calls` are served. */
export const GA_ROUTE_VERSIONS: readonly import("@aoai/core").ApiVersion[] = ["v1", "preview"];
