import type { RequestOptions, WithResponse } from "@aoai/core";
import { DeploymentClient } from "@aoai/core";
import { call, liftedJson, sentVersions } from "@aoai/core/internal";
import { checkRequest } from "./check-request.js";
import { images } from "./feature.js";
import { placeImages } from "./place-images.js";
import type { ImageGenerateRequest } from "./request-types.js";
import type { ImagesResponse } from "./response-types.js";

// b64_json images are sliced from the text, not parsed: several MB each.
const READER = liftedJson("b64_json", placeImages);

const PATH = "images/generations";

/**
 * Image generation on one deployment, as .NET's `azureClient.GetImageClient("dall-e-3")`.
 *
 * @example
 * const images = new ImageClient(client, "dall-e-3");
 * const result = await images.generate({ prompt: "A rabbit eating pancakes", size: "1792x1024" });
 * const bytes = await imageBytes(images, result.data[0]); // Uint8Array, from b64_json or the url
 *
 * Edits are a function, `editImage(images, request)`, so apps that only generate do not carry
 * the multipart encoder.
 */
export class ImageClient extends DeploymentClient {
  /**
   * Generates images from a prompt, with `_response` (request id, headers). Throws
   * `InvalidInputError` or `UnsupportedApiVersionError` before sending, `ContentFilterError`
   * when the prompt is filtered, and core's typed `APIError`s for other failures.
   */
  async generate(
    request: ImageGenerateRequest,
    options?: RequestOptions,
  ): Promise<WithResponse<ImagesResponse>> {
    checkRequest(this.client, request);
    // The caller's object is sent as is; a client given no API version sends gpt-image-1's
    // options where they are served (core's autoVersion).
    const versions = sentVersions(images, PATH, request);
    return call(images, this, PATH, { body: request, versions }, options, READER);
  }
}
