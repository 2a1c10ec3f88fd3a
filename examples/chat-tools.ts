// Tools: the model asks for a function call, we run it and send the result back, and the model
// answers with it (a full round trip).
import { ChatClient, type ChatMessage, type ChatTool } from "@aoai/chat";
import { connect } from "./connect.ts";

const { client, chatDeployment, emulated, close } = await connect();
try {
  const chat = new ChatClient(client, chatDeployment);

  const tools: ChatTool[] = [
    {
      type: "function",
      function: {
        name: "get_weather",
        description: "Current weather in a city",
        parameters: {
          type: "object",
          properties: { city: { type: "string" } },
          required: ["city"],
          additionalProperties: false,
        },
        strict: true,
      },
    },
  ];
  const functions: Record<string, (args: { city: string }) => unknown> = {
    get_weather: ({ city }) => ({ city, temperature_c: 18, sky: "cloudy" }),
  };

  const messages: ChatMessage[] = [{ role: "user", content: "What's the weather in Lisbon right now?" }];
  // The emulator decides on its own whether to call a tool; this header makes it call ours.
  const script = emulated
    ? {
        headers: {
          "x-aoai-emulator-reply": JSON.stringify({
            tool_calls: [{ function: { name: "get_weather", arguments: { city: "Lisbon" } } }],
          }),
        },
      }
    : undefined;

  const first = await chat.complete({ messages, tools, tool_choice: "auto" }, script);
  const reply = first.choices[0]!.message;
  messages.push(reply); // the assistant message with its tool_calls goes back as history

  for (const call of reply.tool_calls ?? []) {
    const args = JSON.parse(call.function.arguments) as { city: string };
    const result = functions[call.function.name]!(args);
    console.log(`tool ${call.function.name}(${call.function.arguments}) ->`, result);
    messages.push({ role: "tool", tool_call_id: call.id, content: JSON.stringify(result) });
  }

  const answer = await chat.complete({ messages, tools });
  console.log("assistant:", answer.choices[0]?.message.content);
} finally {
  await close();
}
