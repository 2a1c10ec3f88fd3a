import type { EventStream, RequestOptions } from "@aoai/core";
import { sse } from "@aoai/core/internal";
import type { AudioClient } from "./audio-client.js";
import { checkTranscription } from "./check-transcription.js";
import type { TranscriptionRequest } from "./request-types.js";
import type { TranscriptionStreamEvent } from "./response-types.js";
import { upload } from "./upload.js";

const isDone = (event: TranscriptionStreamEvent) => event.type === "transcript.text.done";

/**
 * Transcribes with `stream: true` (gpt-4o transcribe models; API versions 2025-03-01-preview and
 * later, and v1). Resolves once the response headers are in; iterate the events:
 * `transcript.text.delta` pieces, then one `transcript.text.done` with the whole text (a body
 * that ends before it throws `InvalidResponseError`). Leaving the loop early aborts the request.
 *
 * @example
 * const events = await transcribeStream(audio, { file: "speech.mp3" });
 * for await (const event of events) if (event.type === "transcript.text.delta") print(event.delta);
 */
export async function transcribeStream(
  audio: AudioClient,
  request: TranscriptionRequest<"json" | "text" | undefined>,
  options?: RequestOptions,
): Promise<EventStream<TranscriptionStreamEvent>> {
  checkTranscription(audio.client, request, "transcribe", true);
  return upload(
    audio,
    "audio/transcriptions",
    { ...request, stream: true },
    options,
    sse<TranscriptionStreamEvent>(isDone),
  );
}
