import type { ByteStream, RequestOptions } from "@aoai/core";
import { accepting, byteStream, post } from "@aoai/core/internal";
import type { AudioClient } from "./audio-client.js";
import { checkSpeech, SPEECH } from "./check-speech.js";
import { audio as feature } from "./feature.js";
import type { SpeechCreateRequest } from "./request-types.js";

/** Speech comes back as `audio/mpeg`, `audio/wav`…; the specs say `application/octet-stream`. */
const SPEECH_READER = /* @__PURE__ */ accepting(byteStream, ["audio/*", "application/octet-stream"]);

/**
 * Speaks `request.input` on a tts or gpt-4o-mini-tts deployment. Resolves once the response
 * headers are in, with a core `ByteStream` that can be played while it downloads: iterate it for
 * chunks, `toReadableStream()` for a web stream, `bytes()` for the whole audio, `abort()` to stop
 * (leaving a loop early aborts too); it has `_response` and `contentType`. Throws
 * `InvalidInputError` (empty or over-4096-character input, unknown format, speed outside
 * 0.25–4…) before sending, and `UnsupportedApiVersionError` on the GA versions 2024-06-01 and
 * 2024-10-21, which have no speech (on the v1 API, speech needs `apiVersion: "preview"`).
 *
 * @example
 * const speech = await createSpeech(new AudioClient(client, "tts"), { input: "Hi!", voice: "alloy" });
 * const audioElement = new Audio(URL.createObjectURL(await new Response(speech.toReadableStream()).blob()));
 */
export async function createSpeech(
  audio: AudioClient,
  request: SpeechCreateRequest,
  options?: RequestOptions,
): Promise<ByteStream> {
  checkSpeech(audio.client, request);
  // The caller's object is sent as is (JSON; v1 adds `model`).
  return post(feature, audio, SPEECH, request, options, SPEECH_READER);
}
