// The Python docs' legacy completion: "Hello World!" with max_tokens 100 and temperature 0, printed
// as JSON (Azure's prompt_filter_results and per-choice content_filter_results included).
import { CompletionClient } from "@aoai/completions";
import { connect } from "./connect.ts";

const { client, close } = await connect();
try {
  const deployment = process.env.AZURE_OPENAI_COMPLETIONS_DEPLOYMENT ?? "gpt-35-turbo-instruct";
  const completions = new CompletionClient(client, deployment);
  const legacyCompletion = await completions.complete({
    prompt: "Hello World!",
    max_tokens: 100,
    temperature: 0,
  });
  console.log(JSON.stringify(legacyCompletion, null, 2)); // `_response` stays out of the JSON
} finally {
  await close();
}
