// Budget: 12.75 KB gzip. A browser app that uploads a file, waits for it and lists files.
import { AzureOpenAIClient } from "@aoai/core";
import { FileClient } from "@aoai/files";

const client = new AzureOpenAIClient({ endpoint: "https://example.openai.azure.com", apiKey: "key" });
const files = new FileClient(client);
const file = await files.upload({ file: new File(["{}\n"], "input.jsonl"), purpose: "batch" });
await files.waitForProcessing(file.id);
for await (const f of files.list({ purpose: "batch" })) console.log(f.id, f.status);
