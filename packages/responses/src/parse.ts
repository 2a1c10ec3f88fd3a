import { AOAIError, type RequestOptions } from "@aoai/core";
import { outputText } from "./output-text.js";
import type { ResponseCreateRequest, ResponseTextFormatJsonSchema } from "./request-types.js";
import type { ResponseClient } from "./response-client.js";
import type { Response, ResponseWithText } from "./response-types.js";

/**
 * The part of the Standard Schema interface (standardschema.dev) that `parse` uses: zod 4,
 * valibot, arktype and others implement it, so none of them is a dependency here.
 */
export interface StandardSchemaV1<Output = unknown> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
    ) =>
      | { readonly value: Output; readonly issues?: undefined }
      | { readonly issues: readonly { readonly message: string; readonly path?: readonly unknown[] }[] }
      | Promise<
          | { readonly value: Output; readonly issues?: undefined }
          | { readonly issues: readonly { readonly message: string; readonly path?: readonly unknown[] }[] }
        >;
    readonly types?: { readonly output: Output } | undefined;
  };
}

/** The output did not parse as JSON, or the validator refused it. */
export class ResponseParseError extends AOAIError {
  static override readonly kind: string = "ResponseParseError";
  /** The text that did not parse or validate. */
  readonly text: string;
  /** The validator's issues, when it was the validator that refused. */
  readonly issues: readonly { readonly message: string; readonly path?: readonly unknown[] }[];

  constructor(message: string, text: string, issues: ResponseParseError["issues"] = []) {
    super(message);
    this.text = text;
    this.issues = issues;
  }
}

/** A response with its output parsed: `output_parsed` is null when the model refused (see `refusal`). */
export type ParsedResponse<T> = ResponseWithText & {
  output_parsed: T | null;
  /** The model's refusal, when it refused instead of answering. */
  refusal: string | null;
};

/** `text.format` for structured output with a JSON schema. @default strict true */
export function jsonSchemaFormat(
  name: string,
  schema: Record<string, unknown>,
  options: { description?: string; strict?: boolean } = {},
): { format: ResponseTextFormatJsonSchema } {
  const format: ResponseTextFormatJsonSchema = {
    type: "json_schema",
    name,
    schema,
    strict: options.strict ?? true,
  };
  if (options.description !== undefined) format.description = options.description;
  return { format };
}

/**
 * Parses a response's structured output: JSON of the `output_text`, checked by `validator` (any
 * Standard Schema: zod 4, valibot, arktype…) when one is given, else typed as `T` unchecked. A
 * refusal is not an error: `output_parsed` is null and `refusal` holds it. Text that is not JSON,
 * or that the validator refuses, throws {@link ResponseParseError}.
 */
export async function parseOutput<T = unknown>(
  response: Response,
  validator?: StandardSchemaV1<T>,
): Promise<ParsedResponse<T>> {
  const parsed = response as ParsedResponse<T>;
  parsed.output_text ??= outputText(response);
  parsed.refusal = null;
  parsed.output_parsed = null;
  for (const item of response.output)
    if (item.type === "message")
      for (const part of item.content) if (part.type === "refusal") parsed.refusal = part.refusal;
  if (parsed.refusal !== null) return parsed;
  const text = parsed.output_text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ResponseParseError(
      response.status === "incomplete"
        ? "The output was cut short (status incomplete), so it is not whole JSON."
        : "The output is not JSON.",
      text,
    );
  }
  if (!validator) {
    parsed.output_parsed = value as T;
    return parsed;
  }
  const result = await validator["~standard"].validate(value);
  if (result.issues)
    throw new ResponseParseError(
      `The output does not match the schema: ${result.issues.map((i) => i.message).join("; ")}`,
      text,
      result.issues,
    );
  parsed.output_parsed = result.value;
  return parsed;
}

/**
 * Sends a request for structured output and parses it (see {@link parseOutput}); the request's
 * `text.format` should be a JSON schema ({@link jsonSchemaFormat}).
 *
 * @example
 * const Event = z.object({ name: z.string(), date: z.string() });
 * const r = await parseResponse(responses, { input, text: jsonSchemaFormat("event", z.toJSONSchema(Event)) }, Event);
 * r.output_parsed?.name;
 */
export async function parseResponse<T = unknown>(
  responses: ResponseClient,
  request: ResponseCreateRequest,
  validator?: StandardSchemaV1<T>,
  options?: RequestOptions,
): Promise<ParsedResponse<T> & { readonly _response: import("@aoai/core").ResponseInfo }> {
  const response = await responses.create(request, options);
  return parseOutput(response, validator) as Promise<
    ParsedResponse<T> & { readonly _response: import("@aoai/core").ResponseInfo }
  >;
}
