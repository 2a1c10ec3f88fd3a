import type { ByteStream, RequestOptions } from "@aoai/core";
import { send } from "@aoai/core/internal";
import type { AudioClient } from "./audio-client.js";
import type { SpeechRequest } from "./request-types.js";
import { speechOperation, speechReader } from "./speech-operation.js";

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
  request: SpeechRequest,
  options?: RequestOptions,
): Promise<ByteStream> {
  return send(audio.client, speechOperation(audio.client, audio.deployment, request, options), speechReader);
}
