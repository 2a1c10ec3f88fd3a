// Budget: 10.75 KB gzip. A browser app that only generates images.
import { AzureOpenAIClient } from "@aoai/core";
import { ImageClient, imageBytes } from "@aoai/images";

const client = new AzureOpenAIClient({ endpoint: "https://example.openai.azure.com", apiKey: "key" });
const images = new ImageClient(client, "dall-e-3");
const result = await images.generate({ prompt: "A rabbit eating pancakes", size: "1792x1024" });
const bytes = await imageBytes(images, result.data[0]!);
const img = document.createElement("img");
img.src = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "image/png" }));
document.body.append(img);
