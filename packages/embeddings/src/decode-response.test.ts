import { InvalidResponseError } from "@aoai/core";
import { liftStrings } from "@aoai/core/internal";
import { describe, expect, it, vi } from "vitest";
import { decodeResponse, placeBase64, type WireResponse } from "./decode-response.js";

const parseBase64Response = (text: string) => {
  const lifted = liftStrings(text, "embedding");
  return lifted && placeBase64(lifted.value, lifted.strings);
};

import type { EmbeddingResponse } from "./types.js";

const b64 = (list: number[]) => Buffer.from(new Float32Array(list).buffer).toString("base64");
const wire = (data: { index: number; embedding: string | number[] }[]) =>
  ({
    object: "list",
    model: "text-embedding-3-large",
    data: data.map((d) => ({ object: "embedding", ...d })),
    usage: { prompt_tokens: 3, total_tokens: 3 },
  }) as WireResponse;

describe("decodeResponse", () => {
  it("decodes base64 to Float32Array and restores input order", () => {
    const r = decodeResponse<EmbeddingResponse>(
      wire([
        { index: 1, embedding: b64([0, 1]) },
        { index: 0, embedding: b64([1, 0]) },
      ]),
      "float32",
      2,
    );
    expect(r.data.map((d) => d.index)).toEqual([0, 1]);
    expect(r.data[0]!.embedding).toEqual(new Float32Array([1, 0]));
    expect(r.data[1]!.embedding).toBeInstanceOf(Float32Array);
    expect(r.usage.prompt_tokens).toBe(3);
  });

  it("gives number[] when asked, from base64 or from JSON numbers", () => {
    const r = decodeResponse<EmbeddingResponse<number[]>>(
      wire([
        { index: 0, embedding: b64([0.5, -0.5]) },
        { index: 1, embedding: [0.25, 0.75] },
      ]),
      "number[]",
      2,
    );
    expect(r.data[0]!.embedding).toEqual([0.5, -0.5]);
    expect(r.data[1]!.embedding).toEqual([0.25, 0.75]);
  });

  it("turns JSON numbers into a Float32Array by default", () => {
    const r = decodeResponse<EmbeddingResponse>(wire([{ index: 0, embedding: [0.5, 2] }]), "float32", 1);
    expect(r.data[0]!.embedding).toEqual(new Float32Array([0.5, 2]));
  });

  it("rejects a response whose count does not match the inputs", () => {
    expect(() => decodeResponse(wire([{ index: 0, embedding: [1] }]), "float32", 2)).toThrow(
      InvalidResponseError,
    );
  });
});

describe("parseBase64Response", () => {
  const text = (embeddings: string[], extra = "") =>
    `{"object":"list","data":[${embeddings
      .map((e, index) => `{"object":"embedding","index":${index},"embedding":${e}}`)
      .join(",")}],"model":"text-embedding-3-large"${extra},"usage":{"prompt_tokens":3,"total_tokens":3}}`;

  it("decodes base64 embeddings from the text, the rest as JSON.parse gives it", () => {
    const body = text([`"${b64([1, 2])}"`, ` \n "${b64([3, 4])}"`]);
    const r = parseBase64Response(body)!;
    const expected = JSON.parse(body.replace(" \n ", ""));
    expect(r.data.map((d) => d.embedding)).toEqual([new Float32Array([1, 2]), new Float32Array([3, 4])]);
    expect({ ...r, data: r.data.map(({ embedding: _, ...d }) => d) }).toEqual({
      ...expected,
      data: expected.data.map(({ embedding: _, ...d }: { embedding: string }) => d),
    });
  });

  it("leaves to JSON.parse anything out of the ordinary", () => {
    expect(parseBase64Response(text(["[0.5,1]"]))).toBeUndefined(); // numbers
    expect(parseBase64Response(text([`"${b64([1])}\\u0041"`]))).toBeUndefined(); // an escape
    expect(parseBase64Response(text([`"${b64([1])}!!"`]))).toBeUndefined(); // outside base64
    expect(parseBase64Response(text([`"${b64([1]).slice(0, -2)}A="`]))).toBeUndefined(); // 5 bytes
    expect(parseBase64Response(text([`"${b64([1])}"`], `,"x":{"embedding":"AAAA"}`))).toBeUndefined(); // outside data
    expect(parseBase64Response(`${text([`"${b64([1])}"`])},`)).toBeUndefined(); // not JSON
    expect(parseBase64Response("")).toBeUndefined();
  });

  it("leaves the text to JSON.parse where there is no Buffer (browsers)", () => {
    const body = text([`"${b64([1, 2])}"`]);
    vi.stubGlobal("Buffer", undefined);
    try {
      expect(parseBase64Response(body)).toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
    expect(parseBase64Response(body)).toBeDefined();
  });
});
