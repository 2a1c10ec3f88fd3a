// A `url` result (DALL-E 3's default): the image sits on a temporary storage link, downloaded with
// a plain fetch that sends no api-key or token there (it is another origin).
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ImageClient, imageBytes } from "@aoai/images";
import { connect } from "./connect.ts";

const { client, close } = await connect();
try {
  const images = new ImageClient(client, process.env.AZURE_OPENAI_IMAGE_DEPLOYMENT ?? "dall-e-3");

  const result = await images.generate({ prompt: "A lighthouse at dusk, watercolour", size: "1024x1792" });
  const image = result.data[0]!;
  console.log("url host:", new URL(image.url!).host); // the link itself is a secret: do not log it

  // A Uint8Array, downloaded through the client's pipeline (its timeouts and retries).
  const bytes = await imageBytes(images, image, { timeout: 60_000 });
  const path = join(tmpdir(), "lighthouse.png");
  await writeFile(path, bytes);
  console.log(`downloaded ${bytes.byteLength} bytes to ${path}`);
} finally {
  await close();
}
