// The docs' image (.NET: `azureClient.GetImageClient("dall-e-3")` then `GenerateImage(prompt,
// options)` with 1792x1024, HD, vivid, bytes): the image comes back as base64 and is saved to a file.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ImageClient, saveImage } from "@aoai/images";
import { connect } from "./connect.ts";

const { client, close } = await connect();
try {
  const images = new ImageClient(client, process.env.AZURE_OPENAI_IMAGE_DEPLOYMENT ?? "dall-e-3");

  const result = await images.generate({
    prompt: "A rabbit eating pancakes",
    size: "1792x1024",
    quality: "hd",
    style: "vivid",
    response_format: "b64_json", // the bytes in the answer (.NET: GeneratedImageFormat.Bytes)
  });
  const image = result.data[0]!;

  const path = join(tmpdir(), "rabbit.png");
  const saved = await saveImage(images, image, path);
  console.log(`saved ${saved.bytes} bytes (${saved.contentType}) to ${saved.path}`);
  console.log("revised prompt:", image.revised_prompt);
  console.log("prompt filter:", JSON.stringify(image.prompt_filter_results));
  console.log("request id:", result._response.requestId);
} finally {
  await close();
}
