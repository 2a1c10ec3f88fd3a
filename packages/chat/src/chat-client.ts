import type { AzureOpenAIClient, RequestOptions, WithResponse } from "@aoai/core";
import { checkDeployment, json, type OperationRequest, send, sse } from "@aoai/core/internal";
import { ChatStream } from "./chat-stream.js";
import { checkRequest } from "./check-request.js";
import type { ChatCompletionRequest } from "./request-types.js";
import type { ChatCompletion, ChatCompletionChunk } from "./response-types.js";
import { VERSION } from "./version.js";
import { versions } from "./versions.js";

const PATH = "chat/completions";
const USER_AGENT = `aoai-chat/${VERSION}`;

/**
 * Chat completions on one deployment, like .NET's `azureClient.GetChatClient("my-deployment")`.
 *
 * @example
 * const chat = new ChatClient(client, "my-gpt-4o-deployment");
 * const completion = await chat.complete({ messages: [{ role: "user", content: "Hi!" }] });
 * console.log(completion.choices[0]?.message.content);
 */
export class ChatClient {
  readonly client: AzureOpenAIClient;
  /** The model deployment name. */
  readonly deployment: string;

  constructor(client: AzureOpenAIClient, deployment: string) {
    this.client = client;
    this.deployment = checkDeployment(deployment, client);
  }

  /**
   * Sends the conversation and returns the completion, with `_response` (request id, headers).
   * Throws `InvalidInputError` or `UnsupportedApiVersionError` before sending, `ContentFilterError`
   * when the prompt is filtered, and core's typed `APIError`s for other failures.
   */
  async complete(
    request: ChatCompletionRequest,
    options?: RequestOptions,
  ): Promise<WithResponse<ChatCompletion>> {
    return send(this.client, this.operation(request, false, options), json<ChatCompletion>());
  }

  /**
   * Sends the conversation with `stream: true`. Resolves once the response headers are in (HTTP
   * errors throw here); read the {@link ChatStream} once, by iterating it, `textDeltas()` or
   * `toReadableStream()`, and await `finalCompletion()` for the accumulated result.
   */
  async stream(request: ChatCompletionRequest, options?: RequestOptions): Promise<ChatStream> {
    return new ChatStream(
      await send(this.client, this.operation(request, true, options), sse<ChatCompletionChunk>()),
    );
  }

  private operation(
    request: ChatCompletionRequest,
    streaming: boolean,
    options: RequestOptions | undefined,
  ): OperationRequest {
    checkRequest(this.client, request, streaming);
    // The caller's object is sent as is (never copied) except to add `stream: true`.
    const body = streaming ? { ...request, stream: true } : request;
    return {
      path: PATH,
      deployment: this.deployment,
      versions: versions(PATH),
      body,
      userAgent: USER_AGENT,
      options,
    };
  }
}
