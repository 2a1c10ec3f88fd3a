// Legacy completions, as in the Go, Java, JavaScript and Python docs: "What is Azure OpenAI, in 20
// words or less" on a gpt-35-turbo-instruct deployment (AZURE_OPENAI_COMPLETIONS_DEPLOYMENT).
import { CompletionClient } from "@aoai/completions";
import { connect } from "./connect.ts";

const { client, close } = await connect();
try {
  const deployment = process.env.AZURE_OPENAI_COMPLETIONS_DEPLOYMENT ?? "gpt-35-turbo-instruct";
  const completions = new CompletionClient(client, deployment);
  const result = await completions.complete({
    prompt: ["What is Azure OpenAI, in 20 words or less"],
    max_tokens: 2048,
    temperature: 0,
  });
  for (const choice of result.choices) console.log(`Result: ${choice.text}`);
  console.log(`tokens: ${result.usage?.total_tokens} | request id: ${result._response.requestId}`);
} finally {
  await close();
}
