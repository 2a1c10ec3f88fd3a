import OpusScript from "opusscript";
import { OPUS_COMMENT } from "./text-tag.js";

const FRAME_MS = 20;
const PRE_SKIP = 312;
const SERIAL = 0x616f6169;
const PACKETS_PER_PAGE = 50;

/**
 * Ogg Opus (RFC 7845) of `samples` (mono, `sampleRate` one Opus takes), encoded by libopus (the
 * opusscript build); `text` is an `AOAI_EMULATOR_TEXT=` comment in its OpusTags header.
 */
export function encodeOggOpus(
  samples: Int16Array,
  sampleRate: 8000 | 12000 | 16000 | 24000 | 48000,
  text: string,
): Buffer {
  const frame = (sampleRate * FRAME_MS) / 1000;
  const encoder = new OpusScript(sampleRate, 1, OpusScript.Application.AUDIO);
  const packets: Buffer[] = [];
  try {
    for (let at = 0; at < samples.length; at += frame) {
      const pcm = Buffer.alloc(frame * 2);
      const chunk = samples.subarray(at, at + frame);
      for (let i = 0; i < chunk.length; i++) pcm.writeInt16LE(chunk[i]!, i * 2);
      packets.push(Buffer.from(encoder.encode(pcm, frame)));
    }
  } finally {
    encoder.delete();
  }
  const head = Buffer.alloc(19);
  head.write("OpusHead", 0, "ascii");
  head.writeUInt8(1, 8);
  head.writeUInt8(1, 9);
  head.writeUInt16LE(PRE_SKIP, 10);
  head.writeUInt32LE(sampleRate, 12);
  const vendor = Buffer.from("aoai-emulator", "utf8");
  const comment = Buffer.from(`${OPUS_COMMENT}=${text}`, "utf8");
  const tags = Buffer.concat([
    Buffer.from("OpusTags", "ascii"),
    u32(vendor.length),
    vendor,
    u32(1),
    u32(comment.length),
    comment,
  ]);
  const pages = [page([head], 0n, 0, 0x02), page([tags], 0n, 1, 0)];
  const perPacket = BigInt((48_000 * FRAME_MS) / 1000);
  const total = BigInt(PRE_SKIP) + BigInt(Math.round((samples.length * 48_000) / sampleRate));
  for (let i = 0; i < packets.length; i += PACKETS_PER_PAGE) {
    const group = packets.slice(i, i + PACKETS_PER_PAGE);
    const last = i + PACKETS_PER_PAGE >= packets.length;
    const end = BigInt(PRE_SKIP) + BigInt(i + group.length) * perPacket;
    pages.push(page(group, last ? (total < end ? total : end) : end, pages.length, last ? 0x04 : 0));
  }
  return Buffer.concat(pages);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

/** One Ogg page holding whole `packets` (each under 255 * 255 bytes). */
function page(packets: Buffer[], granule: bigint, sequence: number, flags: number): Buffer {
  const lacing = packets.flatMap((p) => [...Array(Math.floor(p.length / 255)).fill(255), p.length % 255]);
  const header = Buffer.alloc(27 + lacing.length);
  header.write("OggS", 0, "ascii");
  header.writeUInt8(flags, 5);
  header.writeBigInt64LE(granule, 6);
  header.writeUInt32LE(SERIAL, 14);
  header.writeUInt32LE(sequence, 18);
  header.writeUInt8(lacing.length, 26);
  Buffer.from(lacing).copy(header, 27);
  const out = Buffer.concat([header, ...packets]);
  out.writeUInt32LE(crc(out), 22);
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let r = i << 24;
  for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
  return r >>> 0;
});

/** Ogg's CRC-32 (polynomial 0x04c11db7, unreflected, no final xor). */
function crc(bytes: Buffer): number {
  let c = 0;
  for (const b of bytes) c = ((c << 8) ^ CRC_TABLE[((c >>> 24) ^ b) & 0xff]!) >>> 0;
  return c;
}

/** The {@link OPUS_COMMENT} of an Ogg Opus stream, if it has one. */
export function readOpusText(bytes: Uint8Array): string | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.toString("latin1", 0, 4) !== "OggS") return undefined;
  const at = buf.indexOf("OpusTags", 0, "latin1");
  if (at < 0 || at + 16 > buf.length) return undefined;
  let p = at + 8;
  p += 4 + buf.readUInt32LE(p);
  if (p + 4 > buf.length) return undefined;
  const count = buf.readUInt32LE(p);
  p += 4;
  for (let i = 0; i < count && p + 4 <= buf.length; i++) {
    const len = buf.readUInt32LE(p);
    const entry = buf.toString("utf8", p + 4, Math.min(buf.length, p + 4 + len));
    if (entry.startsWith(`${OPUS_COMMENT}=`)) return entry.slice(OPUS_COMMENT.length + 1);
    p += 4 + len;
  }
  return undefined;
}
