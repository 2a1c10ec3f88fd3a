import { invalid } from "@aoai/core/internal";

// Browsers: no Node WebSocket in the bundle. A browser cannot send the credential headers anyway,
// and must never hold the api-key: it connects with connectWebRTC and an ephemeral client secret.
export function openSocket(): never {
  return invalid(
    "connect",
    "WebSocket sessions run on a server; in a browser use connectWebRTC with a client secret.",
  );
}
