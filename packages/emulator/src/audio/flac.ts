import { createHash } from "node:crypto";
import { pcmBytes } from "./wav.js";

// A real but simple FLAC stream: 16-bit mono, every subframe VERBATIM (no prediction, no Rice
// coding), so any decoder plays it and the samples come back exactly, which the FSK text needs.
// The decoder below reads only what this encoder writes; other FLAC files are not decoded.

const BLOCK = 4096;
const MAGIC = "fLaC";
/** Sample-rate codes of the frame header (FLAC format, "SAMPLE RATE" table). */
const RATE_CODES: Readonly<Record<number, number>> = {
  8000: 0b0100,
  16000: 0b0101,
  22050: 0b0110,
  24000: 0b0111,
  32000: 0b1000,
  44100: 0b1001,
  48000: 0b1010,
  96000: 0b1011,
};

function crc8(bytes: Uint8Array, end: number): number {
  let crc = 0;
  for (let i = 0; i < end; i++) {
    crc ^= bytes[i]!;
    for (let b = 0; b < 8; b++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

function crc16(bytes: Uint8Array, end: number): number {
  let crc = 0;
  for (let i = 0; i < end; i++) {
    crc ^= bytes[i]! << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** The frame number as FLAC's extended UTF-8 coding (up to 31 bits here). */
function utf8Number(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  let lead = 0x80;
  let room = 0x3f;
  while (n > room) {
    out.unshift(0x80 | (n & 0x3f));
    n >>>= 6;
    lead = 0x80 | (lead >> 1);
    room >>= 1;
  }
  out.unshift(lead | n);
  return out;
}

function frame(samples: Int16Array, from: number, count: number, index: number, rate: number): Buffer {
  const header = [
    0xff,
    0xf8, // sync code, fixed block size
    (0b0111 << 4) | (RATE_CODES[rate] ?? 0), // block size in a 16-bit field after the number
    (0b0000 << 4) | (0b100 << 1), // mono, 16 bits per sample
    ...utf8Number(index),
    (count - 1) >> 8,
    (count - 1) & 0xff,
  ];
  const out = Buffer.alloc(header.length + 1 + 1 + count * 2 + 2);
  out.set(header, 0);
  let at = header.length;
  out[at] = crc8(out, at);
  at++;
  out[at++] = 0b0000_0010; // subframe: VERBATIM, no wasted bits
  for (let i = 0; i < count; i++, at += 2) out.writeInt16BE(samples[from + i]!, at);
  out.writeUInt16BE(crc16(out, at), at);
  return out;
}

/** A FLAC file holding 16-bit mono `samples` at `sampleRate` (one of the header's coded rates). */
export function encodeFlac(samples: Int16Array, sampleRate: number): Buffer {
  if (RATE_CODES[sampleRate] === undefined) throw new Error(`unsupported FLAC sample rate ${sampleRate}`);
  const frames: Buffer[] = [];
  for (let from = 0, index = 0; from < samples.length; from += BLOCK, index++)
    frames.push(frame(samples, from, Math.min(BLOCK, samples.length - from), index, sampleRate));
  const sizes = frames.map((f) => f.length);
  const info = Buffer.alloc(4 + 34);
  info[0] = 0x80; // last metadata block, type 0 (STREAMINFO)
  info.writeUIntBE(34, 1, 3);
  const block = Math.min(BLOCK, Math.max(samples.length, 16));
  info.writeUInt16BE(block, 4); // min block size (the last, shorter block is allowed)
  info.writeUInt16BE(block, 6);
  info.writeUIntBE(sizes.length ? Math.min(...sizes) : 0, 8, 3);
  info.writeUIntBE(sizes.length ? Math.max(...sizes) : 0, 11, 3);
  // 20 bits rate, 3 bits channels - 1, 5 bits bits-per-sample - 1, 36 bits total samples.
  info.writeUInt32BE(((sampleRate << 12) | (0 << 9) | (15 << 4) | 0) >>> 0, 14);
  info.writeUInt32BE(samples.length >>> 0, 18);
  createHash("md5").update(pcmBytes(samples)).digest().copy(info, 22);
  return Buffer.concat([Buffer.from(MAGIC, "ascii"), info, ...frames]);
}

/** Samples of a FLAC file `encodeFlac` wrote, or `undefined` for any other FLAC. */
export function parseFlac(bytes: Uint8Array): { sampleRate: number; samples: Int16Array } | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 42 || buf.toString("ascii", 0, 4) !== MAGIC) return undefined;
  let at = 4;
  let sampleRate = 0;
  let total = 0;
  for (let last = false; !last; ) {
    if (at + 4 > buf.length) return undefined;
    last = (buf[at]! & 0x80) !== 0;
    const type = buf[at]! & 0x7f;
    const size = buf.readUIntBE(at + 1, 3);
    if (type === 0) {
      const word = buf.readUInt32BE(at + 4 + 10);
      sampleRate = word >>> 12;
      if (((word >>> 9) & 7) !== 0 || ((word >>> 4) & 31) !== 15) return undefined; // mono 16-bit only
      total = (word & 0xf) * 2 ** 32 + buf.readUInt32BE(at + 4 + 14);
    }
    at += 4 + size;
  }
  const samples = new Int16Array(total);
  let filled = 0;
  while (at < buf.length && filled < total) {
    if (buf[at] !== 0xff || buf[at + 1] !== 0xf8 || buf[at + 2]! >> 4 !== 0b0111) return undefined;
    let p = at + 4;
    const lead = buf[p]!;
    p += lead < 0x80 ? 1 : Math.clz32(~(lead << 24)); // bytes of the coded frame number
    const count = buf.readUInt16BE(p) + 1;
    p += 3; // block size field and CRC-8
    if (buf[p] !== 0b0000_0010 || p + 1 + count * 2 + 2 > buf.length) return undefined;
    p++;
    for (let i = 0; i < count && filled < total; i++, p += 2) samples[filled++] = buf.readInt16BE(p);
    at = p + 2;
  }
  return filled === total ? { sampleRate, samples } : undefined;
}
