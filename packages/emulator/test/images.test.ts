import { describe, expect, it } from "vitest";
import { deploymentUrl, postJson, sharedEmulator, type Wire } from "./helpers.js";

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

const gptUrl = (op: string, apiVersion = "2025-04-01-preview") =>
  deploymentUrl(sharedEmulator().url, "gpt-image-1", op, apiVersion);
const PNG_64 = (): Promise<Buffer> =>
  postJson(gptUrl("images/generations"), { prompt: "base", size: "1024x1024" }).then(({ json }) =>
    Buffer.from(json().data[0].b64_json, "base64"),
  );

/** POSTs a multipart form to images/edits on gpt-image-1. */
async function postEdit(form: FormData, apiVersion?: string): Promise<{ status: number; body: Wire }> {
  const res = await fetch(gptUrl("images/edits", apiVersion), {
    method: "POST",
    headers: { "api-key": sharedEmulator().apiKey },
    body: form,
  });
  return { status: res.status, body: await res.json() };
}

function editForm(fields: Record<string, string>, files: [string, Uint8Array, string][]): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [name, bytes, file] of files) form.append(name, new Blob([bytes as BlobPart]), file);
  return form;
}

describe("images/generations on a GPT image deployment", () => {
  it("answers b64_json by default with usage and no revised_prompt", async () => {
    const body = (
      await postJson(gptUrl("images/generations"), { prompt: "a fox", n: 2, quality: "low" })
    ).json();
    expect(body.data).toHaveLength(2);
    expect(body.data[0].url).toBeUndefined();
    expect(body.data[0].revised_prompt).toBeUndefined();
    expect(ihdr(Buffer.from(body.data[0].b64_json, "base64"))).toEqual({ width: 64, height: 64 });
    expect(body.data[0].content_filter_results.hate).toEqual({ filtered: false, severity: "safe" });
    expect(body.usage).toEqual({
      input_tokens: 2,
      output_tokens: 2 * 272,
      total_tokens: 2 + 2 * 272,
      input_tokens_details: { text_tokens: 2, image_tokens: 0 },
    });
  });

  it("encodes jpeg and refuses webp naming what is supported", async () => {
    const url = gptUrl("images/generations");
    const jpeg = (await postJson(url, { prompt: "j", output_format: "jpeg", size: "1536x1024" })).json();
    const bytes = Buffer.from(jpeg.data[0].b64_json, "base64");
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(bytes.readUInt16BE(bytes.length - 2)).toBe(0xffd9);
    const webp = await postJson(url, { prompt: "w", output_format: "webp" });
    expect(webp.res.status).toBe(400);
    expect(webp.json().error.param).toBe("output_format");
    // The 2025-04-01-preview spec has png and jpeg only.
    expect(webp.json().error.message).toContain("'png', 'jpeg'.");
    // v1 takes webp, which the emulator cannot encode: it says so.
    const v1 = await postJson(`${sharedEmulator().url}/openai/v1/images/generations?api-version=preview`, {
      model: "gpt-image-1",
      prompt: "w",
      output_format: "webp",
    });
    expect(v1.json().error.message).toContain("png, jpeg");
  });

  it("checks quality, style, background and output_compression", async () => {
    const url = gptUrl("images/generations");
    for (const [field, value] of [
      ["quality", "ultra"],
      ["style", "bold"],
      ["background", "clear"],
      ["output_compression", 101],
      ["n", 11],
    ] as const) {
      const { res, json } = await postJson(url, { prompt: "x", [field]: value });
      expect(res.status).toBe(400);
      expect(json().error.param).toBe(field);
    }
    const clear = await postJson(url, { prompt: "x", background: "transparent", output_format: "jpeg" });
    expect(clear.json().error.param).toBe("background");
  });

  it("answers a content-filter fault in the images shape (content_policy_violation, inner_error)", async () => {
    const fault = { kind: "content-filter", id: "images-filter" };
    const { res, json } = await postJson(
      url,
      { prompt: "x" },
      { "x-aoai-emulator-fault": JSON.stringify(fault) },
    );
    expect(res.status).toBe(400);
    const error = json().error;
    expect(error.code).toBe("content_policy_violation");
    expect(error.type).toBe("invalid_request_error");
    expect(error.message).toMatch(/safety system/);
    expect(error.inner_error.code).toBe("ResponsibleAIPolicyViolation");
    expect(error.inner_error.content_filter_results.violence).toEqual({ filtered: true, severity: "high" });
    expect(error.innererror).toBeUndefined();
  });
});

describe("images/edits", () => {
  it("edits one image with a PNG mask the image's size, as b64_json with usage", async () => {
    const png = await PNG_64();
    const { status, body } = await postEdit(
      editForm({ prompt: "add a hat", n: "2" }, [
        ["image", png, "photo.png"],
        ["mask", png, "mask.png"],
      ]),
    );
    expect(status).toBe(200);
    expect(body.data).toHaveLength(2);
    expect(ihdr(Buffer.from(body.data[0].b64_json, "base64"))).toEqual({ width: 64, height: 64 });
    expect(body.usage.input_tokens_details.image_tokens).toBe(323);
    // Deterministic in the prompt and the files.
    const again = await postEdit(
      editForm({ prompt: "add a hat", n: "2" }, [
        ["image", png, "photo.png"],
        ["mask", png, "mask.png"],
      ]),
    );
    expect(again.body.data[0].b64_json).toBe(body.data[0].b64_json);
  });

  it("takes several images as image[] and follows the first one's shape for size auto", async () => {
    const wide = (await postJson(gptUrl("images/generations"), { prompt: "w", size: "1536x1024" })).json();
    const png = Buffer.from(wide.data[0].b64_json, "base64");
    const { status, body } = await postEdit(
      editForm({ prompt: "merge", size: "auto" }, [
        ["image[]", png, "a.png"],
        ["image[]", await PNG_64(), "b.png"],
      ]),
    );
    expect(status).toBe(200);
    expect(ihdr(Buffer.from(body.data[0].b64_json, "base64"))).toEqual({ width: 96, height: 64 });
    expect(body.usage.input_tokens_details.image_tokens).toBe(2 * 323);
  });

  it("answers 400 for no image, a file that is not an image, a mask that is not a PNG or of another size", async () => {
    const png = await PNG_64();
    const small = (await postJson(gptUrl("images/generations"), { prompt: "s", size: "1536x1024" })).json();
    const jpeg = (
      await postJson(gptUrl("images/generations"), { prompt: "s", output_format: "jpeg" })
    ).json();
    const cases: [FormData, string][] = [
      [editForm({ prompt: "x" }, []), "image"],
      [editForm({ prompt: "x" }, [["image", new TextEncoder().encode("hello"), "a.txt"]]), "image"],
      [
        editForm({ prompt: "x" }, [
          ["image", png, "a.png"],
          ["mask", Buffer.from(jpeg.data[0].b64_json, "base64"), "m.jpg"],
        ]),
        "mask",
      ],
      [
        editForm({ prompt: "x" }, [
          ["image", png, "a.png"],
          ["mask", Buffer.from(small.data[0].b64_json, "base64"), "m.png"],
        ]),
        "mask",
      ],
      [editForm({}, [["image", png, "a.png"]]), "prompt"],
    ];
    for (const [form, param] of cases) {
      const { status, body } = await postEdit(form);
      expect(status).toBe(400);
      expect(body.error.param).toBe(param);
    }
  });

  it("is routed on 2025-04-01-preview and later only", async () => {
    const form = editForm({ prompt: "x" }, [["image", await PNG_64(), "a.png"]]);
    expect((await postEdit(form, "2024-10-21")).status).toBe(404);
  });
});
