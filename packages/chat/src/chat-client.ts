import type { RequestOptions, WithResponse } from "@aoai/core";
import { DeploymentClient } from "@aoai/core";
import { post, sse } from "@aoai/core/internal";
import { ChatStream } from "./chat-stream.js";
import { checkRequest } from "./check-request.js";
import { chat } from "./feature.js";
import type { ChatCompletionCreateRequest } from "./request-types.js";
import type { ChatCompletion, ChatCompletionChunk } from "./response-types.js";

const PATH = "chat/completions";

/**
 * Chat completions on one deployment, like .NET's `azureClient.GetChatClient("my-deployment")`.
 *
 * @example
 * const chat = new ChatClient(client, "my-gpt-4o-deployment");
 * const completion = await chat.complete({ messages: [{ role: "user", content: "Hi!" }] });
 * console.log(completion.choices[0]?.message.content);
 */
export class ChatClient extends DeploymentClient {
  /**
   * Sends the conversation and returns the completion, with `_response` (request id, headers).
   * Throws `InvalidInputError` or `UnsupportedApiVersionError` before sending, `ContentFilterError`
   * when the prompt is filtered, and core's typed `APIError`s for other failures.
   */
  async complete(
    request: ChatCompletionCreateRequest,
    options?: RequestOptions,
  ): Promise<WithResponse<ChatCompletion>> {
    checkRequest(this.client, request, false);
    // The caller's object is sent as is (never copied).
    return post(chat, this, PATH, request, options);
  }

  /**
   * Sends the conversation with `stream: true`. Resolves once the response headers are in (HTTP
   * errors throw here); read the {@link ChatStream} once, by iterating it, `textDeltas()` or
   * `toReadableStream()`, and await `finalCompletion()` for the accumulated result.
   */
  async stream(request: ChatCompletionCreateRequest, options?: RequestOptions): Promise<ChatStream> {
    checkRequest(this.client, request, true);
    return new ChatStream(
      await post(chat, this, PATH, { ...request, stream: true }, options, sse<ChatCompletionChunk>()),
    );
  }
}
