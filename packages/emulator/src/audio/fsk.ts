// Text rides inside the audio as 16-tone FSK: each byte becomes two 10 ms tones (one per nibble).
// Tone frequencies are whole multiples of 100 Hz, so each is orthogonal to the others over one
// 240-sample symbol at 24 kHz and a Goertzel filter tells them apart exactly. Frame layout:
// "AOAI" magic, 2-byte big-endian length, the UTF-8 text, 2-byte checksum.

/** Sample rate of every audio the emulator produces, as OpenAI's `pcm` format uses. */
export const SAMPLE_RATE = 24_000;
const SYMBOL = 240;
const BASE_HZ = 1000;
const STEP_HZ = 200;
const AMPLITUDE = 0.4 * 32767;
const MAGIC = Buffer.from("AOAI", "ascii");

function checksum(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 251;
    b = (b + a) % 251;
  }
  return (b << 8) | a;
}

/** 16-bit mono samples at {@link SAMPLE_RATE} that carry `text`. */
export function encodeText(text: string): Int16Array {
  const payload = Buffer.from(text, "utf8");
  const frame = Buffer.alloc(MAGIC.length + 2 + payload.length + 2);
  MAGIC.copy(frame, 0);
  frame.writeUInt16BE(payload.length, 4);
  payload.copy(frame, 6);
  frame.writeUInt16BE(checksum(payload), 6 + payload.length);
  const samples = new Int16Array(frame.length * 2 * SYMBOL);
  let offset = 0;
  for (const byte of frame) {
    for (const nibble of [byte >> 4, byte & 0xf]) {
      const w = (2 * Math.PI * (BASE_HZ + STEP_HZ * nibble)) / SAMPLE_RATE;
      for (let i = 0; i < SYMBOL; i++) samples[offset + i] = Math.round(AMPLITUDE * Math.sin(w * i));
      offset += SYMBOL;
    }
  }
  return samples;
}

/** Power of `hz` in one symbol (Goertzel). */
function power(samples: Int16Array, start: number, hz: number): number {
  const coeff = 2 * Math.cos((2 * Math.PI * hz) / SAMPLE_RATE);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < SYMBOL; i++) {
    const s = samples[start + i]! + coeff * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  return s1 * s1 + s2 * s2 - coeff * s1 * s2;
}

function readByte(samples: Int16Array, index: number): number | undefined {
  let value = 0;
  for (let half = 0; half < 2; half++) {
    const start = (index * 2 + half) * SYMBOL;
    if (start + SYMBOL > samples.length) return undefined;
    let best = 0;
    let bestPower = -1;
    for (let k = 0; k < 16; k++) {
      const p = power(samples, start, BASE_HZ + STEP_HZ * k);
      if (p > bestPower) {
        bestPower = p;
        best = k;
      }
    }
    value = (value << 4) | best;
  }
  return value;
}

/** The text `encodeText` put in `samples`, or `undefined` for any other audio. */
export function decodeText(samples: Int16Array): string | undefined {
  const read = (from: number, count: number): Buffer | undefined => {
    const out = Buffer.alloc(count);
    for (let i = 0; i < count; i++) {
      const b = readByte(samples, from + i);
      if (b === undefined) return undefined;
      out[i] = b;
    }
    return out;
  };
  const head = read(0, 6);
  if (!head?.subarray(0, 4).equals(MAGIC)) return undefined;
  const length = head.readUInt16BE(4);
  const rest = read(6, length + 2);
  if (!rest) return undefined;
  const payload = rest.subarray(0, length);
  if (rest.readUInt16BE(length) !== checksum(payload)) return undefined;
  return payload.toString("utf8");
}
