import type { AzureOpenAIClient, RequestOptions } from "@aoai/core";
import { MultipartForm, type Reader, send } from "@aoai/core/internal";
import { MAX_FILE_BYTES } from "./check-transcription.js";
import { USER_AGENT } from "./version.js";
import { versions } from "./versions.js";

/** What an upload needs of an `AudioClient`. */
export interface Deployed {
  readonly client: AzureOpenAIClient;
  readonly deployment: string;
}

/**
 * Sends a transcription or translation as multipart/form-data. The caller's object becomes the
 * form as it is: every field is sent, unknown ones included; a stream `file` is sent once and
 * never retried.
 */
export function upload<T>(
  audio: Deployed,
  path: "audio/transcriptions" | "audio/translations",
  request: object,
  options: RequestOptions | undefined,
  reader: Reader<T>,
): Promise<T> {
  const body = new MultipartForm(request as Record<string, unknown>, { file: { maxBytes: MAX_FILE_BYTES } });
  return send(
    audio.client,
    { path, deployment: audio.deployment, body, versions: versions(path), userAgent: USER_AGENT, options },
    reader,
  );
}
