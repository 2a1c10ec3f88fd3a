// Streaming: print the text as it arrives, then the final response (status, usage).
import { ResponseClient } from "@aoai/responses";
import { connect } from "./connect.ts";

const { client, responsesDeployment, close } = await connect({ apiVersion: "v1" });
try {
  const responses = new ResponseClient(client, responsesDeployment);
  const stream = await responses.stream({ input: "Write a haiku about the sea." });
  for await (const text of stream.textDeltas()) process.stdout.write(text);
  const final = await stream.finalResponse();
  console.log(`\n(${final.status}, ${final.usage?.output_tokens} output tokens)`);
} finally {
  await close();
}
