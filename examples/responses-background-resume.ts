// Background mode: a long response runs on the service; its stream resumes by itself when the
// connection drops (from the last sequence_number read, nothing lost or repeated). On the
// emulator a fault cuts the first connection after a few events; on Azure, pull the network cable.
import { ResponseClient, waitForResponse } from "@aoai/responses";
import { connect } from "./connect.ts";

const { client, responsesDeployment, emulated, close } = await connect({ apiVersion: "v1" });
try {
  const responses = new ResponseClient(client, responsesDeployment);
  const drop = emulated
    ? {
        headers: {
          "x-aoai-emulator-fault": JSON.stringify({ kind: "reset-mid-stream", after_chunks: 6, times: 1 }),
        },
      }
    : {};
  const stream = await responses.stream(
    { input: "Tell me a long story about a lighthouse.", background: true },
    { ...drop, onResume: (after) => console.log(`\n[connection dropped: resuming after event ${after}]`) },
  );
  const seen: number[] = [];
  for await (const event of stream) {
    seen.push(event.sequence_number);
    if (event.type === "response.output_text.delta") process.stdout.write(event.delta);
  }
  const final = await stream.finalResponse();
  const gapless = seen.every((n, i) => n === i);
  console.log(`\n(${final.status}; ${seen.length} events, ${gapless ? "none lost or repeated" : "GAP"})`);
  if (!gapless) process.exitCode = 1;

  // Or without streaming: create it, and wait.
  const queued = await responses.create({
    input: "Summarize the story in one line.",
    background: true,
    previous_response_id: final.id,
  });
  const done = await waitForResponse(responses, queued.id, { pollInterval: 200 });
  console.log(`${done.status}: ${done.output_text}`);
} finally {
  await close();
}
