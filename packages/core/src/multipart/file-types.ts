/** Extension -> content type, for the files the service takes. */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  mp3: "audio/mpeg",
  mpga: "audio/mpeg",
  mpeg: "audio/mpeg",
  wav: "audio/wav",
  flac: "audio/flac",
  ogg: "audio/ogg",
  m4a: "audio/mp4",
  mp4: "audio/mp4",
  webm: "audio/webm",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  jsonl: "application/jsonl",
  json: "application/json",
  txt: "text/plain",
  pdf: "application/pdf",
};

/** The content type a file name suggests, or `application/octet-stream`. */
export function typeFromName(name: string): string {
  const dot = name.lastIndexOf(".");
  const extension = dot >= 0 ? name.slice(dot + 1).toLowerCase() : "";
  // Own keys only: `x.constructor` must not find Object.prototype's constructor.
  return Object.hasOwn(BY_EXTENSION, extension) ? BY_EXTENSION[extension]! : "application/octet-stream";
}

const ascii = (bytes: Uint8Array, at: number, text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

/**
 * The extension of a file from its first bytes, or `undefined`. The service tells audio formats
 * apart by the file name's extension, so bytes sent without a name get one from their content.
 */
export function sniffExtension(head: Uint8Array): string | undefined {
  if (ascii(head, 0, "RIFF")) return ascii(head, 8, "WEBP") ? "webp" : "wav";
  if (ascii(head, 0, "fLaC")) return "flac";
  if (ascii(head, 0, "OggS")) return "ogg";
  if (ascii(head, 0, "ID3") || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)) return "mp3";
  if (ascii(head, 4, "ftyp")) return "m4a";
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return "webm";
  if (head[0] === 0x89 && ascii(head, 1, "PNG")) return "png";
  if (head[0] === 0xff && head[1] === 0xd8) return "jpg";
  if (ascii(head, 0, "GIF8")) return "gif";
  if (ascii(head, 0, "%PDF")) return "pdf";
  if (head[0] === 0x7b) return "jsonl";
  return undefined;
}
