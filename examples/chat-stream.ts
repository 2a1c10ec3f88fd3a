// Streaming (.NET: `CompleteChatStreaming`): print the text as it arrives, then the accumulated
// completion with usage. Also shows how a server route would return the stream as NDJSON.
import { ChatClient, readChatStream } from "@aoai/chat";
import { connect } from "./connect.ts";

// stream_options needs a preview API version (or v1); the GA 2024-10-21 spec lacks it.
const { client, chatDeployment, close } = await connect({ apiVersion: "2025-04-01-preview" });
try {
  const chat = new ChatClient(client, chatDeployment);
  const messages = [
    { role: "system", content: "You are a helpful assistant that talks like a pirate." },
    { role: "user", content: "What's the best way to train a parrot?" },
  ] as const;

  const stream = await chat.stream({ messages: [...messages], stream_options: { include_usage: true } });
  for await (const text of stream.textDeltas()) process.stdout.write(text);
  const final = await stream.finalCompletion(); // everything accumulated: content, usage, filters
  console.log(`\n\nfinish: ${final.choices[0]?.finish_reason} | tokens: ${final.usage?.total_tokens}`);

  // In a server route: `return new Response(stream.toReadableStream(), { headers: NDJSON })`;
  // in the browser: `readChatStream(response.body)`. Here both ends run in one process.
  const routed = await chat.stream({ messages: [...messages] });
  const response = new Response(routed.toReadableStream(), {
    headers: { "content-type": "application/x-ndjson" },
  });
  const received = readChatStream(response.body!);
  console.log(
    "via NDJSON:",
    (await received.finalCompletion()).choices[0]?.message.content?.slice(0, 60),
    "…",
  );
} finally {
  await close();
}
