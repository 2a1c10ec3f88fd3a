import type { AzureOpenAIClient, RequestOptions } from "@aoai/core";
import { MultipartForm, type Reader, send, versionsWith } from "@aoai/core/internal";
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
  const body = new MultipartForm(formFields(request as Record<string, unknown>), {
    file: { maxBytes: MAX_FILE_BYTES },
  });
  return send(
    audio.client,
    {
      path,
      deployment: audio.deployment,
      body,
      versions: sentVersions(path, request as Record<string, unknown>),
      userAgent: USER_AGENT,
      options,
    },
    reader,
  );
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

/**
 * The versions that have the operation and every versioned field the request sets, so a client
 * given no API version sends the gpt-4o transcribe options (and `stream`) where they are served
 * (core's autoVersion) rather than on 2024-10-21, which lacks them.
 */
function sentVersions(path: string, request: Record<string, unknown>) {
  const used = ["include", "chunking_strategy", "stream"].filter(
    (f) => request[f] != null && request[f] !== false,
  );
  return versionsWith(versions(path), ...used.map(versions));
}
