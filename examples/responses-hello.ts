// Hello, Responses API: one response, then a second turn that continues the stored conversation
// with previous_response_id (on the v1 API, the deployment is sent as `model`).
import { ResponseClient } from "@aoai/responses";
import { connect } from "./connect.ts";

const { client, responsesDeployment, close } = await connect({ apiVersion: "v1" });
try {
  const responses = new ResponseClient(client, responsesDeployment);
  const first = await responses.create({
    instructions: "You are a helpful assistant. Answer in one sentence.",
    input: "When was Microsoft founded?",
  });
  console.log(first.output_text);
  console.log(
    `(id ${first.id}, ${first.usage?.total_tokens} tokens, request id ${first._response.requestId})`,
  );

  const second = await responses.create({ input: "And who founded it?", previous_response_id: first.id });
  console.log(second.output_text);
  await responses.delete(first.id);
  await responses.delete(second.id);
} finally {
  await close();
}
