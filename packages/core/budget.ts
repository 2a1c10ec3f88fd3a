// The smallest useful app: one JSON request through core.
import { AzureOpenAIClient } from "@aoai/core";

const client = new AzureOpenAIClient({ endpoint: "https://example.openai.azure.com", apiKey: "key" });
const result = await client.json({ path: "chat/completions", deployment: "gpt-4o", body: { messages: [] } });
console.log(result);
