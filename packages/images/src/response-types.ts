// The images/generations and images/edits response, as the wire spells it, with Azure's
// content-filter results per image.
import type { ContentFilterPromptResults } from "@aoai/core";

/** Azure's filter results on a generated image. */
export type ImageContentFilterResults = Pick<
  ContentFilterPromptResults,
  "hate" | "sexual" | "violence" | "self_harm" | "error"
>;

/** Azure's filter results on the prompt of an image (jailbreak and profanity too). */
export type ImagePromptFilterResults = ContentFilterPromptResults;

/** One image of a response: `url` or `b64_json`, as `response_format` asked. */
export interface GeneratedImage {
  /** A temporary link to the image on a storage host (DALL-E 3 answers last about 24 hours). */
  url?: string;
  /** The image file, base64-encoded. */
  b64_json?: string;
  /** The prompt DALL-E 3 drew from, after rewriting yours. */
  revised_prompt?: string;
  content_filter_results?: ImageContentFilterResults;
  prompt_filter_results?: ImagePromptFilterResults;
}

/** Tokens counted for a gpt-image-1 request. */
export interface ImageUsage {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  input_tokens_details?: { text_tokens: number; image_tokens: number };
}

/** The response; results also carry the non-enumerable `_response` (with `requestId`). */
export interface ImagesResponse {
  /** Unix time in seconds. */
  created: number;
  data: GeneratedImage[];
  /** gpt-image-1 only. */
  usage?: ImageUsage;
  /** What gpt-image-1 used, when the service reports it. */
  background?: string;
  output_format?: string;
  quality?: string;
  size?: string;
}
