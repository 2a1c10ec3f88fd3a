// Structured output with a zod schema: zod 4 makes the JSON schema for text.format, and the same
// schema validates the answer (any Standard Schema validator works: valibot, arktype…). A refusal
// comes back as `refusal`, not as a parse error.
import { jsonSchemaFormat, parseResponse, ResponseClient } from "@aoai/responses";
import { z } from "zod";
import { connect } from "./connect.ts";

const { client, responsesDeployment, close } = await connect({ apiVersion: "v1" });
try {
  const responses = new ResponseClient(client, responsesDeployment);
  const CalendarEvent = z.object({
    name: z.string(),
    date: z.string(),
    participants: z.array(z.string()),
  });
  const result = await parseResponse(
    responses,
    {
      instructions: "Extract the event information.",
      input: "Alice and Bob are going to a science fair on Friday.",
      text: jsonSchemaFormat("calendar_event", z.toJSONSchema(CalendarEvent) as Record<string, unknown>),
    },
    CalendarEvent,
  );
  if (result.refusal) console.log(`refused: ${result.refusal}`);
  else console.log(result.output_parsed?.name, result.output_parsed?.participants);
} finally {
  await close();
}
