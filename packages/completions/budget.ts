// Budget: 11.75 KB gzip. A browser app that only uses completions: complete and stream.
import { CompletionClient } from "@aoai/completions";
import { AzureOpenAIClient } from "@aoai/core";

const client = new AzureOpenAIClient({ endpoint: "https://example.openai.azure.com", apiKey: "key" });
const completions = new CompletionClient(client, "gpt-35-turbo-instruct");
const c = await completions.complete({ prompt: "Hello World!", max_tokens: 100 });
console.log(c.choices[0]?.text);
const s = await completions.stream({ prompt: "Hello World!", max_tokens: 100 });
for await (const t of s.textDeltas()) console.log(t);
console.log(await s.finalCompletion());
