export { type AudioInput, fromWav, pcm16Bytes, pcm16Samples, SAMPLE_RATE, toWav } from "./audio.js";
export { type ClientSecret, type ClientSecretCreateRequest, createClientSecret } from "./client-secret.js";
export type { ClientSecretRequest } from "./deprecated.js";
export { RealtimeClosedError, RealtimeServerError, RealtimeSessionExpiredError } from "./errors.js";
export { RealtimeChannel } from "./realtime-channel.js";
export { type ConnectOptions, RealtimeClient } from "./realtime-client.js";
export { RealtimeSession, type SessionFlowOptions } from "./realtime-session.js";
export type * from "./request-types.js";
export {
  type RealtimeFunctionCall,
  type RealtimeResponseResult,
  ResponseReader,
} from "./response-reader.js";
export type * from "./response-types.js";
export { VERSION } from "./version.js";
export { connectWebRTC, RealtimeCall, type WebRTCOptions } from "./webrtc.js";
