import type { AzureOpenAIClient } from "../client.js";
import { checkDeployment } from "../routing.js";
import type { Target } from "./feature.js";

// Fields are assigned in the constructors, not declared: a browser bundle spells each name once.

/** The base of a client of resource operations (files, batches, fine-tuning): the core client. */
export class ResourceClient implements Target {
  declare readonly client: AzureOpenAIClient;

  constructor(client: AzureOpenAIClient) {
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
    this.client = client;
    this.deployment = checkDeployment(deployment);
  }
}
