// Budget: 12.25 KB gzip. A browser app that chats: complete and stream.
import { ChatClient } from "@aoai/chat";
import { AzureOpenAIClient } from "@aoai/core";

const client = new AzureOpenAIClient({ endpoint: "https://example.openai.azure.com", apiKey: "key" });
const chat = new ChatClient(client, "gpt-4o");
const c = await chat.complete({ messages: [{ role: "user", content: "hi" }] });
console.log(c.choices[0]?.message.content);
const s = await chat.stream({ messages: [{ role: "user", content: "hi" }] });
for await (const t of s.textDeltas()) console.log(t);
console.log(await s.finalCompletion());
