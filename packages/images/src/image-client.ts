import type { AzureOpenAIClient, RequestOptions, WithResponse } from "@aoai/core";
import { checkDeployment } from "@aoai/core/internal";
import { checkRequest } from "./check-request.js";
import type { ImageGenerateRequest } from "./request-types.js";
import type { ImagesResponse } from "./response-types.js";
import { sendImages } from "./send-images.js";

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
export class ImageClient {
  readonly client: AzureOpenAIClient;
  /** The model deployment name. */
  readonly deployment: string;

  constructor(client: AzureOpenAIClient, deployment: string) {
    this.client = client;
    this.deployment = checkDeployment(deployment, client);
  }

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
    // The caller's object is sent as is.
    return sendImages(this.client, this.deployment, "images/generations", request, options);
  }
}
