// Typed errors: an option the API version lacks (refused before sending), and, on the emulator, a
// rate limit and a content-filter refusal it is told to answer. Every result and error carries
// the request id to quote to Azure support.

import { ChatClient } from "@aoai/chat";
import { ContentFilterError, RateLimitError, UnsupportedApiVersionError } from "@aoai/core";
import { connect } from "./connect.ts";

const { client, chatDeployment, emulated, close } = await connect({ apiVersion: "2024-10-21" });
const chat = new ChatClient(client, chatDeployment);
const messages = [{ role: "user" as const, content: "When was Microsoft founded?" }];
try {
  const completion = await chat.complete({ messages });
  console.log(completion.choices[0]?.message.content);
  console.log("request id:", completion._response.requestId);

  try {
    await chat.complete({ messages, reasoning_effort: "low" });
  } catch (error) {
    if (!UnsupportedApiVersionError.isInstance(error)) throw error;
    console.log("refused before sending:", error.message);
  }

  if (emulated) {
    try {
      // The emulator answers 429 with a two-minute retry-after: longer than the 60 s cap, so the
      // SDK throws at once instead of sleeping.
      const fault = { kind: "status", status: 429, headers: { "retry-after": "120" } };
      await chat.complete({ messages }, { headers: { "x-aoai-emulator-fault": JSON.stringify(fault) } });
    } catch (error) {
      if (!RateLimitError.isInstance(error)) throw error;
      console.log(`rate limited: retry after ${error.retryAfterMs} ms (request id ${error.requestId})`);
    }
    try {
      // Azure's content-filter 400, with the per-category results from `innererror`.
      const fault = { kind: "content-filter" };
      await chat.complete({ messages }, { headers: { "x-aoai-emulator-fault": JSON.stringify(fault) } });
    } catch (error) {
      if (!ContentFilterError.isInstance(error)) throw error;
      console.log(`content filter: ${error.filtered.join(", ")} (${error.innerCode})`);
    }
  }
} finally {
  await close();
}
