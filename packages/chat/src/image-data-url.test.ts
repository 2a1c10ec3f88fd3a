import { expect, it } from "vitest";
import { imageDataUrl } from "./image-data-url.js";

it("base64-encodes bytes as a data URL, like Buffer does", () => {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255, 128]);
  expect(imageDataUrl(bytes, "image/png")).toBe(
    `data:image/png;base64,${Buffer.from(bytes).toString("base64")}`,
  );
});

it("handles large images (more than one chunk) and empty input", () => {
  const big = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
  expect(imageDataUrl(big, "image/jpeg")).toBe(
    `data:image/jpeg;base64,${Buffer.from(big).toString("base64")}`,
  );
  expect(imageDataUrl(new Uint8Array(), "image/gif")).toBe("data:image/gif;base64,");
});
