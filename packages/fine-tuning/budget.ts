// Budget: 10 KB gzip. A browser app that creates a fine-tuning job, waits for it and lists its events.
import { AzureOpenAIClient } from "@aoai/core";
import { FineTuningClient } from "@aoai/fine-tuning";

const client = new AzureOpenAIClient({ endpoint: "https://example.openai.azure.com", apiKey: "key" });
const tuning = new FineTuningClient(client);
const job = await tuning.create({ model: "gpt-4o-mini-2024-07-18", training_file: "file-abc123" });
const done = await tuning.waitForCompletion(job.id, { onProgress: (j) => console.log(j.status) });
for await (const event of tuning.listEvents(done.id)) console.log(event.message);
