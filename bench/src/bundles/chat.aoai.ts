// Chat only with @aoai: create the client, one completion, one stream.
import { ChatClient } from "@aoai/chat";
import { AzureOpenAIClient } from "@aoai/core";

export async function run(endpoint: string, apiKey: string): Promise<string> {
  const chat = new ChatClient(new AzureOpenAIClient({ endpoint, apiKey }), "gpt-4o-mini");
  const messages = [{ role: "user" as const, content: "Hello" }];
  const completion = await chat.complete({ messages });
  let text = completion.choices[0]?.message.content ?? "";
  const stream = await chat.stream({ messages });
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
  return text;
}
