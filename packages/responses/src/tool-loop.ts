import { AOAIError, APIUserAbortError, type WithResponse } from "@aoai/core";
import { invalid } from "@aoai/core/internal";
import { toInputItems } from "./next-input.js";
import type {
  ResponseCreateRequest,
  ResponseFunctionCallOutput,
  ResponseInputItem,
} from "./request-types.js";
import type { ResponseClient, ResponseRequestOptions } from "./response-client.js";
import type { ResponseFunctionCall, ResponseWithText } from "./response-types.js";

/** A function the model may call: gets the parsed arguments, returns a result (text, or a value sent as JSON). */
export type ToolFunction = (
  // biome-ignore lint/suspicious/noExplicitAny: the arguments are whatever the tool's schema says
  args: any,
  context: { call: ResponseFunctionCall; signal?: AbortSignal },
) => unknown;

/** Options of {@link runTools}. */
export interface RunToolsOptions extends ResponseRequestOptions {
  /** The most responses to create; past it, {@link ToolLoopLimitError}. @default 10 */
  maxSteps?: number;
  /** Sees each response as it comes (to log, or to show progress). */
  onStep?: (response: WithResponse<ResponseWithText>) => void;
}

/** What {@link runTools} returns: the final response and every response on the way. */
export interface ToolRunResult {
  response: WithResponse<ResponseWithText>;
  steps: WithResponse<ResponseWithText>[];
}

/** The model still called functions after `maxSteps` responses. */
export class ToolLoopLimitError extends AOAIError {
  static override readonly kind: string = "ToolLoopLimitError";
  /** The last response (with the calls that were not run). */
  readonly response: WithResponse<ResponseWithText>;

  constructor(maxSteps: number, response: WithResponse<ResponseWithText>) {
    super(`The model still called functions after ${maxSteps} responses (maxSteps).`);
    this.response = response;
  }
}

/**
 * Runs a tool loop: creates a response, runs the functions it calls (in parallel), sends their
 * outputs back as `function_call_output` items, and so on until a response calls none, or
 * `maxSteps`. A function that throws sends `{"error": message}` back to the model as its output;
 * a call of a function not in `functions`, or with arguments that are not JSON, too. With `store:
 * false` each turn resends the conversation (encrypted reasoning kept, no unstored ids), else it
 * continues with `previous_response_id`. The `signal` stops the loop, and is handed to each
 * function.
 *
 * @example
 * const { response } = await runTools(responses, { input: "Weather in Paris?", tools: [weatherTool] }, {
 *   get_weather: async ({ city }) => ({ city, celsius: 21 }),
 * });
 */
export async function runTools(
  responses: ResponseClient,
  request: ResponseCreateRequest,
  functions: Record<string, ToolFunction>,
  options: RunToolsOptions = {},
): Promise<ToolRunResult> {
  const { maxSteps = 10, onStep, ...callOptions } = options;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) invalid("maxSteps", "must be a whole number from 1.");
  for (const tool of request.tools ?? [])
    if (tool.type === "function" && typeof functions[tool.name] !== "function")
      invalid(`functions.${tool.name}`, "is missing: every function tool needs its implementation.");
  const signal = options.signal;
  const steps: WithResponse<ResponseWithText>[] = [];
  let history: ResponseInputItem[] =
    typeof request.input === "string"
      ? [{ role: "user", content: request.input }]
      : [...(request.input ?? [])];
  let next = request;
  for (let step = 1; ; step++) {
    if (signal?.aborted) throw new APIUserAbortError();
    const response = await responses.create(next, callOptions);
    steps.push(response);
    onStep?.(response);
    const calls = response.output.filter(
      (item): item is ResponseFunctionCall => item.type === "function_call",
    );
    if (calls.length === 0) return { response, steps };
    if (step >= maxSteps) throw new ToolLoopLimitError(maxSteps, response);
    const outputs = await Promise.all(calls.map((call) => run(call, functions, signal)));
    if (signal?.aborted) throw new APIUserAbortError();
    if (request.store === false) {
      history = [...history, ...toInputItems(response), ...outputs];
      next = { ...request, input: history };
    } else next = { ...request, input: outputs, previous_response_id: response.id };
  }
}

async function run(
  call: ResponseFunctionCall,
  functions: Record<string, ToolFunction>,
  signal: AbortSignal | undefined,
): Promise<ResponseFunctionCallOutput> {
  const output = (text: string): ResponseFunctionCallOutput => ({
    type: "function_call_output",
    call_id: call.call_id,
    output: text,
  });
  const fail = (message: string) => output(JSON.stringify({ error: message }));
  const fn = Object.hasOwn(functions, call.name) ? functions[call.name] : undefined;
  if (!fn) return fail(`There is no function named ${JSON.stringify(call.name)}.`);
  let args: unknown;
  try {
    args = call.arguments ? JSON.parse(call.arguments) : {};
  } catch {
    return fail("The arguments are not valid JSON.");
  }
  try {
    const result = await fn(args, signal ? { call, signal } : { call });
    return output(typeof result === "string" ? result : (JSON.stringify(result) ?? "null"));
  } catch (error) {
    if (signal?.aborted) throw new APIUserAbortError();
    return fail(error instanceof Error ? error.message : String(error));
  }
}
