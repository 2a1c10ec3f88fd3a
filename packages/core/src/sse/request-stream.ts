import type { AzureOpenAIClient, OperationRequest } from "../client.js";
import { responseInfo } from "../response-info.js";
import { EventStream } from "./event-stream.js";

/**
 * Sends an operation whose response is a server-sent-event stream. Resolves once the headers are
 * in (HTTP errors are thrown here, after retries); the events are read by iterating the result.
 * Nothing is retried once the stream is handed over.
 */
export async function requestStream<T>(
  client: AzureOpenAIClient,
  request: OperationRequest,
): Promise<EventStream<T>> {
  const { raw, state, controller, signal } = await client.send(request, "sse");
  return new EventStream<T>(responseInfo(raw, state.retryCount), controller, signal);
}
