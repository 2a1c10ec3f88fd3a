// The docs' pirate conversation (.NET: `azureClient.GetChatClient("my-gpt-4o-deployment")` then
// `CompleteChat([...])`): system, user, assistant history, and the new user question.
import { ChatClient } from "@aoai/chat";
import { connect } from "./connect.ts";

const { client, chatDeployment, close } = await connect();
try {
  const chat = new ChatClient(client, chatDeployment);

  const completion = await chat.complete({
    messages: [
      // System messages represent instructions or other guidance about how the assistant should behave.
      { role: "system", content: "You are a helpful assistant that talks like a pirate." },
      // User messages represent user input, whether historical or the most recent input.
      { role: "user", content: "Hi, can you help me?" },
      // Assistant messages in a request represent conversation history for responses.
      { role: "assistant", content: "Arrr! Of course, me hearty! What can I do for ye?" },
      { role: "user", content: "What's the best way to train a parrot?" },
    ],
    max_tokens: 200,
  });

  const choice = completion.choices[0]!;
  console.log(`${choice.message.role}: ${choice.message.content}`);
  console.log(
    "finish:",
    choice.finish_reason,
    "| tokens:",
    completion.usage?.total_tokens,
    "| request id:",
    completion._response.requestId,
  );
} finally {
  await close();
}
