// Image generation and edit requests, as the wire names them.
import type { Uploadable } from "@aoai/core";

/**
 * `WIDTHxHEIGHT` in pixels, or `auto`. DALL-E 3 takes 1024x1024, 1792x1024 and 1024x1792;
 * gpt-image-1 takes 1024x1024, 1536x1024, 1024x1536 and auto. Other sizes pass to the service,
 * which judges them by the model (newer GPT image models take custom sizes).
 */
export type ImageSize =
  | "1024x1024"
  | "1792x1024"
  | "1024x1792"
  | "1536x1024"
  | "1024x1536"
  | "auto"
  | `${number}x${number}`;

/** DALL-E 3: `standard`, `hd`. gpt-image-1: `low`, `medium`, `high`, `auto`. */
export type ImageQuality = "standard" | "hd" | "low" | "medium" | "high" | "auto";

/** DALL-E 3 only. */
export type ImageStyle = "vivid" | "natural";

/** How each image comes back: a temporary download link, or base64 in the JSON (gpt-image-1 always sends base64). */
export type ImageResponseFormat = "url" | "b64_json";

/** The image file format (gpt-image-1). */
export type ImageOutputFormat = "png" | "jpeg" | "webp";

/** The background (gpt-image-1); `transparent` needs `png` or `webp`. */
export type ImageBackground = "transparent" | "opaque" | "auto";

/** Fields an edit shares with a generation. */
/** The fields generation and edits share. */
export interface ImageRequestBase {
  /** What to draw (or how to change the image); not empty. */
  prompt: string;
  /** How many images, 1 to 10 (DALL-E 3 makes 1). @default 1 */
  n?: number;
  /** @default "1024x1024" (DALL-E 3), "auto" (gpt-image-1) */
  size?: ImageSize;
  /** @default "standard" (DALL-E 3), "auto" (gpt-image-1) */
  quality?: ImageQuality;
  /** @default "url" (DALL-E 3); gpt-image-1 always answers `b64_json` */
  response_format?: ImageResponseFormat;
  /** 2025-04-01-preview and later. @default "png" */
  output_format?: ImageOutputFormat;
  /** 0 to 100, for `jpeg` and `webp`; 2025-04-01-preview and later. @default 100 */
  output_compression?: number;
  /** 2025-04-01-preview and later. @default "auto" */
  background?: ImageBackground;
  /** An id of your end user, which helps Azure monitor and detect abuse. */
  user?: string;
}

/** An `images/generations` request (the deployment is the client's). */
export interface ImageGenerateRequest extends ImageRequestBase {
  /** DALL-E 3 only. @default "vivid" */
  style?: ImageStyle;
}

/**
 * An `images/edits` request (gpt-image-1; 2025-04-01-preview and later, or `preview` on the v1
 * API), sent as multipart/form-data.
 */
export interface ImageEditRequest extends ImageRequestBase {
  /**
   * The image to edit, or several (sent as `image[]`): a `File`, `Blob`, bytes, a web
   * `ReadableStream`, and in Node a file path or a readable stream.
   */
  image: Uploadable | readonly Uploadable[];
  /** A PNG whose fully transparent pixels mark where to edit; the size of the (first) image. */
  mask?: Uploadable;
}
