import { deploymentNotFound, EmulatorHttpError } from "../errors.js";
import { sha256Hex, uuidFrom } from "../hash.js";
import { modelOf } from "../models.js";
import { chatCompletions } from "../ops/chat.js";
import { embeddings } from "../ops/embeddings.js";
import type { OpRequest } from "../ops/types.js";
import type { Reply } from "../reply.js";
import { validateRequest } from "../validation/validate-request.js";

/** What one input line of a batch came to: a line of the output file, or of the error file. */
export interface LineResult {
  ok: boolean;
  line: string;
}

/** The facts of the batch a line runs in. */
export interface LineContext {
  batchId: string;
  /** The batch's endpoint without a `/v1` prefix: `/chat/completions` or `/embeddings`. */
  endpoint: string;
  apiVersion: string;
  deployments: Readonly<Record<string, string>> | "any";
  baseUrl: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** `/v1/chat/completions` and `/chat/completions` name the same endpoint. */
export const endpointPath = (url: string): string => url.replace(/^\/v1(?=\/)/, "");

/**
 * Runs line `index` (0-based) through the emulator's own chat or embeddings handler. A line that
 * is not a well-formed request, and a request the handler refuses, land in the error file with
 * the reason, as Azure reports them; the batch goes on.
 */
export function runLine(text: string, index: number, ctx: LineContext): LineResult {
  const id = `batch_req_${sha256Hex(`${ctx.batchId}:${index}`).slice(0, 32)}`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return lineError(id, null, "invalid_json_line", `Line ${index + 1} is not valid JSON.`);
  }
  if (!isObject(value))
    return lineError(id, null, "invalid_request", `Line ${index + 1} is not a JSON object.`);
  const customId = typeof value.custom_id === "string" ? value.custom_id : null;
  if (customId === null)
    return lineError(id, null, "invalid_request", `Line ${index + 1} has no string 'custom_id'.`);
  if (value.method !== "POST")
    return lineError(id, customId, "invalid_method", `Line ${index + 1}: 'method' must be 'POST'.`);
  if (typeof value.url !== "string" || endpointPath(value.url) !== ctx.endpoint)
    return lineError(
      id,
      customId,
      "invalid_url",
      `Line ${index + 1}: 'url' must be '${ctx.endpoint}', the batch's endpoint.`,
    );
  if (!isObject(value.body))
    return lineError(id, customId, "invalid_request", `Line ${index + 1}: 'body' must be a JSON object.`);
  const requestId = uuidFrom(`${ctx.batchId}:request:${index}`);
  const status = (code: number, body: unknown) => ({
    ok: code === 200,
    line: JSON.stringify({
      id,
      custom_id: customId,
      response: { status_code: code, request_id: requestId, body },
      error: null,
    }),
  });
  try {
    return status(200, answer(value.body, text, ctx));
  } catch (error) {
    if (!(error instanceof EmulatorHttpError)) throw error;
    return status(error.status, error.body);
  }
}

function answer(body: Record<string, unknown>, text: string, ctx: LineContext): unknown {
  const deployment = body.model;
  if (typeof deployment !== "string" || !deployment)
    throw badLine("'model' is a required property: the global batch deployment.", "model");
  if (body.stream === true) throw badLine("Streaming is not supported in a batch.", "stream");
  const operation = ctx.endpoint.slice(1);
  const model = modelOf(ctx.deployments, deployment);
  if (model === undefined) throw deploymentNotFound();
  validateRequest({ operation, apiVersion: ctx.apiVersion, model, body });
  const request: OpRequest = {
    route: { shape: "deployments", operation, deployment, apiVersion: ctx.apiVersion },
    deployment,
    model,
    body,
    files: {},
    headers: {},
    seed: sha256Hex(`${operation}\n${deployment}\n${sha256Hex(text)}`),
    script: undefined,
    streamChunks: undefined,
    baseUrl: ctx.baseUrl,
  };
  const reply: Reply = operation === "embeddings" ? embeddings(request) : chatCompletions(request);
  if (reply.kind === "json") return reply.body;
  if (reply.kind === "raw") return JSON.parse(String(reply.body));
  throw badLine("Streaming is not supported in a batch.", "stream");
}

function badLine(message: string, param: string): EmulatorHttpError {
  return new EmulatorHttpError(400, {
    error: { code: "invalid_request_error", message, param, type: "invalid_request_error" },
  });
}

function lineError(id: string, customId: string | null, code: string, message: string): LineResult {
  return {
    ok: false,
    line: JSON.stringify({ id, custom_id: customId, response: null, error: { code, message } }),
  };
}
