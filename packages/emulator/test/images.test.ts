import { describe, expect, it } from "vitest";
import { deploymentUrl, postJson, sharedEmulator } from "./helpers.js";

const url = deploymentUrl(sharedEmulator().url, "dall-e-3", "images/generations");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ihdr = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe("images/generations", () => {
  it("returns a URL the emulator serves as a real PNG, with DALL-E 3 filter results", async () => {
    const body = (await postJson(url, { prompt: "a lighthouse at dusk" })).json();
    expect(body.created).toBeTypeOf("number");
    const [image] = body.data;
    expect(image.revised_prompt).toContain("a lighthouse at dusk");
    expect(image.content_filter_results.violence).toEqual({ filtered: false, severity: "safe" });
    expect(image.prompt_filter_results.jailbreak).toEqual({ filtered: false, detected: false });
    expect(image.prompt_filter_results.profanity).toEqual({ filtered: false, detected: false });
    const res = await fetch(image.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(PNG);
    expect(ihdr(png)).toEqual({ width: 64, height: 64 });
    expect(png.toString("ascii", png.length - 8, png.length - 4)).toBe("IEND");
  });

  it("returns b64_json at a scaled-down size, deterministically", async () => {
    const req = { prompt: "wide", size: "1792x1024", response_format: "b64_json" };
    const a = (await postJson(url, req)).json();
    const png = Buffer.from(a.data[0].b64_json, "base64");
    expect(ihdr(png)).toEqual({ width: 112, height: 64 });
    expect((await postJson(url, req)).json().data[0].b64_json).toBe(a.data[0].b64_json);
    const other = (await postJson(url, { ...req, prompt: "tall" })).json();
    expect(other.data[0].b64_json).not.toBe(a.data[0].b64_json);
  });

  it("rejects a missing prompt and a bad size", async () => {
    expect((await postJson(url, {})).res.status).toBe(400);
    const { res, json } = await postJson(url, { prompt: "x", size: "10x10" });
    expect(res.status).toBe(400);
    expect(json().error.param).toBe("size");
  });

  it("answers 404 for an unknown image id", async () => {
    expect((await fetch(`${sharedEmulator().url}/emulator/images/nope.png`)).status).toBe(404);
  });
});
