// A streamed legacy completion: print the text as it arrives, then the accumulated completion with
// its finish reason and usage. Also shows how a server route would return the stream as NDJSON.
import { CompletionClient, readCompletionStream } from "@aoai/completions";
import { connect } from "./connect.ts";

// stream_options (usage in the last chunk) needs 2024-09-01-preview or later, 2024-10-21 or v1.
const { client, close } = await connect({ apiVersion: "2024-10-21" });
try {
  const deployment = process.env.AZURE_OPENAI_COMPLETIONS_DEPLOYMENT ?? "gpt-35-turbo-instruct";
  const completions = new CompletionClient(client, deployment);
  const request = { prompt: "Write a tagline for an ice cream shop.", max_tokens: 100, temperature: 0 };

  const stream = await completions.stream({ ...request, stream_options: { include_usage: true } });
  for await (const text of stream.textDeltas()) process.stdout.write(text);
  const final = await stream.finalCompletion(); // text, finish reason, filter results, usage
  console.log(`\n\nfinish: ${final.choices[0]?.finish_reason} | tokens: ${final.usage?.total_tokens}`);

  // In a server route: `return new Response(stream.toReadableStream(), { headers: NDJSON })`;
  // in the browser: `readCompletionStream(response.body)`. Here both ends run in one process.
  const routed = await completions.stream(request);
  const response = new Response(routed.toReadableStream(), {
    headers: { "content-type": "application/x-ndjson" },
  });
  const received = readCompletionStream(response.body!);
  console.log("via NDJSON:", (await received.finalCompletion()).choices[0]?.text.slice(0, 60), "…");
} finally {
  await close();
}
