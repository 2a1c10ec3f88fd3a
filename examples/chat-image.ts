// Image input: one image by URL and one from bytes as a data URL (imageDataUrl works in browsers
// too: no Buffer), with `detail`.
import { ChatClient, imageDataUrl } from "@aoai/chat";
import { connect } from "./connect.ts";

const { client, chatDeployment, close } = await connect();
try {
  const chat = new ChatClient(client, chatDeployment);
  // A 1x1 PNG; in an app, the bytes of a file (`await file.bytes()`, `readFile(...)`).
  const png = Uint8Array.from(
    atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
    (c) => c.charCodeAt(0),
  );

  const completion = await chat.complete({
    messages: [
      { role: "system", content: "You are a helpful assistant that describes images." },
      {
        role: "user",
        content: [
          { type: "text", text: "What is in these two images?" },
          {
            type: "image_url",
            image_url: {
              url: "https://upload.wikimedia.org/wikipedia/commons/3/3a/Cat03.jpg",
              detail: "low",
            },
          },
          { type: "image_url", image_url: { url: imageDataUrl(png, "image/png"), detail: "high" } },
        ],
      },
    ],
    max_tokens: 300,
  });
  console.log(completion.choices[0]?.message.content);
} finally {
  await close();
}
