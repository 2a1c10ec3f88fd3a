import type { RequestOptions, WithResponse } from "@aoai/core";
import { DeploymentClient } from "@aoai/core";
import { post, sse } from "@aoai/core/internal";
import { checkRequest } from "./check-request.js";
import { CompletionStream } from "./completion-stream.js";
import { completions } from "./feature.js";
import type { CompletionCreateRequest } from "./request-types.js";
import type { Completion, CompletionChunk } from "./response-types.js";

const PATH = "completions";

/**
 * Legacy completions on one deployment (gpt-35-turbo-instruct and other completion models).
 *
 * @example
 * const completions = new CompletionClient(client, "gpt-35-turbo-instruct");
 * const c = await completions.complete({ prompt: "Hello World!", max_tokens: 100 });
 * console.log(c.choices[0]?.text);
 */
export class CompletionClient extends DeploymentClient {
  /**
   * Sends the prompt and returns the completion, with `_response` (request id, headers). Throws
   * `InvalidInputError` or `UnsupportedApiVersionError` before sending, `ContentFilterError` when
   * the prompt is filtered, and core's typed `APIError`s for other failures.
   */
  async complete(
    request: CompletionCreateRequest,
    options?: RequestOptions,
  ): Promise<WithResponse<Completion>> {
    checkRequest(this.client, request, false);
    // The caller's object is sent as is (never copied).
    return post(completions, this, PATH, request, options);
  }

  /**
   * Sends the prompt with `stream: true`. Resolves once the response headers are in (HTTP errors
   * throw here); read the {@link CompletionStream} once, by iterating it, `textDeltas()` or
   * `toReadableStream()`, and await `finalCompletion()` for the accumulated result.
   */
  async stream(request: CompletionCreateRequest, options?: RequestOptions): Promise<CompletionStream> {
    checkRequest(this.client, request, true);
    return new CompletionStream(
      await post(completions, this, PATH, { ...request, stream: true }, options, sse<CompletionChunk>()),
    );
  }
}
