import type { RequestOptions } from "@aoai/core";
import { call, checkGate, sse } from "@aoai/core/internal";
import type { AudioClient } from "./audio-client.js";
import { checkTranscription } from "./check-transcription.js";
import { audio as feature } from "./feature.js";
import type { TranscriptionCreateRequest } from "./request-types.js";
import type { TranscriptionStreamEvent } from "./response-types.js";
import { TranscriptionStream } from "./transcription-stream.js";
import { audioCall } from "./upload.js";

const isDone = (event: TranscriptionStreamEvent) => event.type === "transcript.text.done";

/**
 * Transcribes with `stream: true` (gpt-4o transcribe models; API versions 2025-03-01-preview and
 * later, and v1). Resolves once the response headers are in, with a {@link TranscriptionStream}:
 * iterate its events (`transcript.text.delta` pieces, then one `transcript.text.done` with the
 * whole text; a body that ends before it throws `InvalidResponseError`), or `textDeltas()`, and
 * await `finalTranscription()`. Leaving the loop early aborts the request.
 *
 * @example
 * const transcription = await transcribeStream(audio, { file: "speech.mp3" });
 * for await (const text of transcription.textDeltas()) print(text);
 * const { text, usage } = await transcription.finalTranscription();
 */
export async function transcribeStream(
  audio: AudioClient,
  request: TranscriptionCreateRequest<"json" | "text" | undefined>,
  options?: RequestOptions,
): Promise<TranscriptionStream> {
  // Streaming first: on a version without it, that is the error that helps.
  checkGate(feature, audio.client, "stream");
  checkTranscription(audio.client, request, "transcribe", true);
  const path = "audio/transcriptions";
  const parts = audioCall(path, { ...request, stream: true }, ["stream"]);
  return new TranscriptionStream(
    await call(feature, audio, path, parts, options, sse<TranscriptionStreamEvent>(isDone)),
  );
}
