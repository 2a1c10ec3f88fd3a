// Budget: 13 KB gzip. A browser app that only streams a response.
import { AzureOpenAIClient } from "@aoai/core";
import { ResponseClient } from "@aoai/responses";

const client = new AzureOpenAIClient({
  endpoint: "https://example.openai.azure.com",
  apiKey: "key",
  apiVersion: "v1",
});
const responses = new ResponseClient(client, "gpt-4.1");
const stream = await responses.stream({ input: "hi" });
for await (const text of stream.textDeltas()) console.log(text);
console.log((await stream.finalResponse()).output_text);
