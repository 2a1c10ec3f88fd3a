import { APIError } from "@aoai/core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { waitForPrism } from "../../../test-utils/prism.js";
import { editImage, type ImageGenerateRequest, imageBytes } from "../src/index.js";
import { DALLE, GPT_IMAGE, imageClient, PNG_SIGNATURE } from "./helpers.js";

// Every request shape this package builds goes through a Prism validating proxy (`--errors`) on
// the official spec, then to the emulator. Prism answers a request that violates the spec with a
// 4xx before forwarding, and a response that violates it with a 5xx; both fail these tests.
const ga = inject("prismGaUrl");
const preview = inject("prismPreviewUrl");

/** DALL-E 3 shapes, valid in both specs. */
const DALLE_SHAPES: Record<string, ImageGenerateRequest> = {
  "the docs' rabbit: 1792x1024, hd, vivid, b64_json": {
    prompt: "A rabbit eating pancakes",
    size: "1792x1024",
    quality: "hd",
    style: "vivid",
    response_format: "b64_json",
  },
  "url, 1024x1792, standard, natural, n and user": {
    prompt: "A lighthouse",
    n: 1,
    size: "1024x1792",
    quality: "standard",
    style: "natural",
    response_format: "url",
    user: "user-1",
  },
  "the prompt alone": { prompt: "A cat" },
};

/** gpt-image-1 shapes, only in the preview spec. */
const GPT_SHAPES: Record<string, ImageGenerateRequest> = {
  "four 1536x1024 images, high, png, opaque": {
    prompt: "A rabbit eating pancakes",
    n: 4,
    size: "1536x1024",
    quality: "high",
    output_format: "png",
    background: "opaque",
  },
  "jpeg with compression, auto size and quality": {
    prompt: "A fox",
    size: "auto",
    quality: "auto",
    output_format: "jpeg",
    output_compression: 80,
  },
  "1024x1536, low, transparent": {
    prompt: "A sticker",
    size: "1024x1536",
    quality: "low",
    background: "transparent",
  },
};

describe("requests validate against the official specs (Prism)", () => {
  // global-setup launches Prism without waiting for it; wait here, where it is needed.
  beforeAll(() => Promise.all([waitForPrism(ga), waitForPrism(preview)]), 90_000);

  for (const [name, base, apiVersion, shapes] of [
    ["GA 2024-10-21", ga, "2024-10-21", DALLE_SHAPES],
    ["preview 2025-04-01-preview", preview, "2025-04-01-preview", DALLE_SHAPES],
  ] as const) {
    describe(name, () => {
      for (const [shape, request] of Object.entries(shapes)) {
        it(`generate() dall-e-3: ${shape}`, async () => {
          const images = imageClient({ apiVersion }, DALLE, base);
          const r = await images.generate(request);
          expect(r.data.length).toBeGreaterThan(0);
          expect((await imageBytes(images, r.data[0]!)).subarray(0, 8)).toEqual(
            new Uint8Array(PNG_SIGNATURE),
          );
        });
      }
    });
  }

  for (const [shape, request] of Object.entries(GPT_SHAPES)) {
    it(`generate() gpt-image-1 on 2025-04-01-preview: ${shape} (usage in the response)`, async () => {
      const r = await imageClient({ apiVersion: "2025-04-01-preview" }, GPT_IMAGE, preview).generate(request);
      expect(r.data).toHaveLength(request.n ?? 1);
      expect(r.usage?.total_tokens).toBeGreaterThan(0);
    });
  }

  it("the check can fail: Prism refuses n: 2 on GA 2024-10-21 (DALL-E 3 makes one), which this SDK sends", async () => {
    const error = await imageClient({ apiVersion: "2024-10-21" }, DALLE, ga)
      .generate({ prompt: "x", n: 2 })
      .catch((e: unknown) => e);
    expect(APIError.isInstance(error)).toBe(true);
    expect((error as APIError).status).toBeGreaterThanOrEqual(400);
    expect((error as APIError).status).toBeLessThan(500);
  });

  it("edits cannot be validated: the preview spec declares images/edits as JSON, the service takes multipart", async () => {
    // Known spec quirk: `imageEditsRequest` is under application/json (with binary `image`), so Prism
    // refuses the multipart body the service (and this SDK) uses. The integration tests cover edits
    // against the emulator; this test fails once the spec is fixed, as a reminder to validate them here.
    const png = new Uint8Array(PNG_SIGNATURE);
    const error = await editImage(imageClient({ apiVersion: "2025-04-01-preview" }, GPT_IMAGE, preview), {
      image: png,
      prompt: "x",
    }).catch((e: unknown) => e);
    expect(APIError.isInstance(error)).toBe(true);
    const problem = JSON.parse((error as APIError).body ?? "{}") as { validation?: unknown[] };
    expect(problem.validation).toEqual([
      { severity: "Error", code: 415, message: "Supported content types: application/json" },
    ]);
  });
});
