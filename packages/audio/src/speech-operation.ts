import type { AzureOpenAIClient, RequestOptions } from "@aoai/core";
import { accepting, byteStream, checkVersion, type OperationRequest } from "@aoai/core/internal";
import { checkSpeech } from "./check-speech.js";
import type { SpeechRequest } from "./request-types.js";
import { USER_AGENT } from "./version.js";
import { versions } from "./versions.js";

const SPEECH = "audio/speech";

/** Speech comes back as `audio/mpeg`, `audio/wav`…; the specs say `application/octet-stream`. */
export const speechReader = /* @__PURE__ */ accepting(byteStream, ["audio/*", "application/octet-stream"]);

/** The speech call, checked before anything is sent; shared by `createSpeech` and `speechToFile`. */
export function speechOperation(
  client: AzureOpenAIClient,
  deployment: string,
  request: SpeechRequest,
  options: RequestOptions | undefined,
): OperationRequest {
  // The operation first: on a GA version, its absence is the error that helps.
  checkVersion(client, SPEECH, versions(SPEECH));
  checkSpeech(client, request);
  // The caller's object is sent as is (JSON; v1 adds `model`).
  return {
    path: SPEECH,
    deployment,
    body: request,
    versions: versions(SPEECH),
    userAgent: USER_AGENT,
    options,
  };
}
