import type { RequestOptions, WithResponse } from "@aoai/core";
import { checkGate, invalid, MultipartForm, post } from "@aoai/core/internal";
import { checkMask } from "./check-mask.js";
import { checkRequest } from "./check-request.js";
import { images as feature } from "./feature.js";
import type { ImageClient } from "./image-client.js";
import type { ImageEditRequest } from "./request-types.js";
import type { ImagesResponse } from "./response-types.js";

const PATH = "images/edits";
// OpenAI documents 50 MB per image for its GPT image models; nothing larger is taken anywhere.
const MAX_BYTES = 50 * 1024 * 1024;

/**
 * Edits one or more images (gpt-image-1) on the client's deployment, with an optional PNG mask:
 * `POST images/edits` as multipart/form-data. Needs API version 2025-04-01-preview or later, or
 * `preview` on the v1 API. A function rather than a method, so apps that only generate do not
 * carry the multipart encoder.
 *
 * @example
 * const result = await editImage(images, { image: photo, mask, prompt: "Add a hat" });
 *
 * Throws `UnsupportedApiVersionError` or `InvalidInputError` (no image, a mask that is not a PNG…)
 * before sending, `ContentFilterError` when the prompt is filtered.
 */
export async function editImage(
  images: ImageClient,
  request: ImageEditRequest,
  options?: RequestOptions,
): Promise<WithResponse<ImagesResponse>> {
  checkGate(feature, images.client, PATH);
  checkRequest(images.client, request);
  const image = request.image;
  if (image == null || (Array.isArray(image) && image.length === 0))
    invalid("image", "is required: the image to edit, or an array of images.");
  await checkMask(request.mask);
  const form = new MultipartForm(
    { ...request },
    { image: { maxBytes: MAX_BYTES }, mask: { maxBytes: MAX_BYTES } },
  );
  return post(feature, images, PATH, form, options);
}
