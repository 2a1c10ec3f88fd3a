import { invalidRequest } from "../errors.js";

const ROLES = new Set(["system", "developer", "user", "assistant", "tool", "function"]);

/** Chat request fields the emulator reads, after the checks Azure also makes. */
export interface ChatMessage {
  role: string;
  content?: unknown;
  tool_call_id?: string;
  [field: string]: unknown;
}

/** Throws Azure-shaped 400s for a malformed chat request. */
export function validateChat(body: Record<string, unknown>): ChatMessage[] {
  const { messages } = body;
  if (messages === undefined)
    throw invalidRequest("'messages' is a required property", "messages", "missing_required_parameter");
  if (!Array.isArray(messages))
    throw invalidRequest("'messages' must be an array", "messages", "invalid_type");
  if (messages.length === 0) {
    throw invalidRequest("'messages' must contain at least one message", "messages", "empty_array");
  }
  messages.forEach((m, i) => {
    if (!m || typeof m !== "object" || Array.isArray(m)) {
      throw invalidRequest(`'messages[${i}]' must be an object`, `messages[${i}]`, "invalid_type");
    }
    const role = (m as { role?: unknown }).role;
    if (typeof role !== "string" || !ROLES.has(role)) {
      throw invalidRequest(
        `'messages[${i}].role' must be one of 'system', 'developer', 'user', 'assistant', 'tool', 'function'`,
        `messages[${i}].role`,
        "invalid_value",
      );
    }
    const content = (m as { content?: unknown }).content;
    if (content !== undefined && content !== null && typeof content !== "string" && !Array.isArray(content)) {
      throw invalidRequest(
        `'messages[${i}].content' must be a string or an array`,
        `messages[${i}].content`,
        "invalid_type",
      );
    }
  });
  checkInteger(body, "n", 1, 128);
  checkInteger(body, "max_tokens", 1, 1_000_000);
  checkInteger(body, "max_completion_tokens", 1, 1_000_000);
  checkInteger(body, "top_logprobs", 0, 20);
  checkNumber(body, "temperature", 0, 2);
  checkNumber(body, "top_p", 0, 1);
  if (body.stream !== undefined && body.stream !== null && typeof body.stream !== "boolean") {
    throw invalidRequest("'stream' must be a boolean", "stream", "invalid_type");
  }
  if (body.tools !== undefined && body.tools !== null) {
    if (!Array.isArray(body.tools)) throw invalidRequest("'tools' must be an array", "tools", "invalid_type");
    body.tools.forEach((t, i) => {
      const name = (t as { function?: { name?: unknown } } | null)?.function?.name;
      if (typeof name !== "string" || !name) {
        throw invalidRequest(
          `'tools[${i}].function.name' is a required property`,
          `tools[${i}].function.name`,
          "missing_required_parameter",
        );
      }
    });
  }
  validateResponseFormat(body.response_format);
  return messages as ChatMessage[];
}

function validateResponseFormat(format: unknown): void {
  if (format === undefined || format === null) return;
  const type = (format as { type?: unknown }).type;
  if (type !== "text" && type !== "json_object" && type !== "json_schema") {
    throw invalidRequest(
      "'response_format.type' must be one of 'text', 'json_object', 'json_schema'",
      "response_format.type",
      "invalid_value",
    );
  }
  if (type === "json_schema") {
    const spec = (format as { json_schema?: { name?: unknown } }).json_schema;
    if (!spec || typeof spec !== "object" || typeof spec.name !== "string") {
      throw invalidRequest(
        "'response_format.json_schema.name' is a required property",
        "response_format.json_schema",
        "missing_required_parameter",
      );
    }
  }
}

/** Throws a 400 unless `body[field]` is absent, null, or an integer within the bounds. */
export function checkInteger(body: Record<string, unknown>, field: string, min: number, max: number): void {
  const v = body[field];
  if (v === undefined || v === null) return;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
    throw invalidRequest(`'${field}' must be an integer between ${min} and ${max}`, field, "invalid_value");
  }
}

/** Throws a 400 unless `body[field]` is absent, null, or a number within the bounds. */
export function checkNumber(body: Record<string, unknown>, field: string, min: number, max: number): void {
  const v = body[field];
  if (v === undefined || v === null) return;
  if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) {
    throw invalidRequest(`'${field}' must be a number between ${min} and ${max}`, field, "invalid_value");
  }
}
