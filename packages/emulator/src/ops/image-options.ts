import { invalidRequest } from "../errors.js";
import type { OpRequest } from "./types.js";

/** Sizes the image models take; `auto` is gpt-image-1's default. */
const IMAGE_SIZES = new Set([
  "256x256",
  "512x512",
  "1024x1024",
  "1792x1024",
  "1024x1792",
  "1536x1024",
  "1024x1536",
]);
const QUALITIES = ["standard", "hd", "low", "medium", "high", "auto"];
const STYLES = ["vivid", "natural"];
const BACKGROUNDS = ["transparent", "opaque", "auto"];
/** What the emulator can encode; the service also offers `webp`. */
const ENCODED = ["png", "jpeg"];

/** What an image request asks for, read from a JSON body or multipart text fields. */
export interface ImageOptions {
  prompt: string;
  n: number;
  /** The requested size, before the emulator scales it down; undefined for `auto`. */
  size: [number, number] | undefined;
  quality: string;
  responseFormat: "url" | "b64_json";
  outputFormat: "png" | "jpeg";
  /** True for GPT image deployments (gpt-image-1…): base64 by default, `usage`, no revised prompt. */
  gptImage: boolean;
}

/** A JSON value, or the first value of a multipart text field. */
function field(req: OpRequest, name: string): unknown {
  const value = req.body[name];
  return Array.isArray(value) ? value[0] : value;
}

function text(req: OpRequest, name: string, allowed: readonly string[]): string | undefined {
  const value = field(req, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !allowed.includes(value))
    throw invalidRequest(`'${name}' must be one of ${allowed.join(", ")}`, name, "invalid_value");
  return value;
}

function integer(req: OpRequest, name: string, min: number, max: number): number | undefined {
  const raw = field(req, name);
  if (raw === undefined || raw === null) return undefined;
  // Multipart fields arrive as text.
  const value = typeof raw === "string" && /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
    throw invalidRequest(`'${name}' must be an integer between ${min} and ${max}`, name, "invalid_value");
  return value;
}

/** Checks an image request's fields as the service does and reads what the emulator needs. */
export function readImageOptions(req: OpRequest): ImageOptions {
  const prompt = field(req, "prompt");
  if (prompt === undefined || prompt === null)
    throw invalidRequest("'prompt' is a required property", "prompt", "missing_required_parameter");
  if (typeof prompt !== "string" || prompt.trim() === "")
    throw invalidRequest("'prompt' must be a non-empty string", "prompt", "invalid_value");
  const n = integer(req, "n", 1, 10) ?? 1;
  const size = field(req, "size") ?? "auto";
  if (size !== "auto" && !IMAGE_SIZES.has(size as string))
    throw invalidRequest(
      `'size' must be one of auto, ${[...IMAGE_SIZES].join(", ")}`,
      "size",
      "invalid_value",
    );
  const gptImage = /gpt-image/i.test(req.model);
  const quality = text(req, "quality", QUALITIES) ?? (gptImage ? "auto" : "standard");
  text(req, "style", STYLES);
  const responseFormat =
    (text(req, "response_format", ["url", "b64_json"]) as ImageOptions["responseFormat"] | undefined) ??
    (gptImage ? "b64_json" : "url");
  const format = text(req, "output_format", ["png", "jpeg", "webp"]) ?? "png";
  if (!ENCODED.includes(format))
    throw invalidRequest(
      `The emulator does not encode output_format '${format}'; it supports ${ENCODED.join(", ")}.`,
      "output_format",
      "unsupported_value",
    );
  integer(req, "output_compression", 0, 100);
  if (text(req, "background", BACKGROUNDS) === "transparent" && format === "jpeg")
    throw invalidRequest(
      "A transparent background needs output_format png or webp.",
      "background",
      "invalid_value",
    );
  return {
    prompt,
    n,
    size: size === "auto" ? undefined : ((size as string).split("x").map(Number) as [number, number]),
    quality,
    responseFormat,
    outputFormat: format as ImageOptions["outputFormat"],
    gptImage,
  };
}
