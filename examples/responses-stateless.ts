// Stateless multi-turn (store: false, nothing kept on the service): ask for the reasoning's
// encrypted content and send each response's output back with the next input. toInputItems()
// leaves out the ids of items that were never stored (Azure answers 400 "Item with id 'rs_…' not
// found" for them) and keeps the encrypted reasoning.
import { ResponseClient, type ResponseInputItem, toInputItems } from "@aoai/responses";
import { connect } from "./connect.ts";

const { client, reasoningDeployment, close } = await connect({ apiVersion: "v1" });
try {
  const responses = new ResponseClient(client, reasoningDeployment);
  const stateless = {
    store: false,
    include: ["reasoning.encrypted_content" as const],
    reasoning: { effort: "low" as const },
  };
  let input: ResponseInputItem[] = [
    { role: "user", content: "Pick a number between 1 and 10, and tell me." },
  ];
  for (const next of ["Double it.", "Now subtract three."]) {
    const response = await responses.create({ ...stateless, input });
    console.log(`> ${response.output_text}`);
    input = [...input, ...toInputItems(response), { role: "user", content: next }];
  }
  const last = await responses.create({ ...stateless, input });
  console.log(`> ${last.output_text}`);
  console.log(`(${input.length} items sent in the last turn, none with an id)`);
} finally {
  await close();
}
