// Fine-tuning (the docs' Python how-to, in TypeScript): training data uploaded as JSONL, a job
// created from it and followed to completion, then its events and checkpoints.
import { APIConnectionError, APIError, RateLimitError } from "@aoai/core";
import { FileClient } from "@aoai/files";
import { FineTuningClient } from "@aoai/fine-tuning";
import { connect } from "./connect.ts";

const model = process.env.AZURE_OPENAI_FINE_TUNE_MODEL ?? "gpt-4o-mini-2024-07-18";
// Pause and resume, method and integrations need a preview API version; plain jobs work on any.
const { client, emulated, close } = await connect({ apiVersion: "2025-04-01-preview" });
// On the emulator the job runs 20 times faster than its built-in durations and the waits poll
// often; on Azure they use their defaults (10 s growing to 60 s).
const fast = emulated ? { headers: { "x-aoai-emulator-time-scale": "0.05" } } : {};
const polling = emulated ? { pollInterval: 20, maxPollInterval: 200 } : {};
try {
  const files = new FileClient(client);
  const tuning = new FineTuningClient(client);

  // At least 10 examples, in the chat format.
  const examples = Array.from({ length: 12 }, (_, i) => ({
    messages: [
      { role: "system", content: "Clippy is a factual chatbot that is also sarcastic." },
      { role: "user", content: `What is ${i} times two?` },
      { role: "assistant", content: `${i * 2}. Did you really need me for that?` },
    ],
  }));
  const jsonl = examples.map((e) => JSON.stringify(e)).join("\n");
  const uploaded = await files.upload(
    { file: new File([jsonl], "training_set.jsonl"), purpose: "fine-tune" },
    fast,
  );
  const training = await files.waitForProcessing(uploaded.id, polling);
  console.log(`training file ${training.id}: ${training.status}`);

  let job: Awaited<ReturnType<typeof tuning.create>>;
  try {
    job = await tuning.create({ model, training_file: training.id, suffix: "clippy", seed: 105 }, fast);
  } catch (error) {
    // The docs' error handling, with this SDK's classes.
    if (APIConnectionError.isInstance(error)) console.log("The server could not be reached", error.cause);
    else if (RateLimitError.isInstance(error))
      console.log("A 429 status code was received; we should back off a bit.");
    else if (APIError.isInstance(error))
      console.log("Another non-200-range status code was received", error.status);
    throw error;
  }
  console.log(`job ${job.id}: ${job.status} (request id ${job._response.requestId})`);

  let last = "";
  const done = await tuning.waitForCompletion(job.id, {
    ...polling,
    onProgress: (j) => {
      if (j.status === last) return;
      last = j.status;
      console.log(`  ${last}`);
    },
  });
  console.log(`job ${done.id}: ${done.status}, model ${done.fine_tuned_model}`);

  const events = [];
  for await (const event of tuning.listEvents(done.id)) events.push(event);
  for (const event of events.reverse()) console.log(`  event: ${event.message}`);
  const checkpoints = await tuning.listCheckpoints(done.id);
  for (const c of checkpoints.data)
    console.log(`  checkpoint at step ${c.step_number}: ${c.fine_tuned_model_checkpoint}`);
  if (done.status !== "succeeded") throw new Error(`the job ended ${done.status}`);
} finally {
  await close();
}
