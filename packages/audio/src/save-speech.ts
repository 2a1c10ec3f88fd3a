import type { RequestOptions, SavedFile, WithResponse } from "@aoai/core";
import { checkSavePath, saveStream } from "@aoai/core/internal";
import type { AudioClient } from "./audio-client.js";
import { checkSpeech } from "./check-speech.js";
import { createSpeech } from "./create-speech.js";
import type { SpeechCreateRequest } from "./request-types.js";

/** What {@link saveSpeech} wrote: the path, the bytes and the audio's `content-type` (`audio/mpeg`…). */
export type SavedSpeech = SavedFile;

/**
 * Node only: speaks `request` and writes the audio to `path` as it downloads, so it is never held
 * in memory whole. Resolves when the file is complete, with the bytes written and `_response`.
 * Nothing is sent, and no file is touched, for bad input, an API version without speech, or
 * outside Node. The audio is written beside `path` and renamed over it once complete: a failure
 * leaves `path` as it was. A symlink's target is replaced and the link kept; a relative path is
 * taken from the current directory.
 *
 * @example
 * await saveSpeech(audio, { input: "Testing, testing, 1, 2, 3", voice: "alloy" }, "speech.mp3");
 */
export async function saveSpeech(
  audio: AudioClient,
  request: SpeechCreateRequest,
  path: string,
  options?: RequestOptions,
): Promise<WithResponse<SavedSpeech>> {
  checkSpeech(audio.client, request);
  // Before sending: a file that cannot be created would be found only after the audio is billed.
  await checkSavePath(path);
  return saveStream(await createSpeech(audio, request, options), path);
}
