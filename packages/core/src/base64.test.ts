import { afterEach, describe, expect, it, vi } from "vitest";
import { base64ToBytes, bytesToBase64, decodeWithAtob, hasNodeBuffer, nodeBase64ToBytes } from "./base64.js";

const NodeBuffer = globalThis.Buffer;
const encode = (bytes: Uint8Array) => NodeBuffer.from(bytes).toString("base64");
const randomBytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 73 + 41) % 256);

describe("decodeWithAtob", () => {
  it("decodes every length and padding, padded or not", () => {
    for (let n = 0; n < 40; n++) {
      const bytes = randomBytes(n);
      const b64 = encode(bytes);
      expect(decodeWithAtob(b64)).toEqual(bytes);
      expect(decodeWithAtob(b64.replace(/=+$/, ""))).toEqual(bytes);
    }
  });

  it("decodes every alphabet character", () => {
    const bytes = Uint8Array.from({ length: 768 }, (_, i) => i % 256);
    expect(decodeWithAtob(encode(bytes))).toEqual(bytes);
  });

  it("rejects characters outside the alphabet instead of reading them as zero", () => {
    expect(() => decodeWithAtob("AAAA*AAA")).toThrow();
  });
});

describe("base64ToBytes", () => {
  afterEach(() => vi.unstubAllGlobals());
  const bytes = randomBytes(12_288);
  const b64 = encode(bytes);

  it("uses Buffer in Node, decoding into an exact buffer of its own", () => {
    const spy = vi.spyOn(Buffer, "from");
    const out = base64ToBytes(b64);
    expect(spy).toHaveBeenCalledOnce();
    spy.mockRestore();
    expect(out.constructor).toBe(Uint8Array);
    expect([out.byteOffset, out.buffer.byteLength]).toEqual([0, bytes.length]);
    expect(out).toEqual(bytes);
    // A fresh ArrayBuffer, typed so: a Blob part and a transferable buffer.
    const owned: ArrayBuffer = out.buffer;
    expect(new Blob([out]).size).toBe(owned.byteLength);
  });

  it("decodes short (pool-sized) and unpadded input exactly in Node", () => {
    for (const n of [0, 1, 2, 3, 4, 5, 1024]) {
      const small = randomBytes(n);
      const out = base64ToBytes(encode(small).replace(/=+$/, ""));
      expect([out.byteOffset, out.buffer.byteLength]).toEqual([0, n]);
      expect(out).toEqual(small);
    }
  });

  it("uses Uint8Array.fromBase64 when there is no Buffer", () => {
    vi.stubGlobal("Buffer", undefined);
    const fromBase64 = vi.fn((text: string) => decodeWithAtob(text));
    const original = (Uint8Array as { fromBase64?: unknown }).fromBase64;
    Object.defineProperty(Uint8Array, "fromBase64", {
      value: fromBase64,
      configurable: true,
      writable: true,
    });
    try {
      expect(base64ToBytes(b64)).toEqual(bytes);
      expect(fromBase64).toHaveBeenCalledOnce();
    } finally {
      if (original === undefined) delete (Uint8Array as { fromBase64?: unknown }).fromBase64;
      else
        Object.defineProperty(Uint8Array, "fromBase64", {
          value: original,
          configurable: true,
          writable: true,
        });
    }
  });

  it("falls back to the hand decoder without Buffer or fromBase64", () => {
    vi.stubGlobal("Buffer", undefined);
    const original = (Uint8Array as { fromBase64?: unknown }).fromBase64;
    delete (Uint8Array as { fromBase64?: unknown }).fromBase64;
    try {
      expect(base64ToBytes(b64)).toEqual(bytes);
    } finally {
      if (original !== undefined)
        Object.defineProperty(Uint8Array, "fromBase64", {
          value: original,
          configurable: true,
          writable: true,
        });
    }
  });
});

describe("nodeBase64ToBytes", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("says how many bytes it wrote: all of them for clean base64, fewer past a stray character", () => {
    const bytes = randomBytes(300);
    const clean = nodeBase64ToBytes(encode(bytes))!;
    expect(clean.bytes).toEqual(bytes);
    expect(clean.written).toBe(300);
    const stray = nodeBase64ToBytes(`${encode(bytes).slice(0, 200)}!${encode(bytes).slice(201)}`)!;
    expect(stray.bytes.length).toBe(300);
    expect(stray.written).toBeLessThan(300);
  });

  it("is undefined without Buffer, as hasNodeBuffer() says beforehand", () => {
    expect(hasNodeBuffer()).toBe(true);
    vi.stubGlobal("Buffer", undefined);
    expect(hasNodeBuffer()).toBe(false);
    expect(nodeBase64ToBytes("AAAA")).toBeUndefined();
  });
});

describe("bytesToBase64", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("encodes every length, padded, with Buffer and without it", () => {
    for (let n = 0; n < 40; n++) {
      const bytes = randomBytes(n);
      expect(bytesToBase64(bytes)).toBe(encode(bytes));
    }
    const view = randomBytes(100).subarray(3, 50);
    expect(bytesToBase64(view)).toBe(encode(view));
    vi.stubGlobal("Buffer", undefined);
    for (let n = 0; n < 40; n++) expect(bytesToBase64(randomBytes(n))).toBe(encode(randomBytes(n)));
    const large = randomBytes(100_000);
    expect(base64ToBytes(bytesToBase64(large))).toEqual(large);
  });
});
