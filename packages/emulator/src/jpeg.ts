// A baseline JPEG encoder kept small by coding only each 8x8 block's DC coefficient: every block
// is one flat colour (the block's average), a real JPEG any decoder reads. The emulator's images
// are smooth gradients drawn at 1/16 scale, so nothing of note is lost.

// Annex K.3 of the JPEG standard: the typical DC tables (code counts per length 1..16, symbols 0..11).
const DC_LUMA = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_CHROMA = [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
const DC_SYMBOLS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
// AC needs one symbol only, end-of-block (0x00), coded as the single bit 0.
const AC_EOB = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/** Codes of a Huffman table (Annex C): `[code, length]` per symbol. */
function huffmanCodes(counts: number[], symbols: number[]): Map<number, [number, number]> {
  const codes = new Map<number, [number, number]>();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < counts[length - 1]!; i++) codes.set(symbols[k++]!, [code++, length]);
    code <<= 1;
  }
  return codes;
}

const LUMA_CODES = huffmanCodes(DC_LUMA, DC_SYMBOLS);
const CHROMA_CODES = huffmanCodes(DC_CHROMA, DC_SYMBOLS);

/** Entropy-coded bits, with the 0xFF byte stuffing JPEG needs. */
class BitWriter {
  readonly bytes: number[] = [];
  #acc = 0;
  #count = 0;

  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.#acc = (this.#acc << 1) | ((value >> i) & 1);
      if (++this.#count === 8) this.#flush();
    }
  }

  /** Pads the last byte with 1 bits, as the standard asks. */
  end(): void {
    while (this.#count !== 0) this.write(1, 1);
  }

  #flush(): void {
    this.bytes.push(this.#acc);
    if (this.#acc === 0xff) this.bytes.push(0);
    this.#acc = 0;
    this.#count = 0;
  }
}

const segment = (marker: number, body: number[]): number[] => [
  0xff,
  marker,
  (body.length + 2) >> 8,
  (body.length + 2) & 0xff,
  ...body,
];

/** Encodes 8-bit RGB pixels (`width * height * 3` bytes, row-major) as a baseline JPEG (4:4:4). */
export function encodeJpeg(width: number, height: number, rgb: Uint8Array): Buffer {
  if (rgb.length !== width * height * 3) throw new RangeError("rgb must hold width * height * 3 bytes");
  const bits = new BitWriter();
  const previous = [0, 0, 0];
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      const mean = blockMeanYCbCr(rgb, width, height, bx, by);
      for (let c = 0; c < 3; c++) {
        // The DC coefficient of a flat block, level-shifted by 128, with a quantizer of 1.
        const dc = Math.round(8 * (mean[c]! - 128));
        const diff = dc - previous[c]!;
        previous[c] = dc;
        const size = diff === 0 ? 0 : 32 - Math.clz32(Math.abs(diff));
        const [code, length] = (c === 0 ? LUMA_CODES : CHROMA_CODES).get(size)!;
        bits.write(code, length);
        if (size > 0) bits.write(diff > 0 ? diff : diff + (1 << size) - 1, size);
        bits.write(0, 1); // end of block: every AC coefficient is zero
      }
    }
  }
  bits.end();
  const quant = Array<number>(64).fill(1);
  const huffman = (tableClass: number, id: number, counts: number[], symbols: number[]) => [
    (tableClass << 4) | id,
    ...counts,
    ...symbols,
  ];
  return Buffer.from([
    0xff,
    0xd8, // SOI
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // JFIF 1.1
    ...segment(0xdb, [0, ...quant, 1, ...quant]),
    ...segment(0xc0, [
      8,
      height >> 8,
      height & 0xff,
      width >> 8,
      width & 0xff,
      3,
      1,
      0x11,
      0,
      2,
      0x11,
      1,
      3,
      0x11,
      1,
    ]),
    ...segment(0xc4, [
      ...huffman(0, 0, DC_LUMA, DC_SYMBOLS),
      ...huffman(0, 1, DC_CHROMA, DC_SYMBOLS),
      ...huffman(1, 0, AC_EOB, [0]),
    ]),
    ...segment(0xda, [3, 1, 0x00, 2, 0x10, 3, 0x10, 0, 63, 0]),
    ...bits.bytes,
    0xff,
    0xd9, // EOI
  ]);
}

/** The block's average Y, Cb, Cr (JFIF conversion); blocks past the edge average what is inside. */
function blockMeanYCbCr(rgb: Uint8Array, width: number, height: number, bx: number, by: number): number[] {
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  for (let y = by; y < Math.min(by + 8, height); y++) {
    for (let x = bx; x < Math.min(bx + 8, width); x++) {
      const o = (y * width + x) * 3;
      r += rgb[o]!;
      g += rgb[o + 1]!;
      b += rgb[o + 2]!;
      n++;
    }
  }
  r /= n;
  g /= n;
  b /= n;
  return [
    0.299 * r + 0.587 * g + 0.114 * b,
    -0.168736 * r - 0.331264 * g + 0.5 * b + 128,
    0.5 * r - 0.418688 * g - 0.081312 * b + 128,
  ];
}

/** Reads width and height from a JPEG's SOF0 segment; `undefined` when `bytes` is not one. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  for (let at = 2; at + 9 < bytes.length; ) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (marker === 0xc0 || marker === 0xc2)
      return {
        height: (bytes[at + 5]! << 8) | bytes[at + 6]!,
        width: (bytes[at + 7]! << 8) | bytes[at + 8]!,
      };
    at += 2 + length;
  }
  return undefined;
}
