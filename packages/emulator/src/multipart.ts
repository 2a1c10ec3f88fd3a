import { invalidRequest } from "./errors.js";
import type { UploadedFile } from "./ops/types.js";

/**
 * The parts of a `multipart/form-data` body: text fields (repeated names become arrays) and files
 * (a repeated name keeps each file, the second as `name#1`, the third as `name#2`…).
 */
export interface MultipartBody {
  fields: Record<string, string | string[]>;
  files: Record<string, UploadedFile>;
}

const bad = (why: string) =>
  invalidRequest(`Invalid multipart/form-data body: ${why}`, null, "invalid_multipart");

/** Parses a whole multipart body held in memory (uploads are capped by the body size limit). */
export function parseMultipart(body: Buffer, contentType: string): MultipartBody {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = (match?.[1] ?? match?.[2])?.trim();
  if (!boundary) throw bad("no boundary in Content-Type");
  const delimiter = Buffer.from(`--${boundary}`);
  const result: MultipartBody = { fields: {}, files: {} };
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw bad("boundary not found");
  for (;;) {
    pos += delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return result; // closing "--"
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf("\r\n\r\n", pos);
    if (headerEnd < 0) throw bad("part without headers");
    const headers = body.toString("utf8", pos, headerEnd);
    const dataStart = headerEnd + 4;
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), dataStart);
    if (next < 0) throw bad("unterminated part");
    addPart(result, headers, body.subarray(dataStart, next));
    pos = next + 2;
  }
}

function addPart(result: MultipartBody, headers: string, data: Buffer): void {
  const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? "";
  const name = param(disposition, "name");
  if (name === undefined) throw bad("part without a name");
  const filename = param(disposition, "filename");
  if (filename !== undefined) {
    const contentType =
      /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() ?? "application/octet-stream";
    // A repeated file field (`image[]` with several images) keeps every file: `name`, `name#1`…
    let key = name;
    for (let i = 1; key in result.files; i++) key = `${name}#${i}`;
    result.files[key] = { filename, contentType, data };
    return;
  }
  const value = data.toString("utf8");
  const existing = result.fields[name];
  if (existing === undefined) result.fields[name] = value;
  else result.fields[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
}

function param(header: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|;)\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, "i").exec(header);
  if (!m) return undefined;
  return (m[1] ?? m[2] ?? "").replace(/\\(.)/g, "$1").trim();
}
