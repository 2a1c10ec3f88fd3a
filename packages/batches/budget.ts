// Budget: 15 KB gzip. A browser app that builds a batch, uploads it, waits for it and reads the results.
import { BatchClient, buildBatchInput, isBatchSuccess, readBatchResults } from "@aoai/batches";
import { AzureOpenAIClient } from "@aoai/core";
import { FileClient } from "@aoai/files";

const client = new AzureOpenAIClient({ endpoint: "https://example.openai.azure.com", apiKey: "key" });
const files = new FileClient(client);
const batches = new BatchClient(client);
const input = buildBatchInput({
  endpoint: "/chat/completions",
  deployment: "gpt-4o-batch",
  requests: [{ custom_id: "q-1", body: { messages: [{ role: "user", content: "hi" }] } }],
});
const file = await files.upload({ file: input.file, purpose: "batch" });
await files.waitForProcessing(file.id);
const batch = await batches.create({ input_file_id: file.id, endpoint: input.endpoint });
const done = await batches.waitForCompletion(batch.id, {
  onProgress: (c) => console.log(c.completed, c.total),
});
for await (const line of readBatchResults(files, done)) if (isBatchSuccess(line)) console.log(line.custom_id);
