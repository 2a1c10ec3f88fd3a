import type { AzureOpenAIClient, EventStream, RequestOptions, WithResponse } from "@aoai/core";
import { type Call, call, checkDeployment, invalid, json, type Reader, sse } from "@aoai/core/internal";
import { checkInclude, checkRequest } from "./check-request.js";
import { responses as feature } from "./feature.js";
import { withText } from "./output-text.js";
import type { ResponseCreateRequest, ResponseIncludable, ResponseInputItem } from "./request-types.js";
import { ResponseStream } from "./response-stream.js";
import type { Response, ResponseDeleted, ResponseWithText } from "./response-types.js";
import { ResumableEvents } from "./resumable-events.js";
import type { ResponseStreamEvent } from "./stream-events.js";

const PATH = "responses";
const STORED = "responses/{response_id}";
/** Azure's header naming the image model deployment the image_generation tool uses. */
const IMAGE_HEADER = "x-ms-oai-image-generation-deployment";

/** Options of {@link ResponseClient}. */
export interface ResponseClientOptions {
  /**
   * The deployment of the image model the `image_generation` tool uses, sent as Azure's
   * `x-ms-oai-image-generation-deployment` header on requests with that tool.
   */
  imageGenerationDeployment?: string;
}

/** Per-call options: core's, and the image deployment for this call. */
export interface ResponseRequestOptions extends RequestOptions {
  /** Overrides the client's `imageGenerationDeployment` for this call. */
  imageGenerationDeployment?: string;
}

/** Options of a streamed call. */
export interface ResponseStreamOptions extends ResponseRequestOptions {
  /**
   * Reconnect a streamed background response whose connection drops, from the last event read
   * (`starting_after`), so no event is lost or repeated. Only background responses can be resumed.
   * @default true
   */
  resume?: boolean;
  /** Reconnects in a row that bring no new event before the stream gives up. @default 5 */
  maxResumes?: number;
  /** Called before each reconnect, with the `starting_after` it asks for (to log it). */
  onResume?: (startingAfter: number) => void;
}

/** Query of `retrieve`. */
export interface ResponseRetrieveQuery {
  include?: ResponseIncludable[];
}

/** Query of `listInputItems`. */
export interface ResponseInputItemsQuery {
  /** Items per page (1–100). @default 20 */
  limit?: number;
  /** @default "desc" */
  order?: "asc" | "desc";
  include?: ResponseIncludable[];
}

/** An item of a stored response's input, as `input_items` lists it (with its id). */
export type ResponseInputItemWithId = ResponseInputItem & { id: string };

// The events after which a response stream is over (core's EventStream then stops reading).
const streamed = sse<ResponseStreamEvent>(
  (event) =>
    event.type === "response.completed" ||
    event.type === "response.incomplete" ||
    event.type === "response.failed" ||
    event.type === "response.cancelled",
);

/**
 * The Responses API on one deployment: `/openai/v1/responses` (the deployment sent as `model`),
 * or on a dated preview version `/openai/responses?api-version=…`.
 *
 * @example
 * const responses = new ResponseClient(client, "gpt-4.1");
 * const response = await responses.create({ input: "Hi!" });
 * console.log(response.output_text);
 */
export class ResponseClient {
  readonly client: AzureOpenAIClient;
  /** The model deployment name, sent as `model`. */
  readonly deployment: string;
  readonly #imageDeployment: string | undefined;

  constructor(client: AzureOpenAIClient, deployment: string, options: ResponseClientOptions = {}) {
    // The client first: `new ResponseClient("gpt-4.1")` (the client forgotten) is told so in words.
    this.deployment = checkDeployment(deployment, client);
    this.client = client;
    this.#imageDeployment =
      options.imageGenerationDeployment === undefined
        ? undefined
        : checkDeployment(options.imageGenerationDeployment);
  }

  /**
   * Creates a response and returns it with `output_text` and `_response`. A background response
   * comes back `queued`: `waitForResponse` for it, or stream it. Throws `InvalidInputError` or
   * `UnsupportedApiVersionError` before sending, core's typed `APIError`s for failures.
   */
  async create(
    request: ResponseCreateRequest,
    options?: ResponseRequestOptions,
  ): Promise<WithResponse<ResponseWithText>> {
    return this.#create(request, false, options, textJson);
  }

  /**
   * Creates a response with `stream: true`. Resolves once the headers are in; read the
   * {@link ResponseStream} once (iterate it, `textDeltas()`, `toReadableStream()`) and await
   * `finalResponse()`. A background response's stream resumes by itself when its connection
   * drops (`resume: false` turns that off).
   */
  async stream(request: ResponseCreateRequest, options?: ResponseStreamOptions): Promise<ResponseStream> {
    const events = await this.#create(request, true, options, streamed);
    // Only a background response can be resumed.
    return this.#resuming(events, request.background === true, options);
  }

  /** Retrieves a stored response (a background one as it stands now). */
  async retrieve(
    responseId: string,
    query: ResponseRetrieveQuery = {},
    options?: RequestOptions,
  ): Promise<WithResponse<ResponseWithText>> {
    checkInclude(this.client, query.include);
    return this.#stored(
      STORED,
      responseId,
      { method: "GET", query: query as Call["query"] },
      options,
      textJson,
    );
  }

  /**
   * Streams a stored background response again, from the event after `starting_after` (from the
   * start when absent); resumes by itself like {@link stream}.
   */
  async retrieveStream(
    responseId: string,
    query: ResponseRetrieveQuery & { starting_after?: number } = {},
    options?: ResponseStreamOptions,
  ): Promise<ResponseStream> {
    checkInclude(this.client, query.include);
    const { include, starting_after: after } = query;
    const events = await this.#openStored(responseId, after, include, options);
    return this.#resuming(events, true, options, include, responseId, after);
  }

  /** Deletes a stored response. */
  async delete(responseId: string, options?: RequestOptions): Promise<WithResponse<ResponseDeleted>> {
    return this.#stored(STORED, responseId, { method: "DELETE" }, options, json<ResponseDeleted>());
  }

  /** Cancels a background response (v1 API); returns it, `cancelled`. */
  async cancel(responseId: string, options?: RequestOptions): Promise<WithResponse<ResponseWithText>> {
    return this.#stored(`${STORED}/cancel`, responseId, { gate: "responses/cancel" }, options, textJson);
  }

  /** A create: the caller's request, checked, with the deployment as `model`. */
  #create<T>(
    request: ResponseCreateRequest,
    streaming: boolean,
    options: ResponseRequestOptions | undefined,
    reader: Reader<T>,
  ): Promise<T> {
    checkRequest(this.client, request, this.deployment);
    if (request.stream === !streaming)
      invalid("stream", streaming ? "false: use create()." : "true: use stream().");
    const body: ResponseCreateRequest = { ...request, model: this.deployment };
    if (streaming) body.stream = true;
    // The route names no deployment: the v1 API takes it as `model`, a dated one in neither.
    const headed = this.#imageHeader(request, options);
    return call(feature, { client: this.client }, PATH, { body }, headed, reader);
  }

  /** A call on a stored response (no deployment in the route either). */
  #stored<T>(
    path: string,
    responseId: string,
    parts: Call,
    options: RequestOptions | undefined,
    reader: Reader<T>,
  ): Promise<T> {
    parts.params = { response_id: responseId };
    return call(feature, { client: this.client }, path, parts, options, reader);
  }

  #openStored(
    responseId: string,
    startingAfter: number | undefined,
    include: ResponseIncludable[] | undefined,
    options: RequestOptions | undefined,
  ) {
    const query = { stream: "true", starting_after: startingAfter, include };
    return this.#stored(STORED, responseId, { method: "GET", query }, options, streamed);
  }

  /** The stream of `events`: resumable ones reconnect when the connection drops, unless `resume: false`. */
  #resuming(
    events: EventStream<ResponseStreamEvent>,
    resumable: boolean,
    options: ResponseStreamOptions | undefined,
    include?: ResponseIncludable[],
    responseId?: string,
    startingAfter?: number,
  ): ResponseStream {
    if (!resumable || options?.resume === false) return new ResponseStream(events);
    const reconnect = (id: string, after: number) => {
      options?.onResume?.(after);
      return this.#openStored(id, after, include, options);
    };
    return new ResponseStream(
      new ResumableEvents(events, reconnect, options?.maxResumes ?? 5, responseId, startingAfter),
    );
  }

  /** Sets Azure's image deployment header on requests with the image_generation tool. */
  #imageHeader(
    request: ResponseCreateRequest,
    options: ResponseRequestOptions | undefined,
  ): RequestOptions | undefined {
    if (!request.tools?.some((tool) => tool?.type === "image_generation")) return options;
    const deployment = options?.imageGenerationDeployment ?? this.#imageDeployment;
    if (deployment === undefined) {
      if (options?.headers?.[IMAGE_HEADER]) return options;
      invalid(
        "imageGenerationDeployment",
        `is needed with the image_generation tool: Azure takes the image model's deployment in the ${IMAGE_HEADER} header (set it on the ResponseClient or the call).`,
      );
    }
    const { imageGenerationDeployment: _, ...rest } = options ?? {};
    return { ...rest, headers: { ...options?.headers, [IMAGE_HEADER]: checkDeployment(deployment) } };
  }
}

/** A JSON response with `output_text` added. */
const textJson: Reader<WithResponse<ResponseWithText>> = {
  accept: "application/json",
  streams: false,
  read: async (sent) => withText(await json<Response>().read(sent)) as WithResponse<ResponseWithText>,
};
