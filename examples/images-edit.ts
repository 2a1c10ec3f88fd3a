// An edit with a mask (gpt-image-1, API version 2025-04-01-preview): the transparent pixels of the
// mask mark where the model may change the image. The image here is generated first; in an app it
// is a file (a path, `fs.createReadStream`, a File or Blob in browsers).
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { editImage, ImageClient, imageBytes, saveImage } from "@aoai/images";
import { connect } from "./connect.ts";

const { client, close } = await connect({ apiVersion: "2025-04-01-preview" });
try {
  const images = new ImageClient(client, process.env.AZURE_OPENAI_IMAGE_EDIT_DEPLOYMENT ?? "gpt-image-1");

  const photo = await imageBytes(
    images,
    (await images.generate({ prompt: "A rabbit in a meadow" })).data[0]!,
  );
  const view = new DataView(photo.buffer, photo.byteOffset);
  const [width, height] = [view.getUint32(16), view.getUint32(20)]; // from the PNG's IHDR
  const mask = maskPng(width, height); // the top half may change

  const result = await editImage(images, { image: photo, mask, prompt: "Add a rainbow in the sky" });
  const path = join(tmpdir(), "rabbit-rainbow.png");
  const saved = await saveImage(images, result.data[0]!, path);
  console.log(`saved ${saved.bytes} bytes to ${saved.path}`);
  console.log("tokens:", JSON.stringify(result.usage));
} finally {
  await close();
}

/** An RGBA PNG: transparent in the top half, opaque black below. */
function maskPng(width: number, height: number): Uint8Array {
  const row = 1 + width * 4;
  const raw = new Uint8Array(row * height);
  for (let y = height / 2; y < height; y++)
    for (let x = 0; x < width; x++) raw[y * row + 1 + x * 4 + 3] = 255;
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([8, 6], 8); // 8 bits, RGBA
  const parts = [
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array(0)),
  ];
  return Buffer.concat(parts);
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}
