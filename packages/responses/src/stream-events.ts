import type { Response, ResponseAnnotation, ResponseOutputItem } from "./response-types.js";

/** What every event has. */
export interface ResponseEventBase {
  /** The event's place in the stream, from 0: resume a background stream after the last one read. */
  sequence_number: number;
}
/** An event about one output item. */
export interface ResponseItemEventBase extends ResponseEventBase {
  item_id: string;
  output_index: number;
}
/** An event about one content part of an output item. */
export interface ResponsePartEventBase extends ResponseItemEventBase {
  content_index: number;
}
/** An event about one summary part of a reasoning item. */
export interface ResponseSummaryEventBase extends ResponseItemEventBase {
  summary_index: number;
}

/** The types of lifecycle events. */
export type ResponseLifecycleType =
  | "response.created"
  | "response.queued"
  | "response.in_progress"
  | "response.completed"
  | "response.incomplete"
  | "response.failed"
  | "response.cancelled";

/** A change of the whole response; the last one (completed, incomplete, failed) holds all of it. */
export interface ResponseLifecycleEvent<T extends ResponseLifecycleType = ResponseLifecycleType>
  extends ResponseEventBase {
  type: T;
  response: Response;
}

/** An output item starts or ends (`item` is whole at `done`). */
export interface ResponseOutputItemEvent extends ResponseEventBase {
  type: "response.output_item.added" | "response.output_item.done";
  output_index: number;
  item: ResponseOutputItem;
}

/** A content part of a message starts or ends. */
export interface ResponseContentPartEvent extends ResponsePartEventBase {
  type: "response.content_part.added" | "response.content_part.done";
  part:
    | { type: "output_text"; text: string; annotations: ResponseAnnotation[] }
    | { type: "refusal"; refusal: string };
}

/** A piece of text. */
export interface ResponseTextDeltaEvent extends ResponsePartEventBase {
  type: "response.output_text.delta";
  delta: string;
  logprobs?: unknown[];
}

/** A text part is complete. */
export interface ResponseTextDoneEvent extends ResponsePartEventBase {
  type: "response.output_text.done";
  text: string;
}

/** A citation was added to a text part. */
export interface ResponseTextAnnotationEvent extends ResponsePartEventBase {
  type: "response.output_text.annotation.added" | "response.output_text_annotation.added";
  annotation_index: number;
  annotation: ResponseAnnotation;
}

/** A piece of a refusal. */
export interface ResponseRefusalDeltaEvent extends ResponsePartEventBase {
  type: "response.refusal.delta";
  delta: string;
}

/** A refusal is complete. */
export interface ResponseRefusalDoneEvent extends ResponsePartEventBase {
  type: "response.refusal.done";
  refusal: string;
}

/** A piece of a function call's arguments. */
export interface ResponseFunctionCallArgumentsDeltaEvent extends ResponseItemEventBase {
  type: "response.function_call_arguments.delta";
  delta: string;
}

/** A function call's arguments are complete. */
export interface ResponseFunctionCallArgumentsDoneEvent extends ResponseItemEventBase {
  type: "response.function_call_arguments.done";
  arguments: string;
  name?: string;
}

/** A reasoning summary part starts or ends. */
export interface ResponseReasoningSummaryPartEvent extends ResponseSummaryEventBase {
  type: "response.reasoning_summary_part.added" | "response.reasoning_summary_part.done";
  part: { type: "summary_text"; text: string };
}

/** A piece of a reasoning summary. */
export interface ResponseReasoningSummaryTextDeltaEvent extends ResponseSummaryEventBase {
  type: "response.reasoning_summary_text.delta";
  delta: string;
}

/** A reasoning summary is complete. */
export interface ResponseReasoningSummaryTextDoneEvent extends ResponseSummaryEventBase {
  type: "response.reasoning_summary_text.done";
  text: string;
}

/** A piece of reasoning text (models that show it). */
export interface ResponseReasoningTextEvent extends ResponsePartEventBase {
  type: "response.reasoning_text.delta" | "response.reasoning_text.done";
  delta?: string;
  text?: string;
}

/** Progress of a hosted tool's call (code interpreter, file search, web search, image generation, MCP). */
export interface ResponseToolProgressEvent extends ResponseItemEventBase {
  type:
    | "response.code_interpreter_call.in_progress"
    | "response.code_interpreter_call.interpreting"
    | "response.code_interpreter_call.completed"
    | "response.file_search_call.in_progress"
    | "response.file_search_call.searching"
    | "response.file_search_call.completed"
    | "response.web_search_call.in_progress"
    | "response.web_search_call.searching"
    | "response.web_search_call.completed"
    | "response.image_generation_call.in_progress"
    | "response.image_generation_call.generating"
    | "response.image_generation_call.completed"
    | "response.mcp_call.in_progress"
    | "response.mcp_call.completed"
    | "response.mcp_call.failed"
    | "response.mcp_list_tools.in_progress"
    | "response.mcp_list_tools.completed"
    | "response.mcp_list_tools.failed";
}

/** A piece of the code the code interpreter runs. */
export interface ResponseCodeInterpreterCodeDeltaEvent extends ResponseItemEventBase {
  type: "response.code_interpreter_call_code.delta";
  delta: string;
}

/** The code the code interpreter runs is complete. */
export interface ResponseCodeInterpreterCodeDoneEvent extends ResponseItemEventBase {
  type: "response.code_interpreter_call_code.done";
  code: string;
}

/** A partial image while the image generation tool works (`partial_images` on the tool). */
export interface ResponseImagePartialEvent extends ResponseItemEventBase {
  type: "response.image_generation_call.partial_image";
  partial_image_index: number;
  partial_image_b64: string;
}

/** A piece of an MCP call's arguments, or the whole of them. */
export interface ResponseMcpArgumentsEvent extends ResponseItemEventBase {
  type: "response.mcp_call_arguments.delta" | "response.mcp_call_arguments.done";
  delta?: string;
  arguments?: string;
}

/** An error in the stream (core throws it as a typed error; typed here for NDJSON readers). */
export interface ResponseErrorEvent extends ResponseEventBase {
  type: "error";
  code: string | null;
  message: string;
  param: string | null;
}

/**
 * Every event type the service documents. An event of a type this SDK does not know yet (a newer
 * one, or Azure's own) is handed over too, as it came, never dropped: it reaches the `default`
 * branch of a `switch (event.type)`, where `event as ResponseUnknownStreamEvent` reads it. (A
 * member with `type: string` in this union would stop TypeScript from narrowing the known ones.)
 */
export type ResponseStreamEvent =
  | ResponseLifecycleEvent
  | ResponseOutputItemEvent
  | ResponseContentPartEvent
  | ResponseTextDeltaEvent
  | ResponseTextDoneEvent
  | ResponseTextAnnotationEvent
  | ResponseRefusalDeltaEvent
  | ResponseRefusalDoneEvent
  | ResponseFunctionCallArgumentsDeltaEvent
  | ResponseFunctionCallArgumentsDoneEvent
  | ResponseReasoningSummaryPartEvent
  | ResponseReasoningSummaryTextDeltaEvent
  | ResponseReasoningSummaryTextDoneEvent
  | ResponseReasoningTextEvent
  | ResponseToolProgressEvent
  | ResponseCodeInterpreterCodeDeltaEvent
  | ResponseCodeInterpreterCodeDoneEvent
  | ResponseImagePartialEvent
  | ResponseMcpArgumentsEvent
  | ResponseErrorEvent;

/** An event of a type this SDK does not know, as it came. */
export interface ResponseUnknownStreamEvent {
  type: string;
  sequence_number?: number;
  [field: string]: unknown;
}
