export type {
  ChoiceFilterResults,
  DetectedResult,
  PromptFilterResult,
  SeverityResult,
} from "./content-filter.js";
export type { AzureErrorBody } from "./errors.js";
export {
  ACCESS_DENIED_MESSAGE,
  DEPLOYMENT_NOT_FOUND_MESSAGE,
  type GatewayErrorBody,
  INVALID_TOKEN_MESSAGE,
  MISSING_KEY_MESSAGE,
} from "./errors.js";
export type {
  ContentFilterFault,
  DelayFault,
  Fault,
  FaultQueue,
  FaultScope,
  MalformedSseFault,
  ResetFault,
  ResetMidStreamFault,
  SlowStreamFault,
  SseErrorFault,
  StatusFault,
  TruncatedJsonFault,
} from "./faults.js";
export { FAULT_KINDS } from "./faults.js";
export { EXPOSED_HEADERS, FAULT_HEADER, REPLY_HEADER, STREAM_CHUNKS_HEADER } from "./headers.js";
export { DEFAULT_DEPLOYMENTS } from "./models.js";
export { EMULATED_OPERATIONS } from "./operations.js";
export type { HostedTool, ScriptedResponse } from "./ops/responses-script.js";
export { PLACEHOLDER_TRANSCRIPT } from "./ops/transcriptions.js";
export type { EmulatorOptions } from "./options.js";
export { DEFAULT_API_KEY } from "./options.js";
export type { DeploymentQuota } from "./quotas.js";
export { SESSION_MS_HEADER } from "./realtime/endpoint.js";
export { TOKEN_DENIED_MESSAGE } from "./realtime/socket-auth.js";
export type { RecordedRequest } from "./request-log.js";
export { TIME_SCALE_HEADER } from "./resources/clock.js";
export type { ScriptedReply, ScriptedToolCall, ScriptedUsage } from "./scripted-reply.js";
export type { Emulator } from "./server.js";
export { startEmulator } from "./server.js";
