import type { AzureOpenAIClient } from "@aoai/core";
import { checkFields, checkInteger, checkOneOf, checkText, invalid } from "@aoai/core/internal";
import { images } from "./feature.js";
import type { ImageEditRequest, ImageGenerateRequest } from "./request-types.js";

// The union of what the models take (DALL-E 3 and gpt-image-1): the SDK does not know the model
// behind a deployment, so a value is refused only when no model takes it.
const QUALITIES = ["standard", "hd", "low", "medium", "high", "auto"];
const STYLES = ["vivid", "natural"];
const RESPONSE_FORMATS = ["url", "b64_json"];
const OUTPUT_FORMATS = ["png", "jpeg", "webp"];
const BACKGROUNDS = ["transparent", "opaque", "auto"];
// Any WIDTHxHEIGHT passes: newer GPT image models take custom sizes.
const SIZE = /^(auto|[1-9]\d*x[1-9]\d*)$/;

/**
 * Checks a generation or edit request before anything is sent: bad input throws
 * `InvalidInputError` naming the field, a field the client's API version lacks throws
 * `UnsupportedApiVersionError` (`null` counts as unset). Unknown fields pass to the service.
 */
export function checkRequest(
  client: AzureOpenAIClient,
  request: ImageGenerateRequest | ImageEditRequest,
): void {
  if (!request || typeof request !== "object" || Array.isArray(request))
    invalid("request", 'must be an object such as { prompt: "a rabbit" }.');
  const body = request as ImageGenerateRequest;
  checkText(body.prompt, "prompt");
  checkInteger(body.n, "n", 1, 10);
  if (body.size != null && !SIZE.test(body.size))
    invalid("size", `must be "auto" or WIDTHxHEIGHT, got ${JSON.stringify(body.size)}.`);
  checkOneOf(body.quality, "quality", QUALITIES);
  checkOneOf(body.style, "style", STYLES);
  checkOneOf(body.response_format, "response_format", RESPONSE_FORMATS);
  checkOneOf(body.output_format, "output_format", OUTPUT_FORMATS);
  checkInteger(body.output_compression, "output_compression", 0, 100);
  checkOneOf(body.background, "background", BACKGROUNDS);
  if (body.user != null && typeof body.user !== "string") invalid("user", "must be a string.");
  checkFields(images, client, body);
}
