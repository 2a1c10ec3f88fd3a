// A voice turn with a function call: the model asks for get_weather, we run it and answer with one
// call (the output item and a new response), and the model speaks the answer.
import { AudioClient, createSpeech } from "@aoai/audio";
import { fromWav, RealtimeClient } from "@aoai/realtime";
import { connect } from "./connect.ts";

const realtimeDeployment = process.env.AZURE_OPENAI_REALTIME_DEPLOYMENT ?? "gpt-realtime-mini";
const ttsDeployment = process.env.AZURE_OPENAI_TTS_DEPLOYMENT ?? "tts";

const functions: Record<string, (args: { city: string }) => unknown> = {
  get_weather: ({ city }) => ({ city, temperature_c: 18, sky: "cloudy" }),
};

const { client, close } = await connect({ apiVersion: "preview" });
try {
  const speech = await createSpeech(new AudioClient(client, ttsDeployment), {
    input: "What's the weather in Lisbon right now?",
    voice: "alloy",
    response_format: "wav",
  });
  const { samples } = fromWav(await speech.bytes());

  const session = await new RealtimeClient(client, realtimeDeployment).connect({
    session: {
      type: "realtime",
      audio: { input: { turn_detection: null } },
      tools: [
        {
          type: "function",
          name: "get_weather",
          description: "Current weather in a city",
          parameters: {
            type: "object",
            properties: { city: { type: "string" } },
            required: ["city"],
          },
        },
      ],
    },
  });
  try {
    await session.appendAudio(samples);
    await session.send({ type: "input_audio_buffer.commit" });
    await session.send({ type: "response.create" });
    const first = await session.response().done();
    if (first.functionCalls.length === 0) throw new Error("expected a function call");
    for (const call of first.functionCalls) {
      const args = JSON.parse(call.arguments) as { city: string };
      const output = functions[call.name]?.(args) ?? { error: `no function ${call.name}` };
      console.log(`${call.name}(${call.arguments}) -> ${JSON.stringify(output)}`);
      await session.answerFunctionCall(call.call_id, output);
    }
    const answer = await session.response().done();
    console.log(`answer: ${answer.transcript}`);
  } finally {
    await session.close();
  }
} finally {
  await close();
}
