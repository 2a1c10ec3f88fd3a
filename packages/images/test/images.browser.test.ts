import { AzureOpenAIClient, ContentFilterError } from "@aoai/core";
import { expect, inject, it } from "vitest";
import { editImage, type GeneratedImage, ImageClient, imageBytes } from "../src/index.js";

// Runs in headless Chromium: core's fetch transport, no Node APIs.
const images = (deployment = "dall-e-3", apiVersion?: string) =>
  new ImageClient(
    new AzureOpenAIClient({
      endpoint: inject("emulatorUrl"),
      apiKey: inject("emulatorApiKey"),
      maxRetries: 0,
      apiVersion,
    }),
    deployment,
  );

/** Shows the image on the page from its bytes (a Blob URL) and waits until the browser decoded it. */
async function show(image: GeneratedImage, type = "image/png"): Promise<HTMLImageElement> {
  const bytes = await imageBytes(images(), image);
  const img = document.createElement("img");
  img.src = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  document.body.append(img);
  await img.decode();
  return img;
}

it("generates the docs' rabbit and shows it from b64_json bytes", async () => {
  expect(typeof window).toBe("object");
  const r = await images().generate({
    prompt: "A rabbit eating pancakes",
    size: "1792x1024",
    quality: "hd",
    style: "vivid",
    response_format: "b64_json",
  });
  const img = await show(r.data[0]!);
  expect([img.naturalWidth, img.naturalHeight]).toEqual([112, 64]);
});

it("downloads a url result across origins (CORS, no credentials) and shows it", async () => {
  const r = await images().generate({ prompt: "A lighthouse", size: "1024x1792" });
  expect(r.data[0]!.url).toMatch(/^http:/);
  const img = await show(r.data[0]!);
  expect([img.naturalWidth, img.naturalHeight]).toEqual([64, 112]);
});

it("decodes the emulator's JPEG output", async () => {
  const r = await images("gpt-image-1", "2025-04-01-preview").generate({
    prompt: "A fox",
    size: "1536x1024",
    output_format: "jpeg",
  });
  const img = await show(r.data[0]!, "image/jpeg");
  expect([img.naturalWidth, img.naturalHeight]).toEqual([96, 64]);
});

it("edits an image uploaded as a Blob, with a mask, and shows the result", async () => {
  const gpt = images("gpt-image-1", "2025-04-01-preview");
  const base = await imageBytes(gpt, (await gpt.generate({ prompt: "A photo" })).data[0]!);
  const file = new Blob([base as BlobPart], { type: "image/png" });
  const r = await editImage(gpt, { image: file, mask: file, prompt: "Add a hat" });
  const img = await show(r.data[0]!);
  expect(img.naturalWidth).toBeGreaterThan(0);
  expect(r.usage?.total_tokens).toBeGreaterThan(0);
});

it("throws ContentFilterError for a filtered prompt", async () => {
  const error = await images()
    .generate(
      { prompt: "x" },
      { headers: { "x-aoai-emulator-fault": JSON.stringify({ kind: "content-filter", id: "browser" }) } },
    )
    .catch((e: unknown) => e);
  expect(ContentFilterError.isInstance(error)).toBe(true);
});
