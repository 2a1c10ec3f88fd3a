import type { AzureOpenAIClient } from "@aoai/core";
import { checkFields, checkNumber, checkOneOf, invalid } from "@aoai/core/internal";
import { audio } from "./feature.js";

/** The service's largest upload: 25 MB. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

const RESPONSE_FORMATS = ["json", "text", "srt", "vtt", "verbose_json"];

/**
 * Checks a transcription or translation request before anything is sent: what is surely wrong
 * throws `InvalidInputError` naming the field, a field the API version lacks throws
 * `UnsupportedApiVersionError`; unknown fields pass. The file itself (its kind, empty, over
 * 25 MB when the size is known) is checked by core's `MultipartForm` as the request is encoded,
 * still before sending.
 */
export function checkTranscription(
  client: AzureOpenAIClient,
  request: unknown,
  task: "transcribe" | "translate",
  streaming = false,
): void {
  if (!request || typeof request !== "object" || Array.isArray(request))
    invalid("request", "must be an object of request fields.");
  const body = request as Record<string, unknown>;
  if (body.file == null) invalid("file", `is required: the audio to ${task}.`);
  if (body.stream === !streaming)
    invalid("stream", streaming ? "false: use transcribe()." : "true: use transcribeStream().");
  checkOneOf(body.response_format, "response_format", RESPONSE_FORMATS);
  checkNumber(body.temperature, "temperature", 0, 1);
  const granularities = body.timestamp_granularities;
  if (granularities != null) {
    if (!Array.isArray(granularities) || granularities.length === 0)
      invalid("timestamp_granularities", 'must be a non-empty array of "word" and/or "segment".');
    for (const [i, g] of granularities.entries())
      checkOneOf(g, `timestamp_granularities[${i}]`, ["word", "segment"]);
    // Only verbose_json carries times: with any other format they would be dropped silently.
    if (body.response_format !== "verbose_json")
      invalid("timestamp_granularities", 'needs response_format "verbose_json".');
  }
  checkFields(audio, client, body);
}
