import { InvalidInputError } from "../errors/input-errors.js";
import { type FileSource, memorySource } from "./source.js";

// Browsers: no file paths or Node streams, and the body is one Blob (see platform.ts).

/**
 * A web `ReadableStream`, read into a Blob first: fetch cannot stream an upload over HTTP/1.1,
 * and a Blob can be checked for size and sent again on a retry.
 */
export async function streamSource(stream: ReadableStream<Uint8Array>): Promise<FileSource> {
  return memorySource(await new Response(stream).blob());
}

export function pathSource(_path: string, param: string): Promise<FileSource> {
  return Promise.reject(
    new InvalidInputError(
      `${param} is a string: file paths work only in Node.js; pass a File or Blob.`,
      param,
    ),
  );
}

export function nodeStreamSource(): Promise<FileSource> {
  return Promise.reject(new InvalidInputError("Node.js streams work only in Node.js.", "file"));
}

export const isNodeReadable = (_value: unknown): boolean => false;

export { blobBody as formBody } from "./blob-body.js";
