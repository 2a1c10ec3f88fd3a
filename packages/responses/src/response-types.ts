import type {
  ResponseReasoning,
  ResponseTextFormat,
  ResponseTool,
  ResponseToolChoice,
} from "./request-types.js";

/** A citation in output text. */
export type ResponseAnnotation =
  | { type: "url_citation"; url: string; title: string; start_index: number; end_index: number }
  | { type: "file_citation"; file_id: string; filename?: string; index: number }
  | {
      type: "container_file_citation";
      container_id: string;
      file_id: string;
      filename: string;
      start_index: number;
      end_index: number;
    }
  | { type: "file_path"; file_id: string; index: number };

/** Text the model wrote. */
export interface ResponseOutputText {
  type: "output_text";
  text: string;
  annotations: ResponseAnnotation[];
  logprobs?: unknown[];
}

/** The model's refusal, in place of text. */
export interface ResponseOutputRefusal {
  type: "refusal";
  refusal: string;
}

/** A message the model wrote. */
export interface ResponseOutputMessage {
  type: "message";
  id: string;
  role: "assistant";
  status: "in_progress" | "completed" | "incomplete";
  content: (ResponseOutputText | ResponseOutputRefusal)[];
}

/** A call of one of the request's function tools: run it and send a `function_call_output`. */
export interface ResponseFunctionCall {
  type: "function_call";
  id?: string;
  call_id: string;
  name: string;
  /** The arguments as JSON text. */
  arguments: string;
  status?: "in_progress" | "completed" | "incomplete";
}

/** The model's reasoning: summaries when asked for, and its encrypted state for stateless turns. */
export interface ResponseReasoningItem {
  type: "reasoning";
  /** The id of a stored item; leave it out when replaying a reasoning item that was not stored. */
  id?: string;
  summary: { type: "summary_text"; text: string }[];
  /** Present with `include: ["reasoning.encrypted_content"]`; send it back on stateless turns. */
  encrypted_content?: string | null;
  content?: { type: "reasoning_text"; text: string }[];
  status?: "in_progress" | "completed" | "incomplete";
}

/** A code interpreter run. */
export interface ResponseCodeInterpreterCall {
  type: "code_interpreter_call";
  id: string;
  status: "in_progress" | "interpreting" | "completed" | "incomplete" | "failed";
  code: string | null;
  container_id: string;
  /** With `include: ["code_interpreter_call.outputs"]`. */
  outputs: ({ type: "logs"; logs: string } | { type: "image"; url: string })[] | null;
}

/** A file search. */
export interface ResponseFileSearchCall {
  type: "file_search_call";
  id: string;
  status: "in_progress" | "searching" | "completed" | "incomplete" | "failed";
  queries: string[];
  /** With `include: ["file_search_call.results"]`. */
  results:
    | {
        file_id: string;
        filename: string;
        score: number;
        text: string;
        attributes: Record<string, string | number | boolean> | null;
      }[]
    | null;
}

/** A web search. */
export interface ResponseWebSearchCall {
  type: "web_search_call";
  id: string;
  status: "in_progress" | "searching" | "completed" | "failed";
  action?:
    | { type: "search"; query: string; sources?: { type: "url"; url: string }[] }
    | { type: "open_page"; url: string }
    | { type: "find"; url: string; pattern: string };
}

/** An image the image_generation tool made: `result` is its base64 (see `imagesOf`). */
export interface ResponseImageGenerationCall {
  type: "image_generation_call";
  id: string;
  status: "in_progress" | "generating" | "completed" | "failed";
  result: string | null;
  revised_prompt?: string | null;
  output_format?: string;
  size?: string;
  quality?: string;
  background?: string;
}

/** The tools an MCP server offers. */
export interface ResponseMcpListTools {
  type: "mcp_list_tools";
  id: string;
  server_label: string;
  tools: { name: string; description?: string | null; input_schema: unknown; annotations?: unknown }[];
  error?: string | null;
}

/** A call of an MCP server's tool. */
export interface ResponseMcpCall {
  type: "mcp_call";
  id: string;
  server_label: string;
  name: string;
  arguments: string;
  output?: string | null;
  error?: string | null;
  approval_request_id?: string | null;
}

/** The model asks to call an MCP tool: answer with an `mcp_approval_response`. */
export interface ResponseMcpApprovalRequest {
  type: "mcp_approval_request";
  id: string;
  server_label: string;
  name: string;
  arguments: string;
}

/** The conversation so far, compacted into an opaque item. */
export interface ResponseCompactionItem {
  type: "compaction";
  id: string;
  encrypted_content: string;
}

/** One item of a response's `output`. */
export type ResponseOutputItem =
  | ResponseOutputMessage
  | ResponseFunctionCall
  | ResponseReasoningItem
  | ResponseCodeInterpreterCall
  | ResponseFileSearchCall
  | ResponseWebSearchCall
  | ResponseImageGenerationCall
  | ResponseMcpListTools
  | ResponseMcpCall
  | ResponseMcpApprovalRequest
  | ResponseCompactionItem;

/** Token counts. */
export interface ResponseUsage {
  input_tokens: number;
  input_tokens_details?: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details?: { reasoning_tokens: number };
  total_tokens: number;
}

/** Why a response failed. */
export interface ResponseError {
  code: string;
  message: string;
}

/** The status of a response. */
export type ResponseStatus = "queued" | "in_progress" | "completed" | "incomplete" | "failed" | "cancelled";

/** A response, as the service returns it. */
export interface Response {
  id: string;
  object: "response";
  created_at: number;
  status: ResponseStatus;
  background?: boolean | null;
  error: ResponseError | null;
  incomplete_details: { reason: "max_output_tokens" | "content_filter" | (string & {}) } | null;
  instructions: string | unknown[] | null;
  max_output_tokens?: number | null;
  model: string;
  output: ResponseOutputItem[];
  parallel_tool_calls: boolean;
  previous_response_id?: string | null;
  reasoning?: ResponseReasoning | null;
  service_tier?: string | null;
  store?: boolean;
  temperature?: number | null;
  text?: { format?: ResponseTextFormat };
  tool_choice: ResponseToolChoice;
  tools: ResponseTool[];
  top_p?: number | null;
  truncation?: "auto" | "disabled" | null;
  usage?: ResponseUsage | null;
  user?: string | null;
  safety_identifier?: string | null;
  metadata: Record<string, string> | null;
  /** Azure's content-filter results, when the service adds them. */
  content_filters?: unknown;
}

/** A response with `output_text`: the text of every output message, joined. */
export type ResponseWithText = Response & {
  /** The `output_text` parts of every `message` item, joined (refusals are not text). */
  output_text: string;
};

/** What `delete` returns. */
export interface ResponseDeleted {
  id: string;
  object: "response";
  deleted: true;
}

/** What the compaction endpoint returns (`POST /openai/v1/responses/compact`). */
export interface ResponseCompaction {
  id: string;
  object: "response.compaction";
  created_at: number;
  output: ResponseInputItemLike[];
  usage?: ResponseUsage | null;
}

/** An item of a compacted conversation: pass them as the next request's `input`. */
export type ResponseInputItemLike = ResponseOutputItem | { type: string; [key: string]: unknown };
