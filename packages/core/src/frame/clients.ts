import type { AzureOpenAIClient } from "../client.js";
import { checkClient, checkDeployment } from "../routing.js";
import type { Target } from "./feature.js";

// Fields are assigned in the constructors, not declared: a browser bundle spells each name once.

/** The base of a client of resource operations (files, batches, fine-tuning): the core client. */
export class ResourceClient implements Target {
  declare readonly client: AzureOpenAIClient;

  constructor(client: AzureOpenAIClient) {
    checkClient(client);
    this.client = client;
  }
}

/**
 * The base of a client of one model deployment (chat, embeddings, audio…): the core client and
 * the deployment name, checked here so a bad name fails at construction.
 */
export class DeploymentClient implements Target {
  declare readonly client: AzureOpenAIClient;
  /** The model deployment name. */
  declare readonly deployment: string;

  constructor(client: AzureOpenAIClient, deployment: string) {
    // The client first: `new AudioClient("whisper")` (the client forgotten) is told so in words.
    this.deployment = checkDeployment(deployment, client);
    this.client = client;
  }
}
