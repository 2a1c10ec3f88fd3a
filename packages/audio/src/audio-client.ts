import type { AzureOpenAIClient, RequestOptions, WithResponse } from "@aoai/core";
import { accepting, checkDeployment, json, type Reader, text } from "@aoai/core/internal";
import { checkTranscription } from "./check-transcription.js";
import type { AudioResponseFormat, TranscriptionRequest, TranslationRequest } from "./request-types.js";
import type { TranscriptionFor } from "./response-types.js";
import { upload } from "./upload.js";

const TEXT_FORMATS: ReadonlySet<unknown> = new Set(["text", "srt", "vtt"]);
// `text`, `srt` and `vtt` come back as text/plain; a page from a proxy is not a transcript.
const TEXT = /* @__PURE__ */ accepting(text, ["text/*", "application/x-subrip"]);

/**
 * Audio on one deployment, like .NET's `azureClient.GetAudioClient("whisper")`: `transcribe()`
 * and `translate()` on a whisper or gpt-4o transcribe deployment; on a tts or gpt-4o-mini-tts
 * deployment, `createSpeech(audio, …)` and `speechToFile(audio, …)`. Those, and
 * `transcribeStream(audio, …)`, are functions so that an app that does not call them does not
 * bundle them.
 *
 * @example
 * const audio = new AudioClient(client, "whisper");
 * const { text } = await audio.transcribe({ file: "speech.mp3" });
 */
export class AudioClient {
  readonly client: AzureOpenAIClient;
  /** The model deployment name. */
  readonly deployment: string;

  constructor(client: AzureOpenAIClient, deployment: string) {
    this.client = client;
    this.deployment = checkDeployment(deployment, client);
  }

  /**
   * Transcribes audio into text in its own language. The result's type follows
   * `response_format`: `{ text }` for `json` (the default); `language`, `duration`, `segments` and
   * `words` for `verbose_json`; `{ text, contentType }` for `text`, `srt` and `vtt`. Every result
   * has `_response` (request id, headers). Throws `InvalidInputError` (no file, an empty or
   * over-25-MB file, an unknown format…) or `UnsupportedApiVersionError` before sending.
   */
  async transcribe<F extends AudioResponseFormat | undefined = undefined>(
    request: TranscriptionRequest<F>,
    options?: RequestOptions,
  ): Promise<WithResponse<TranscriptionFor<F>>> {
    checkTranscription(this.client, request, "transcribe");
    return upload(this, "audio/transcriptions", request, options, reader<F>(request.response_format));
  }

  /** Translates audio into English text; results and errors as {@link AudioClient.transcribe}. */
  async translate<F extends AudioResponseFormat | undefined = undefined>(
    request: TranslationRequest<F>,
    options?: RequestOptions,
  ): Promise<WithResponse<TranscriptionFor<F>>> {
    checkTranscription(this.client, request, "translate");
    return upload(this, "audio/translations", request, options, reader<F>(request.response_format));
  }
}

/** JSON for `json` and `verbose_json`; the body as text for `text`, `srt` and `vtt`. */
function reader<F extends AudioResponseFormat | undefined>(
  format: unknown,
): Reader<WithResponse<TranscriptionFor<F>>> {
  return (TEXT_FORMATS.has(format) ? TEXT : json()) as Reader<never>;
}
