// Chat only with openai: create the client, one completion, one stream.
import { AzureOpenAI } from "openai";

export async function run(endpoint: string, apiKey: string): Promise<string> {
  const client = new AzureOpenAI({ endpoint, apiKey, apiVersion: "2024-10-21", deployment: "gpt-4o-mini" });
  const messages = [{ role: "user" as const, content: "Hello" }];
  const completion = await client.chat.completions.create({ model: "gpt-4o-mini", messages });
  let text = completion.choices[0]?.message.content ?? "";
  const stream = await client.chat.completions.create({ model: "gpt-4o-mini", messages, stream: true });
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
  return text;
}
