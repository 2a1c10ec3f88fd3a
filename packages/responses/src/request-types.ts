import type { ResponseOutputItem } from "./response-types.js";

/** Values `include` takes (on create and retrieve). */
export type ResponseIncludable =
  | "code_interpreter_call.outputs"
  | "computer_call_output.output.image_url"
  | "file_search_call.results"
  | "message.input_image.image_url"
  | "message.output_text.logprobs"
  | "reasoning.encrypted_content"
  | "web_search_call.action.sources"
  | "web_search_call.results";

/** Text in a message of the input. */
export interface ResponseInputText {
  type: "input_text";
  text: string;
}

/** An image in a message of the input: a URL (or data URL) or an uploaded file. */
export interface ResponseInputImage {
  type: "input_image";
  image_url?: string | null;
  file_id?: string | null;
  /** @default "auto" */
  detail?: "low" | "high" | "auto";
}

/** A file in a message of the input (a PDF…): an uploaded file or its data URL. */
export interface ResponseInputFile {
  type: "input_file";
  file_id?: string | null;
  file_data?: string;
  filename?: string;
  file_url?: string;
}

/** A part of an input message's content. */
export type ResponseInputContent = ResponseInputText | ResponseInputImage | ResponseInputFile;

/** A message of the input; `content` may be a plain string. */
export interface ResponseInputMessage {
  type?: "message";
  id?: string;
  role: "user" | "system" | "developer" | "assistant";
  content: string | ResponseInputContent[] | ResponseOutputItemContent[];
  status?: "in_progress" | "completed" | "incomplete";
}

/** The content parts an assistant message replayed as input may carry. */
export type ResponseOutputItemContent =
  | { type: "output_text"; text: string; annotations?: unknown[] }
  | { type: "refusal"; refusal: string };

/** The result of a function call, sent back to the model. */
export interface ResponseFunctionCallOutput {
  type: "function_call_output";
  call_id: string;
  /** What the function returned, as text (JSON for structured results). */
  output: string;
  id?: string;
}

/** The answer to an `mcp_approval_request`. */
export interface ResponseMcpApprovalResponse {
  type: "mcp_approval_response";
  approval_request_id: string;
  approve: boolean;
  reason?: string;
  id?: string;
}

/** A stored item named by id (store: true conversations only). */
export interface ResponseItemReference {
  type: "item_reference";
  id: string;
}

/** One item of `input`: a message, an output item of an earlier response, a tool's result. */
export type ResponseInputItem =
  | ResponseInputMessage
  | ResponseFunctionCallOutput
  | ResponseMcpApprovalResponse
  | ResponseItemReference
  | ResponseOutputItem;

/** A function the model may call. */
export interface ResponseFunctionTool {
  type: "function";
  name: string;
  description?: string | null;
  /** The JSON schema of the arguments (required by this SDK's checks; `{ type: "object", properties: {} }` for none). */
  parameters: Record<string, unknown> | null;
  /** Arguments follow the schema exactly (the schema must then be strict-compatible). */
  strict?: boolean | null;
}

/** A comparison on a file attribute (file_search filters). */
export interface ResponseComparisonFilter {
  type: "eq" | "ne" | "gt" | "gte" | "lt" | "lte";
  key: string;
  value: string | number | boolean;
}

/** Filters joined with `and` / `or`. */
export interface ResponseCompoundFilter {
  type: "and" | "or";
  filters: (ResponseComparisonFilter | ResponseCompoundFilter)[];
}

/** Searches vector stores. */
export interface ResponseFileSearchTool {
  type: "file_search";
  vector_store_ids: string[];
  max_num_results?: number;
  filters?: ResponseComparisonFilter | ResponseCompoundFilter | null;
  ranking_options?: { ranker?: string; score_threshold?: number };
}

/** Runs Python in a container. */
export interface ResponseCodeInterpreterTool {
  type: "code_interpreter";
  /** A container id, or `{ type: "auto" }` with the files to put in a new one. */
  container: string | { type: "auto"; file_ids?: string[] };
}

/**
 * Generates images. On Azure the request needs the `x-ms-oai-image-generation-deployment` header
 * naming the image model's deployment: `ResponseClient`'s `imageGenerationDeployment` option sets it.
 */
export interface ResponseImageGenerationTool {
  type: "image_generation";
  model?: string;
  quality?: "low" | "medium" | "high" | "auto";
  size?: "1024x1024" | "1024x1536" | "1536x1024" | "auto";
  output_format?: "png" | "jpeg" | "webp";
  output_compression?: number;
  background?: "transparent" | "opaque" | "auto";
  moderation?: "auto" | "low";
  /** Streams this many partial images (0–3). @default 0 */
  partial_images?: number;
  input_image_mask?: { image_url?: string; file_id?: string };
}

/** Tools of a remote MCP server. */
export interface ResponseMcpTool {
  type: "mcp";
  server_label: string;
  server_url: string;
  server_description?: string;
  /** Sent to the MCP server with each call (an Authorization header…). */
  headers?: Record<string, string> | null;
  allowed_tools?: string[] | { tool_names?: string[] } | null;
  /** @default "always" */
  require_approval?:
    | "always"
    | "never"
    | { always?: { tool_names?: string[] }; never?: { tool_names?: string[] } }
    | null;
}

/** Searches the web. */
export interface ResponseWebSearchTool {
  type: "web_search_preview" | "web_search";
  search_context_size?: "low" | "medium" | "high";
  user_location?: {
    type: "approximate";
    city?: string;
    country?: string;
    region?: string;
    timezone?: string;
  } | null;
}

/** A tool the model may use. */
export type ResponseTool =
  | ResponseFunctionTool
  | ResponseFileSearchTool
  | ResponseCodeInterpreterTool
  | ResponseImageGenerationTool
  | ResponseMcpTool
  | ResponseWebSearchTool;

/** Which tool the model must (or may) use. */
export type ResponseToolChoice =
  | "none"
  | "auto"
  | "required"
  | { type: "function"; name: string }
  | { type: "mcp"; server_label: string; name?: string }
  | { type: "file_search" | "web_search_preview" | "code_interpreter" | "image_generation" };

/** JSON output following a schema (structured output). */
export interface ResponseTextFormatJsonSchema {
  type: "json_schema";
  name: string;
  schema: Record<string, unknown>;
  description?: string;
  strict?: boolean | null;
}

/** The format of the text output. */
export type ResponseTextFormat = { type: "text" } | { type: "json_object" } | ResponseTextFormatJsonSchema;

/** Reasoning options (o-series and gpt-5 deployments). */
export interface ResponseReasoning {
  effort?: "minimal" | "low" | "medium" | "high" | null;
  /** Ask for a summary of the reasoning. */
  summary?: "auto" | "concise" | "detailed" | null;
}

/** The body of `POST /responses`, as the REST API names it. */
export interface ResponseCreateRequest {
  /** Text, or a list of items (messages, earlier output items, tool outputs). */
  input?: string | ResponseInputItem[];
  /** The deployment on the v1 API; the client fills it (a different value is refused). */
  model?: string;
  instructions?: string | null;
  previous_response_id?: string | null;
  /** @default true */
  store?: boolean | null;
  /** Run the response in the background (needs `store`); poll it, or stream and resume it. */
  background?: boolean | null;
  include?: ResponseIncludable[] | null;
  tools?: ResponseTool[];
  tool_choice?: ResponseToolChoice;
  /** @default true */
  parallel_tool_calls?: boolean | null;
  max_tool_calls?: number | null;
  text?: { format?: ResponseTextFormat; verbosity?: "low" | "medium" | "high" | null };
  reasoning?: ResponseReasoning | null;
  max_output_tokens?: number | null;
  temperature?: number | null;
  top_p?: number | null;
  top_logprobs?: number | null;
  /** @default "disabled" */
  truncation?: "auto" | "disabled" | null;
  metadata?: Record<string, string> | null;
  user?: string;
  safety_identifier?: string;
  prompt_cache_key?: string;
  service_tier?: "auto" | "default" | "flex" | "priority" | null;
  /** Set by `stream()`. */
  stream?: boolean | null;
}
