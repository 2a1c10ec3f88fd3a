import { createHash } from "node:crypto";

/** SHA-256 of `input` as hex; the root of every deterministic id the emulator hands out. */
export function sha256Hex(input: string | Uint8Array): string {
  return createHash("sha256").update(input).digest("hex");
}

/** FNV-1a, 32 bit: cheap enough to seed one PRNG per embedding input. */
export function fnv1a(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny, fast PRNG; good enough for test data, not for anything secret. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4-shaped UUID derived from `seed`, so request ids repeat across runs. */
export function uuidFrom(seed: string): string {
  const h = sha256Hex(seed);
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A base-62 id of `length` characters derived from `seed`, shaped like OpenAI's `chatcmpl-…` ids. */
export function idFrom(seed: string, length = 29): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = createHash("sha512").update(seed).digest();
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[bytes[i % bytes.length]! % alphabet.length];
  return out;
}

/** Base of deterministic `created` timestamps: 2025-01-01T00:00:00Z. */
const CREATED_BASE = 1_735_689_600;

/** A Unix timestamp in 2025 derived from `seed`: stable per request, plausible on the wire. */
export function createdFrom(seed: string): number {
  return CREATED_BASE + (fnv1a(seed) % 31_536_000);
}
