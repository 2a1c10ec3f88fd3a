// Global batch (the docs' Python how-to, in TypeScript): 100 chat requests built into a JSONL file,
// uploaded, run as a batch, waited for with progress, and read back by custom_id.
import {
  type BatchChatCompletion,
  BatchClient,
  buildBatchInput,
  isBatchSuccess,
  readBatchResults,
} from "@aoai/batches";
import { FileClient } from "@aoai/files";
import { connect } from "./connect.ts";

const deployment = process.env.AZURE_OPENAI_BATCH_DEPLOYMENT ?? "gpt-4o-batch";
const { client, emulated, close } = await connect();
// On the emulator, each created resource runs 50 times faster than its built-in durations, and the
// waits poll often; on Azure the waits use their defaults (5 s growing to 60 s).
const fast = emulated ? { headers: { "x-aoai-emulator-time-scale": "0.02" } } : {};
const polling = emulated ? { pollInterval: 20, maxPollInterval: 100 } : {};
try {
  const files = new FileClient(client);
  const batches = new BatchClient(client);

  const input = buildBatchInput({
    endpoint: "/chat/completions",
    deployment,
    requests: Array.from({ length: 100 }, (_, i) => ({
      custom_id: `task-${i}`,
      body: {
        messages: [
          { role: "system" as const, content: "You are an AI assistant that helps people find information." },
          { role: "user" as const, content: `Give me one fact about the number ${i}.` },
        ],
        max_tokens: 100,
      },
    })),
  });
  console.log(`input: ${input.lines} requests, ${input.bytes} bytes`);

  const uploaded = await files.upload({ file: input.file, purpose: "batch" }, fast);
  console.log(`uploaded ${uploaded.id}: ${uploaded.status}`);
  const file = await files.waitForProcessing(uploaded.id, polling);
  console.log(`file ${file.id}: ${file.status}`);

  const batch = await batches.create({ input_file_id: file.id, endpoint: input.endpoint }, fast);
  console.log(`batch ${batch.id}: ${batch.status} (request id ${batch._response.requestId})`);
  let shown = -1;
  const done = await batches.waitForCompletion(batch.id, {
    ...polling,
    onProgress: ({ completed, failed, total }, b) => {
      if (completed + failed === shown) return;
      shown = completed + failed;
      console.log(`  ${b.status}: ${completed} done, ${failed} failed of ${total}`);
    },
  });
  console.log(`batch ${done.id}: ${done.status}`);

  const answers = new Map<string, string>();
  let failures = 0;
  for await (const line of readBatchResults<BatchChatCompletion>(files, done)) {
    if (isBatchSuccess(line))
      answers.set(line.custom_id, line.response.body.choices[0]?.message.content ?? "");
    else failures++;
  }
  console.log(`read back ${answers.size} answers, ${failures} failures`);
  console.log("task-42:", answers.get("task-42"));
  if (answers.size + failures !== 100) throw new Error("some results are missing");
} finally {
  await close();
}
