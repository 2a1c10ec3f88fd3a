// Budget: 8.25 KB gzip. The smallest useful app: one JSON request through core's kit.
import { AzureOpenAIClient } from "@aoai/core";
import { json, send } from "@aoai/core/internal";

const client = new AzureOpenAIClient({ endpoint: "https://example.openai.azure.com", apiKey: "key" });
const result = await send(
  client,
  { path: "chat/completions", deployment: "gpt-4o", body: { messages: [] } },
  json(),
);
console.log(result);
