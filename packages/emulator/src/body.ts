import type { IncomingMessage } from "node:http";
import { invalidRequest, tooLarge } from "./errors.js";

/** Reads the whole request body, refusing more than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(buf);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

/** A JSON object from the body, or the 400 Azure gives for anything else. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  if (body.length === 0)
    throw invalidRequest("The request body is empty; a JSON object is required.", null, "BadRequest");
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8"));
  } catch {
    throw invalidRequest(
      "We could not parse the JSON body of your request. The request body must be a JSON object.",
      null,
      "BadRequest",
    );
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw invalidRequest("The request body must be a JSON object.", null, "BadRequest");
  }
  return value as Record<string, unknown>;
}

/** True for `multipart/form-data` bodies (audio uploads). */
export function isMultipart(contentType: string | undefined): boolean {
  return typeof contentType === "string" && /^multipart\/form-data/i.test(contentType);
}
