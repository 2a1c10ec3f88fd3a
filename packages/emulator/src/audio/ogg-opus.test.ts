import OpusScript from "opusscript";
import { describe, expect, it } from "vitest";
import { encodeText, SAMPLE_RATE } from "./fsk.js";
import { encodeOggOpus, readOpusText } from "./ogg-opus.js";

/** The pages of an Ogg stream: header fields and packets (lacing undone). */
function pages(bytes: Buffer) {
  const out: { flags: number; granule: bigint; sequence: number; packets: Buffer[]; crcOk: boolean }[] = [];
  for (let at = 0; at < bytes.length; ) {
    expect(bytes.toString("latin1", at, at + 4)).toBe("OggS");
    const count = bytes[at + 26]!;
    const lacing = [...bytes.subarray(at + 27, at + 27 + count)];
    const size = lacing.reduce((a, b) => a + b, 0);
    const page = Buffer.from(bytes.subarray(at, at + 27 + count + size));
    const crc = page.readUInt32LE(22);
    page.writeUInt32LE(0, 22);
    const packets: Buffer[] = [];
    let p = 27 + count;
    let len = 0;
    for (const l of lacing) {
      len += l;
      if (l < 255) {
        packets.push(page.subarray(p, p + len));
        p += len;
        len = 0;
      }
    }
    out.push({
      flags: page[5]!,
      granule: page.readBigInt64LE(6),
      sequence: page.readUInt32LE(18),
      packets,
      crcOk: crc === oggCrc(page),
    });
    at += page.length;
  }
  return out;
}

function oggCrc(bytes: Buffer): number {
  let c = 0;
  for (const b of bytes) {
    c ^= b << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    c >>>= 0;
  }
  return c;
}

describe("encodeOggOpus", () => {
  it("writes RFC 7845 pages that libopus decodes back to the speech's length", () => {
    const samples = encodeText("Opus round trip.");
    const ogg = encodeOggOpus(samples, SAMPLE_RATE, "Opus round trip.");
    const all = pages(ogg);
    expect(all.every((p) => p.crcOk)).toBe(true);
    expect(all[0]!.flags).toBe(0x02);
    expect(all.at(-1)!.flags).toBe(0x04);
    expect(all.map((p) => p.sequence)).toEqual(all.map((_, i) => i));
    expect(all[0]!.packets[0]!.toString("latin1", 0, 8)).toBe("OpusHead");
    expect(readOpusText(ogg)).toBe("Opus round trip.");
    const decoder = new OpusScript(SAMPLE_RATE, 1);
    let decoded = 0;
    for (const page of all.slice(2))
      for (const packet of page.packets) decoded += decoder.decode(packet).length / 2;
    decoder.delete();
    expect(decoded).toBe(Math.ceil(samples.length / 480) * 480);
    expect(all.at(-1)!.granule).toBe(312n + BigInt(samples.length * 2));
  });
});
