import type { AzureOpenAIClient, RequestOptions, WithResponse } from "@aoai/core";
import { json, type MultipartForm, send } from "@aoai/core/internal";
import type { ImagesResponse } from "./response-types.js";
import { VERSION } from "./version.js";
import { versions } from "./versions.js";

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
    { path, deployment, body, versions: versions(path), userAgent: USER_AGENT, options },
    json<ImagesResponse>(),
  );
}
