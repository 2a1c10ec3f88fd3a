// Budget: 16.25 KB gzip. A browser app that chats through a router of two targets.
import { ChatClient } from "@aoai/chat";
import { AzureOpenAIRouter } from "@aoai/router";

const router = new AzureOpenAIRouter({
  pools: {
    "gpt-4o": [
      { endpoint: "https://a.openai.azure.com", deployment: "gpt-4o", apiKey: "key", priority: 1 },
      { endpoint: "https://b.openai.azure.com", deployment: "gpt-4o", apiKey: "key", priority: 2 },
    ],
  },
});
const chat = new ChatClient(router, "gpt-4o");
const c = await chat.complete({ messages: [{ role: "user", content: "hi" }] });
console.log(c.choices[0]?.message.content);
const s = await chat.stream({ messages: [{ role: "user", content: "hi" }] });
for await (const t of s.textDeltas()) console.log(t);
