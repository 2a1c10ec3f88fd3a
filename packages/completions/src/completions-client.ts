import type { AzureOpenAIClient, RequestOptions, WithResponse } from "@aoai/core";
import { checkDeployment, json, type OperationRequest, send, sse } from "@aoai/core/internal";
import { checkRequest } from "./check-request.js";
import { CompletionStream } from "./completion-stream.js";
import type { CompletionRequest } from "./request-types.js";
import type { Completion, CompletionChunk } from "./response-types.js";
import { VERSION } from "./version.js";

// Every API version has the operation, so it declares no version list (nothing to check).
const PATH = "completions";
const USER_AGENT = `aoai-completions/${VERSION}`;

/**
 * Legacy completions on one deployment (gpt-35-turbo-instruct and other completion models).
 *
 * @example
 * const completions = new CompletionsClient(client, "gpt-35-turbo-instruct");
 * const c = await completions.complete({ prompt: "Hello World!", max_tokens: 100 });
 * console.log(c.choices[0]?.text);
 */
export class CompletionsClient {
  readonly client: AzureOpenAIClient;
  /** The model deployment name. */
  readonly deployment: string;

  constructor(client: AzureOpenAIClient, deployment: string) {
    this.client = client;
    this.deployment = checkDeployment(deployment, client);
  }

  /**
   * Sends the prompt and returns the completion, with `_response` (request id, headers). Throws
   * `InvalidInputError` or `UnsupportedApiVersionError` before sending, `ContentFilterError` when
   * the prompt is filtered, and core's typed `APIError`s for other failures.
   */
  async complete(request: CompletionRequest, options?: RequestOptions): Promise<WithResponse<Completion>> {
    return send(this.client, this.operation(request, false, options), json<Completion>());
  }

  /**
   * Sends the prompt with `stream: true`. Resolves once the response headers are in (HTTP errors
   * throw here); read the {@link CompletionStream} once, by iterating it, `textDeltas()` or
   * `toReadableStream()`, and await `finalCompletion()` for the accumulated result.
   */
  async stream(request: CompletionRequest, options?: RequestOptions): Promise<CompletionStream> {
    return new CompletionStream(
      await send(this.client, this.operation(request, true, options), sse<CompletionChunk>()),
    );
  }

  private operation(
    request: CompletionRequest,
    streaming: boolean,
    options: RequestOptions | undefined,
  ): OperationRequest {
    checkRequest(this.client, request, streaming);
    // The caller's object is sent as is (never copied) except to add `stream: true`.
    const body = streaming ? { ...request, stream: true } : request;
    return { path: PATH, deployment: this.deployment, body, userAgent: USER_AGENT, options };
  }
}
