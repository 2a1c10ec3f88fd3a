// Where the examples connect: a real Azure OpenAI resource when AZURE_OPENAI_ENDPOINT is set
// (with AZURE_OPENAI_API_KEY, or else DefaultAzureCredential), otherwise a local emulator
// started on 127.0.0.1 for the duration of the example.
import { AzureOpenAIClient } from "@aoai/core";
import { DEFAULT_API_KEY, startEmulator } from "@aoai/emulator";

export interface Connection {
  client: AzureOpenAIClient;
  /** AZURE_OPENAI_CHAT_DEPLOYMENT, default "gpt-4o". */
  chatDeployment: string;
  /** AZURE_OPENAI_EMBEDDING_DEPLOYMENT, default "text-embedding-3-large". */
  embeddingDeployment: string;
  /** AZURE_OPENAI_RESPONSES_DEPLOYMENT, default "gpt-4.1". */
  responsesDeployment: string;
  /** AZURE_OPENAI_REASONING_DEPLOYMENT (an o-series or gpt-5 model), default "o4-mini". */
  reasoningDeployment: string;
  /** True when talking to the local emulator. */
  emulated: boolean;
  close(): Promise<void>;
}

export async function connect(options: { apiVersion?: string } = {}): Promise<Connection> {
  const chatDeployment = process.env.AZURE_OPENAI_CHAT_DEPLOYMENT ?? "gpt-4o";
  const embeddingDeployment = process.env.AZURE_OPENAI_EMBEDDING_DEPLOYMENT ?? "text-embedding-3-large";
  const responsesDeployment = process.env.AZURE_OPENAI_RESPONSES_DEPLOYMENT ?? "gpt-4.1";
  const reasoningDeployment = process.env.AZURE_OPENAI_REASONING_DEPLOYMENT ?? "o4-mini";
  const deployments = { chatDeployment, embeddingDeployment, responsesDeployment, reasoningDeployment };
  const endpoint = process.env.AZURE_OPENAI_ENDPOINT;
  if (endpoint) {
    const apiKey = process.env.AZURE_OPENAI_API_KEY;
    const client = apiKey
      ? new AzureOpenAIClient({ endpoint, apiKey, apiVersion: options.apiVersion })
      : new AzureOpenAIClient({
          endpoint,
          credential: new (await import("@azure/identity")).DefaultAzureCredential(),
          apiVersion: options.apiVersion,
        });
    return { client, ...deployments, emulated: false, close: async () => {} };
  }
  const emulator = await startEmulator({ port: 0 });
  const client = new AzureOpenAIClient({
    endpoint: emulator.url,
    apiKey: DEFAULT_API_KEY,
    apiVersion: options.apiVersion,
  });
  return { client, ...deployments, emulated: true, close: () => emulator.close() };
}
