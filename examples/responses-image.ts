// The image_generation tool: Azure needs the image model's deployment in a header, which the
// client's imageGenerationDeployment option sets; the images come back as bytes, saved here.
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { imagesOf, ResponseClient } from "@aoai/responses";
import { connect } from "./connect.ts";

const { client, responsesDeployment, close } = await connect({ apiVersion: "v1" });
try {
  const responses = new ResponseClient(client, responsesDeployment, {
    imageGenerationDeployment: process.env.AZURE_OPENAI_IMAGE_DEPLOYMENT ?? "gpt-image-1",
  });
  const response = await responses.create({
    input: "Draw a small red lighthouse on a cliff.",
    tools: [{ type: "image_generation", quality: "low", size: "1024x1024" }],
  });
  const [image] = imagesOf(response);
  if (!image) throw new Error("no image came back");
  const file = join(tmpdir(), `lighthouse-${response.id}.png`);
  await writeFile(file, image);
  console.log(`saved ${image.byteLength} bytes to ${file}`);
} finally {
  await close();
}
