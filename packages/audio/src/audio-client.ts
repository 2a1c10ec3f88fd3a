import type { RequestOptions, WithResponse } from "@aoai/core";
import { DeploymentClient } from "@aoai/core";
import { accepting, call, json, type Reader, text } from "@aoai/core/internal";
import { checkTranscription } from "./check-transcription.js";
import { audio } from "./feature.js";
import type {
  AudioResponseFormat,
  TranscriptionCreateRequest,
  TranslationCreateRequest,
} from "./request-types.js";
import type { TranscriptionFor } from "./response-types.js";
import { audioCall } from "./upload.js";

const TEXT_FORMATS: ReadonlySet<unknown> = new Set(["text", "srt", "vtt"]);
// `text`, `srt` and `vtt` come back as text/plain; a page from a proxy is not a transcript.
const TEXT = /* @__PURE__ */ accepting(text, ["text/*", "application/x-subrip"]);

/**
 * Audio on one deployment, like .NET's `azureClient.GetAudioClient("whisper")`: `transcribe()`
 * and `translate()` on a whisper or gpt-4o transcribe deployment; on a tts or gpt-4o-mini-tts
 * deployment, `createSpeech(audio, …)` and `saveSpeech(audio, …)`. Those, and
 * `transcribeStream(audio, …)`, are functions so that an app that does not call them does not
 * bundle them.
 *
 * @example
 * const audio = new AudioClient(client, "whisper");
 * const { text } = await audio.transcribe({ file: "speech.mp3" });
 */
export class AudioClient extends DeploymentClient {
  /**
   * Transcribes audio into text in its own language. The result's type follows
   * `response_format`: `{ text }` for `json` (the default); `language`, `duration`, `segments` and
   * `words` for `verbose_json`; `{ text, contentType }` for `text`, `srt` and `vtt`. Every result
   * has `_response` (request id, headers). Throws `InvalidInputError` (no file, an empty or
   * over-25-MB file, an unknown format…) or `UnsupportedApiVersionError` before sending.
   */
  async transcribe<F extends AudioResponseFormat | undefined = undefined>(
    request: TranscriptionCreateRequest<F>,
    options?: RequestOptions,
  ): Promise<WithResponse<TranscriptionFor<F>>> {
    checkTranscription(this.client, request, "transcribe");
    const path = "audio/transcriptions";
    return call(audio, this, path, audioCall(path, request), options, reader<F>(request.response_format));
  }

  /** Translates audio into English text; results and errors as {@link AudioClient.transcribe}. */
  async translate<F extends AudioResponseFormat | undefined = undefined>(
    request: TranslationCreateRequest<F>,
    options?: RequestOptions,
  ): Promise<WithResponse<TranscriptionFor<F>>> {
    checkTranscription(this.client, request, "translate");
    const path = "audio/translations";
    return call(audio, this, path, audioCall(path, request), options, reader<F>(request.response_format));
  }
}

/** JSON for `json` and `verbose_json`; the body as text for `text`, `srt` and `vtt`. */
function reader<F extends AudioResponseFormat | undefined>(
  format: unknown,
): Reader<WithResponse<TranscriptionFor<F>>> {
  return (TEXT_FORMATS.has(format) ? TEXT : json()) as Reader<never>;
}
