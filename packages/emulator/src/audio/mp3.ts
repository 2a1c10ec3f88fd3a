import { id3Text } from "./text-tag.js";

type Lame = typeof import("@breezystack/lamejs");
let lame: Promise<Lame> | undefined;

/**
 * An MP3 (MPEG-2 Layer III, mono, 48 kbit/s) of `samples`, `text` in its ID3 tag. LAME comes from
 * @breezystack/lamejs, loaded by `import()` on first use: its `require` entry exports nothing, so
 * the CommonJS build must reach its ES module too.
 */
export async function encodeMp3(samples: Int16Array, sampleRate: number, text: string): Promise<Buffer> {
  lame ??= import("@breezystack/lamejs");
  const encoder = new (await lame).Mp3Encoder(1, sampleRate, 48);
  const frames: Uint8Array[] = [];
  // lamejs encodes in blocks; a multiple of its 1152-sample frame keeps memory flat.
  for (let at = 0; at < samples.length; at += 1152 * 16)
    frames.push(encoder.encodeBuffer(samples.subarray(at, at + 1152 * 16)));
  frames.push(encoder.flush());
  return Buffer.concat([
    id3Text(text),
    ...frames.map((f) => Buffer.from(f.buffer, f.byteOffset, f.byteLength)),
  ]);
}
