// Microsoft Entra ID instead of an API key. Against Azure (AZURE_OPENAI_ENDPOINT set) this uses
// `DefaultAzureCredential` from @azure/identity (az login, managed identity, workload identity…).
// Against the local emulator there is no Entra tenant to ask, so it uses a `tokenProvider` (a
// function returning a bearer token) instead; the client sends `Authorization: Bearer …` either way.
import { ChatClient } from "@aoai/chat";
import { AzureOpenAIClient } from "@aoai/core";
import { connect } from "./connect.ts";

const endpoint = process.env.AZURE_OPENAI_ENDPOINT;
const { client: emulatorClient, chatDeployment, close } = await connect();
try {
  let client: AzureOpenAIClient;
  if (endpoint) {
    const { DefaultAzureCredential } = await import("@azure/identity");
    client = new AzureOpenAIClient({ endpoint, credential: new DefaultAzureCredential() });
  } else {
    // The emulator accepts any bearer token.
    client = new AzureOpenAIClient({
      endpoint: emulatorClient.endpoint,
      tokenProvider: () => "emulator-token",
    });
  }

  const chat = new ChatClient(client, chatDeployment);
  const completion = await chat.complete({
    messages: [{ role: "user", content: "Say hello, pirate style." }],
  });
  console.log(completion.choices[0]?.message.content);
} finally {
  await close();
}
