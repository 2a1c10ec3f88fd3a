import type { AzureOpenAIClientOptions } from "@aoai/core";
import type { Connection } from "@aoai/core/internal";

// core-rest-pipeline's types as core uses them, without depending on that package for types alone.
export type PipelineRequest = Parameters<Connection["pipeline"]>[0];
export type PipelineResponse = Awaited<ReturnType<Connection["pipeline"]>>;
export type HttpClient = NonNullable<AzureOpenAIClientOptions["httpClient"]>;
