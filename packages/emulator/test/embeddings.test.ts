import { describe, expect, it } from "vitest";
import { deploymentUrl, postJson, sharedEmulator } from "./helpers.js";

const { url: base } = sharedEmulator();
const small = deploymentUrl(base, "text-embedding-3-small", "embeddings");
const large = deploymentUrl(base, "text-embedding-3-large", "embeddings");
const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe("embeddings", () => {
  it("returns unit vectors of 1536 dimensions by default, in the spec's shape", async () => {
    const body = (await postJson(small, { input: ["hello", "world"] })).json();
    expect(body.object).toBe("list");
    expect(body.model).toBe("text-embedding-3-small");
    expect(body.data.map((d: { index: number; object: string }) => [d.index, d.object])).toEqual([
      [0, "embedding"],
      [1, "embedding"],
    ]);
    expect(body.data[0].embedding).toHaveLength(1536);
    expect(norm(body.data[0].embedding)).toBeCloseTo(1, 4);
    expect(body.data[0].embedding).not.toEqual(body.data[1].embedding);
    expect(body.usage).toEqual({ prompt_tokens: 2, total_tokens: 2 });
  });

  it("uses 3072 dimensions for 3-large deployments and honours `dimensions`", async () => {
    expect((await postJson(large, { input: "x" })).json().data[0].embedding).toHaveLength(3072);
    const v = (await postJson(large, { input: "x", dimensions: 256 })).json().data[0].embedding;
    expect(v).toHaveLength(256);
    expect(norm(v)).toBeCloseTo(1, 4);
  });

  it("is deterministic per input text", async () => {
    const a = (await postJson(small, { input: ["same", "other"] })).json();
    const b = (await postJson(small, { input: "same" })).json();
    expect(a.data[0].embedding).toEqual(b.data[0].embedding);
  });

  it("returns base64 little-endian float32 for encoding_format base64", async () => {
    const floats = (await postJson(small, { input: "abc", dimensions: 8 })).json().data[0].embedding;
    const b64 = (await postJson(small, { input: "abc", dimensions: 8, encoding_format: "base64" })).json()
      .data[0].embedding;
    const bytes = Buffer.from(b64, "base64");
    expect(bytes.length).toBe(32);
    const decoded = Array.from({ length: 8 }, (_, i) => bytes.readFloatLE(i * 4));
    for (const [i, x] of decoded.entries()) expect(x).toBeCloseTo(floats[i], 6);
  });

  it("accepts token arrays and arrays of token arrays", async () => {
    expect((await postJson(small, { input: [1, 2, 3] })).json().data).toHaveLength(1);
    const body = (await postJson(small, { input: [[1, 2], [3]] })).json();
    expect(body.data).toHaveLength(2);
    expect(body.usage.prompt_tokens).toBe(3);
  });

  it("rejects missing, empty and too many inputs with Azure-shaped 400s", async () => {
    for (const body of [
      {},
      { input: "" },
      { input: [] },
      { input: [""] },
      { input: Array(2049).fill("x") },
      { input: { a: 1 } },
    ]) {
      const { res, json } = await postJson(small, body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(json().error).toMatchObject({
        type: "invalid_request_error",
        param: expect.stringMatching(/^input/),
      });
    }
    expect((await postJson(small, { input: Array(2048).fill("x"), dimensions: 4 })).res.status).toBe(200);
  });

  it("serves 512 inputs x 3072 dimensions fast", async () => {
    const input = Array.from({ length: 512 }, (_, i) => `document number ${i}`);
    const started = performance.now();
    const { res, json } = await postJson(large, { input });
    const body = json();
    const elapsed = performance.now() - started;
    expect(res.status).toBe(200);
    expect(body.data).toHaveLength(512);
    expect(body.data[511].embedding).toHaveLength(3072);
    expect(elapsed).toBeLessThan(3000);
  });
});
