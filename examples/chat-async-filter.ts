// Asynchronous Filter: with this content-filter setting on a deployment, text streams before the
// filter has checked it, and annotation chunks trail it, each naming the characters its results
// cover. Show the text as it arrives and hide what an annotation flags. On Azure the deployment's
// filter decides the mode; on the emulator a scripted reply asks for it (and for a flagged ending).
import { ChatClient } from "@aoai/chat";
import { REPLY_HEADER } from "@aoai/emulator";
import { connect } from "./connect.ts";

const { client, chatDeployment, emulated, close } = await connect();
try {
  const chat = new ChatClient(client, chatDeployment);
  const scripted = {
    content: "The duel began at dawn. Both knights drew their swords and the fight turned grim.",
    finish_reason: "content_filter",
    content_filter_mode: "asynchronous",
  };
  const stream = await chat.stream(
    { messages: [{ role: "user", content: "Tell me a short story about a duel." }] },
    emulated ? { headers: { [REPLY_HEADER]: JSON.stringify(scripted) } } : {},
  );

  let text = "";
  const flagged: [number, number][] = [];
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    text += choice?.delta?.content ?? "";
    const offsets = choice?.content_filter_offsets;
    const results = Object.values(choice?.content_filter_results ?? {});
    if (offsets && results.some((r) => (r as { filtered?: boolean } | undefined)?.filtered === true))
      flagged.push([offsets.start_offset, offsets.end_offset]);
  }
  // A UI would replace what it already showed; here the text is printed once, flagged parts hidden.
  let shown = text;
  for (const [start, end] of flagged)
    shown = shown.slice(0, start) + "█".repeat(end - start) + shown.slice(end);
  console.log(shown);

  const final = await stream.finalCompletion();
  const choice = final.choices[0];
  console.log(
    `finish: ${choice?.finish_reason} | flagged ranges: ${JSON.stringify(flagged)} | last offsets: ${JSON.stringify(choice?.content_filter_offsets)}`,
  );
} finally {
  await close();
}
