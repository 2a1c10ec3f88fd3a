// Core on its own: one request, its request id, and typed errors (an operation the API version
// lacks, and, on the emulator, a rate limit and a content-filter refusal it is told to answer).
import { ContentFilterError, RateLimitError, UnsupportedApiVersionError } from "@aoai/core";
import { connect } from "./connect.ts";

const { client, chatDeployment, emulated, close } = await connect();
try {
  const completion = await client.json<{ choices: { message: { content: string } }[] }>({
    path: "chat/completions",
    deployment: chatDeployment,
    body: { messages: [{ role: "user", content: "When was Microsoft founded?" }] },
  });
  console.log(completion.choices[0]?.message.content);
  console.log("request id:", completion._response.requestId);

  try {
    await client.json({ path: "audio/speech", deployment: "tts", body: { input: "hi", voice: "alloy" } });
  } catch (error) {
    if (!UnsupportedApiVersionError.isInstance(error)) throw error;
    console.log("refused before sending:", error.message);
  }

  if (emulated) {
    try {
      // The emulator answers 429 with a two-minute retry-after: longer than the 60 s cap, so the
      // SDK throws at once instead of sleeping.
      await client.json({
        path: "chat/completions",
        deployment: chatDeployment,
        body: { messages: [{ role: "user", content: "hi" }] },
        options: {
          headers: {
            "x-aoai-emulator-fault": JSON.stringify({
              kind: "status",
              status: 429,
              headers: { "retry-after": "120" },
            }),
          },
        },
      });
    } catch (error) {
      if (!RateLimitError.isInstance(error)) throw error;
      console.log(`rate limited: retry after ${error.retryAfterMs} ms (request id ${error.requestId})`);
    }
    try {
      // Azure's content-filter 400, with the per-category results from `innererror`.
      await client.json({
        path: "chat/completions",
        deployment: chatDeployment,
        body: { messages: [{ role: "user", content: "hi" }] },
        options: { headers: { "x-aoai-emulator-fault": JSON.stringify({ kind: "content-filter" }) } },
      });
    } catch (error) {
      if (!ContentFilterError.isInstance(error)) throw error;
      console.log(`content filter: ${error.filtered.join(", ")} (${error.innerCode})`);
    }
  }
} finally {
  await close();
}
