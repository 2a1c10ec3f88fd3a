// Structured outputs: `response_format: json_schema` with `strict: true` makes the reply follow a
// JSON Schema. It needs API version 2024-08-01-preview or later (2024-10-21 GA has it too); this
// example uses the latest preview.
import { ChatClient } from "@aoai/chat";
import { connect } from "./connect.ts";

interface Parrot {
  name: string;
  species: string;
  tricks: string[];
}

const { client, chatDeployment, close } = await connect({ apiVersion: "2025-04-01-preview" });
try {
  const chat = new ChatClient(client, chatDeployment);
  const completion = await chat.complete({
    messages: [
      { role: "system", content: "Extract the parrot described by the user." },
      {
        role: "user",
        content: "Captain Flint is a green-winged macaw who can whistle and say 'pieces of eight'.",
      },
    ],
    response_format: {
      type: "json_schema",
      json_schema: {
        name: "parrot",
        strict: true,
        schema: {
          type: "object",
          properties: {
            name: { type: "string" },
            species: { type: "string" },
            tricks: { type: "array", items: { type: "string" } },
          },
          required: ["name", "species", "tricks"],
          additionalProperties: false,
        },
      },
    },
  });

  const message = completion.choices[0]!.message;
  if (message.refusal) {
    console.log("refused:", message.refusal);
  } else {
    const parrot = JSON.parse(message.content!) as Parrot;
    console.log(parrot);
  }
} finally {
  await close();
}
