// A tool loop: the model calls our functions (in parallel when it asks for several), runTools
// runs them and sends their outputs back, until the model answers in text. A function that throws
// sends its error to the model instead of ending the loop.
import { ResponseClient, type ResponseFunctionTool, runTools } from "@aoai/responses";
import { connect } from "./connect.ts";

const { client, responsesDeployment, close } = await connect({ apiVersion: "v1" });
try {
  const responses = new ResponseClient(client, responsesDeployment);
  const city = {
    type: "object",
    properties: { city: { type: "string" } },
    required: ["city"],
    additionalProperties: false,
  };
  const tools: ResponseFunctionTool[] = [
    {
      type: "function",
      name: "get_weather",
      description: "Current weather in a city",
      parameters: city,
      strict: true,
    },
    {
      type: "function",
      name: "get_time",
      description: "Local time in a city",
      parameters: city,
      strict: true,
    },
  ];
  const { response, steps } = await runTools(
    responses,
    { input: "What's the weather and the time in Lisbon?", tools },
    {
      get_weather: ({ city }: { city: string }) => ({ city, temperature_c: 18, sky: "cloudy" }),
      get_time: () => {
        throw new Error("the time service is down");
      },
    },
    {
      maxSteps: 5,
      onStep: (step) =>
        console.log(
          `step: ${step.output.map((item) => (item.type === "function_call" ? `${item.name}(${item.arguments})` : item.type)).join(", ")}`,
        ),
    },
  );
  console.log(response.output_text);
  console.log(`(${steps.length} responses)`);
} finally {
  await close();
}
