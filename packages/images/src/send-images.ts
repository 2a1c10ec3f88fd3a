import type { AzureOpenAIClient, RequestOptions, WithResponse } from "@aoai/core";
import { json, type MultipartForm, send, versionsWith } from "@aoai/core/internal";
import type { ImagesResponse } from "./response-types.js";
import { VERSION } from "./version.js";
import { VERSIONED_FIELDS, versions } from "./versions.js";

const USER_AGENT = `aoai-images/${VERSION}`;

/** Sends a checked generation or edit; a filtered prompt throws core's `ContentFilterError`. */
export async function sendImages(
  client: AzureOpenAIClient,
  deployment: string,
  path: "images/generations" | "images/edits",
  body: object | MultipartForm,
  options: RequestOptions | undefined,
): Promise<WithResponse<ImagesResponse>> {
  return send(
    client,
    { path, deployment, body, versions: sentVersions(path, body), userAgent: USER_AGENT, options },
    json<ImagesResponse>(),
  );
}

/**
 * The versions that have the operation and every versioned field a JSON body sets, so a client
 * given no API version sends gpt-image-1's options where they are served (core's autoVersion). An
 * edit's form needs no narrowing: every version with edits has its fields.
 */
function sentVersions(path: string, body: object | MultipartForm) {
  const fields = body as Record<string, unknown>;
  return versionsWith(
    versions(path),
    ...VERSIONED_FIELDS.map((f) => (fields[f] != null ? versions(f) : undefined)),
  );
}
