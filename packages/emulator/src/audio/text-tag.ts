/**
 * Speech in a lossy format (mp3, opus, aac) cannot carry the FSK-coded text through its encoder
 * reliably, so the text also rides in the file's metadata, where players ignore it: an ID3v2.4
 * `TXXX` frame (mp3, aac) or an Ogg Opus comment. The emulator's transcription reads it back.
 */
const DESCRIPTION = "aoai-emulator-text";
/** The Ogg Opus comment name, `NAME=value`. */
export const OPUS_COMMENT = "AOAI_EMULATOR_TEXT";

/** An ID3v2.4 tag holding `text` in a `TXXX` frame. */
export function id3Text(text: string): Buffer {
  const body = Buffer.concat([Buffer.from([3]), Buffer.from(`${DESCRIPTION}\0${text}`, "utf8")]);
  const frame = Buffer.concat([Buffer.from("TXXX", "ascii"), syncsafe(body.length), Buffer.alloc(2), body]);
  return Buffer.concat([Buffer.from([0x49, 0x44, 0x33, 4, 0, 0]), syncsafe(frame.length), frame]);
}

/** The text of an {@link id3Text} tag at the start of `bytes`, if there is one. */
export function readId3Text(bytes: Uint8Array): string | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 10 || buf.toString("latin1", 0, 3) !== "ID3" || buf[3] !== 4) return undefined;
  const end = Math.min(buf.length, 10 + unsyncsafe(buf, 6));
  for (let at = 10; at + 10 <= end; ) {
    const size = unsyncsafe(buf, at + 4);
    const body = buf.subarray(at + 10, Math.min(end, at + 10 + size));
    if (buf.toString("latin1", at, at + 4) === "TXXX" && body[0] === 3) {
      const [description, ...value] = body.subarray(1).toString("utf8").split("\0");
      if (description === DESCRIPTION) return value.join("\0");
    }
    if (size === 0) break;
    at += 10 + size;
  }
  return undefined;
}

function syncsafe(n: number): Buffer {
  return Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);
}

function unsyncsafe(buf: Buffer, at: number): number {
  return (
    ((buf[at]! & 0x7f) << 21) |
    ((buf[at + 1]! & 0x7f) << 14) |
    ((buf[at + 2]! & 0x7f) << 7) |
    (buf[at + 3]! & 0x7f)
  );
}
