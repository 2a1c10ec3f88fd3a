import { type Call, MultipartForm, sentVersions } from "@aoai/core/internal";
import { MAX_FILE_BYTES } from "./check-transcription.js";
import { audio } from "./feature.js";

/**
 * A transcription or translation call: the request as multipart/form-data, and the versions that
 * have the operation and every option it sends (`also`: `stream`), so a client given no API version
 * sends the gpt-4o transcribe options where they are served (core's autoVersion) rather than on
 * 2024-10-21, which lacks them. The caller's object becomes the form as it is: every field is sent,
 * unknown ones included; a stream `file` is sent once and never retried.
 */
export function audioCall(
  path: "audio/transcriptions" | "audio/translations",
  request: object,
  also: readonly string[] = [],
): Call {
  const body = new MultipartForm(formFields(request as Record<string, unknown>), {
    file: { maxBytes: MAX_FILE_BYTES },
  });
  return { body, versions: sentVersions(audio, path, request, also) };
}

/**
 * The request as form fields, with a `chunking_strategy` object as bracketed fields
 * (`chunking_strategy[type]=server_vad`, `chunking_strategy[threshold]=0.5`), `"auto"` as it is.
 * Neither Azure's specs nor its docs give the multipart form of this field (the v1 specs have no
 * audio operations, 2025-04-01-preview's transcription lists no `chunking_strategy`); what Azure
 * documents for the gpt-4o transcribe models is openai's own clients on Azure, and those send the
 * bracketed form, as openai's API reference does. One JSON part (core's default for an object) is
 * a form no documented client sends.
 */
function formFields(request: Record<string, unknown>): Record<string, unknown> {
  const strategy = request.chunking_strategy;
  if (strategy === null || typeof strategy !== "object" || Array.isArray(strategy)) return request;
  const { chunking_strategy: _, ...fields } = request;
  for (const [name, value] of Object.entries(strategy)) fields[`chunking_strategy[${name}]`] = value;
  return fields;
}
