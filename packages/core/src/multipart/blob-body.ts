import type { FileSource } from "./source.js";

/**
 * A form as one `Blob`, for fetch: `Blob` parts are referenced, not copied, and the body can be
 * sent again on a retry. A stream is read into memory first, since fetch cannot stream an upload
 * over HTTP/1.1 (browsers read stream inputs into Blobs when the form is built).
 */
export async function blobBody(segments: readonly (Uint8Array | FileSource)[]): Promise<Blob> {
  const parts: BlobPart[] = [];
  for (const segment of segments) {
    const content = segment instanceof Uint8Array ? segment : segment.open();
    if (content instanceof Uint8Array || content instanceof Blob) parts.push(content as BlobPart);
    else for await (const chunk of content) parts.push(chunk as BlobPart);
  }
  return new Blob(parts);
}
