import type { IncomingMessage, ServerResponse } from "node:http";
import { parseJsonObject } from "../body.js";
import { deploymentNotFound, EmulatorHttpError, invalidRequest, methodNotAllowed } from "../errors.js";
import type { FaultInjector } from "../faults.js";
import { modelOf } from "../models.js";
import type { Reply } from "../reply.js";
import { timeScale } from "../resources/clock.js";
import { paginate } from "../resources/pagination.js";
import type { ResourceStore } from "../resources/store.js";
import { sendReply } from "../respond.js";
import { checkAgainstSpec } from "../validation/spec.js";
import { eventFrames, responseEvents } from "./responses-events.js";
import { fileSearcher } from "./responses-file-search.js";
import { type Item, inputItems, planResponse } from "./responses-plan.js";
import type { ResponsesRoute } from "./responses-route.js";
import { parseScriptedResponse } from "./responses-script.js";
import type { ResponseStore, StoredResponse } from "./responses-store.js";

/** What the emulator-wide state lends a Responses request. */
export interface ResponsesState {
  responses: ResponseStore;
  /** The vector stores a `file_search` tool searches. */
  resources: ResourceStore;
  faults: FaultInjector;
  deployments: Readonly<Record<string, string>> | "any";
  timeScale: number;
}

/** How long a background response runs at time scale 1, in ms. */
const BACKGROUND_MS = 1000;

/** The header Azure needs with the image_generation tool: the image model's deployment. */
const IMAGE_DEPLOYMENT_HEADER = "x-ms-oai-image-generation-deployment";

// Values of `include` the service knows (a different one is a 400).
const INCLUDABLE = new Set([
  "code_interpreter_call.outputs",
  "computer_call_output.output.image_url",
  "file_search_call.results",
  "message.input_image.image_url",
  "message.output_text.logprobs",
  "reasoning.encrypted_content",
  "web_search_call.action.sources",
  "web_search_call.results",
]);

/** Answers a Responses API request; faults apply as on every route, scoped by the route's template. */
export async function serveResponses(
  req: IncomingMessage,
  res: ServerResponse,
  route: ResponsesRoute,
  raw: Buffer,
  state: ResponsesState,
): Promise<void> {
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const fault = state.faults.take(route.operation, header("x-aoai-emulator-fault"));
  let reply: Reply;
  try {
    reply = dispatch(req, route, raw, state, header);
  } catch (error) {
    if (!(error instanceof EmulatorHttpError)) throw error;
    reply = { kind: "json", status: error.status, body: error.body, headers: error.headers };
  }
  await sendReply(res, reply, fault, { operation: route.operation, apiVersion: route.apiVersion });
}

function dispatch(
  req: IncomingMessage,
  route: ResponsesRoute,
  raw: Buffer,
  state: ResponsesState,
  header: (name: string) => string | undefined,
): Reply {
  const method = req.method ?? "GET";
  const now = Date.now();
  switch (route.operation) {
    case "responses":
      if (method !== "POST") throw methodNotAllowed();
      return create(parseJsonObject(raw), route.apiVersion, state, header, now);
    case "responses/compact":
      if (method !== "POST") throw methodNotAllowed();
      return compact(parseJsonObject(raw), state, now);
    case "responses/{response_id}": {
      const stored = find(state, route.responseId!);
      if (method === "DELETE") {
        state.responses.delete(stored.response.id);
        return json({ id: stored.response.id, object: "response", deleted: true });
      }
      if (method !== "GET") throw methodNotAllowed();
      if (route.query.get("stream") === "true") return streamStored(stored, route.query);
      return json(view(stored, now, includes(route.query)));
    }
    case "responses/{response_id}/input_items": {
      if (method !== "GET") throw methodNotAllowed();
      const stored = find(state, route.responseId!);
      return json(paginate(stored.input as (Item & { id: string })[], route.query, 20, 100));
    }
    default: {
      if (method !== "POST") throw methodNotAllowed();
      return json(cancel(find(state, route.responseId!), now));
    }
  }
}

function json(body: unknown, status = 200): Reply {
  return { kind: "json", status, body };
}

function create(
  body: Record<string, unknown>,
  apiVersion: string,
  state: ResponsesState,
  header: (name: string) => string | undefined,
  now: number,
): Reply {
  const deployment = body.model;
  if (typeof deployment !== "string" || !deployment)
    throw invalidRequest("Missing required parameter: 'model'.", "model", "missing_required_parameter");
  const deployedModel = modelOf(state.deployments, deployment);
  if (deployedModel === undefined) throw deploymentNotFound();
  // As on a deployment's route: the deployment first, then the body against the spec of its version.
  checkAgainstSpec("responses", apiVersion, body);
  const store = body.store !== false;
  if (body.background === true && !store)
    throw invalidRequest("Background mode requires 'store' to be true.", "background", "invalid_value");
  for (const [i, value] of (Array.isArray(body.include) ? body.include : []).entries())
    if (!INCLUDABLE.has(value as string))
      throw invalidRequest(
        `Invalid value: '${String(value)}'. Supported values are: ${[...INCLUDABLE].map((v) => `'${v}'`).join(", ")}.`,
        `include[${i}]`,
        "invalid_value",
      );
  const tools = Array.isArray(body.tools) ? (body.tools as Record<string, unknown>[]) : [];
  if (tools.some((t) => t?.type === "image_generation") && !header(IMAGE_DEPLOYMENT_HEADER))
    throw invalidRequest(
      `The image_generation tool needs the '${IMAGE_DEPLOYMENT_HEADER}' header naming an image model deployment.`,
      "tools",
      "invalid_request_error",
    );
  const searchFiles = fileSearcher(tools, state.resources, now);
  let history: Item[] = [];
  const previous = body.previous_response_id;
  if (previous !== undefined && previous !== null) {
    const stored = state.responses.get(String(previous));
    if (!stored)
      throw invalidRequest(
        `Previous response with id '${String(previous)}' not found.`,
        "previous_response_id",
        "previous_response_not_found",
      );
    history = stored.conversation;
  }
  // Azure looks up every replayed item that carries an id; one that was never stored (its
  // response had `store: false`) is the 400 stateless multi-turn apps meet most.
  for (const item of Array.isArray(body.input) ? (body.input as { id?: unknown }[]) : [])
    if (typeof item?.id === "string" && !state.responses.hasItem(item.id))
      throw invalidRequest(
        `Item with id '${item.id}' not found. Items are not persisted when \`store\` is set to false. Try again with \`store\` set to true, or remove this item from your input.`,
        "input",
        null,
      );
  const scriptHeader = header("x-aoai-emulator-reply");
  const plan = planResponse({
    body,
    model: deployedModel,
    deployment,
    script: scriptHeader === undefined ? undefined : parseScriptedResponse(scriptHeader),
    newId: (prefix) => state.responses.newId(prefix),
    history,
    now: Math.floor(now / 1000),
    searchFiles,
  });
  const response = plan.response as StoredResponse["response"];
  const events = responseEvents(response);
  const background = body.background === true;
  if (store) {
    const scale = timeScale(
      { "x-aoai-emulator-time-scale": header("x-aoai-emulator-time-scale") },
      state.timeScale,
    );
    state.responses.add({
      response,
      input: plan.input,
      conversation: [...history, ...plan.input, ...response.output],
      events,
      createdMs: now,
      doneAt: background ? now + BACKGROUND_MS * scale : now,
      cancelled: false,
    });
  }
  if (body.stream === true) return { kind: "sse", frames: eventFrames(events) };
  if (background) return json({ ...response, status: "queued", output: [], usage: null });
  return json(response);
}

function find(state: ResponsesState, id: string): StoredResponse {
  const stored = state.responses.get(id);
  if (!stored)
    throw new EmulatorHttpError(404, {
      error: {
        code: null,
        message: `Response with id '${id}' not found.`,
        param: null,
        type: "invalid_request_error",
      },
    });
  return stored;
}

function includes(query: URLSearchParams): string[] {
  return [...query.getAll("include"), ...query.getAll("include[]")];
}

/** A stored response as a retrieve sees it at `now`: a background one runs until `doneAt`. */
function view(stored: StoredResponse, now: number, include: string[]): Record<string, unknown> {
  const { response } = stored;
  if (stored.cancelled) return { ...response, status: "cancelled", output: [], usage: null };
  if (response.background && now < stored.doneAt) {
    const queued = now < stored.createdMs + (stored.doneAt - stored.createdMs) / 5;
    return { ...response, status: queued ? "queued" : "in_progress", output: [], usage: null };
  }
  if (!include.includes("reasoning.encrypted_content")) return response;
  const output = response.output.map((item) =>
    item.type === "reasoning" && item.encrypted_content === undefined
      ? {
          ...item,
          encrypted_content: `gAAAAA${Buffer.from(`emulator-reasoning:${item.id}`).toString("base64")}`,
        }
      : item,
  );
  return { ...response, output };
}

/** `GET …?stream=true&starting_after=N`: a background response's events after N, again. */
function streamStored(stored: StoredResponse, query: URLSearchParams): Reply {
  if (!stored.response.background)
    throw invalidRequest(
      "This response cannot be streamed because it was not created with background=true.",
      "stream",
      null,
    );
  const raw = query.get("starting_after");
  const after = raw === null ? -1 : Number(raw);
  if (!Number.isInteger(after) || after < -1)
    throw invalidRequest(
      `Invalid 'starting_after': '${raw}'. Expected an integer.`,
      "starting_after",
      "invalid_value",
    );
  const events = stored.cancelled
    ? [
        ...stored.events.slice(0, 2),
        {
          type: "response.cancelled",
          response: { ...stored.response, status: "cancelled", output: [] },
          sequence_number: 2,
        },
      ]
    : stored.events;
  return { kind: "sse", frames: eventFrames(events.filter((e) => (e.sequence_number as number) > after)) };
}

function cancel(stored: StoredResponse, now: number): Record<string, unknown> {
  if (!stored.response.background) throw invalidRequest("Cannot cancel a synchronous response.", null, null);
  if (!stored.cancelled && now >= stored.doneAt)
    throw invalidRequest(`Cannot cancel a response with status '${stored.response.status}'.`, null, null);
  stored.cancelled = true;
  return view(stored, now, []);
}

/** `POST /openai/v1/responses/compact`: the conversation as one opaque compaction item. */
function compact(body: Record<string, unknown>, state: ResponsesState, now: number): Reply {
  if (typeof body.model !== "string" || !body.model)
    throw invalidRequest("Missing required parameter: 'model'.", "model", "missing_required_parameter");
  let history: Item[] = [];
  if (typeof body.previous_response_id === "string")
    history = find(state, body.previous_response_id).conversation;
  const items = [...history, ...inputItems(body.input ?? [], (p) => state.responses.newId(p))];
  const id = state.responses.newId("cmp");
  const summary = Buffer.from(JSON.stringify(items.map((i) => i.type))).toString("base64");
  return json({
    id,
    object: "response.compaction",
    created_at: Math.floor(now / 1000),
    output: [
      { type: "compaction", id: state.responses.newId("cmpi"), encrypted_content: `gAAAAA${summary}` },
    ],
    usage: { input_tokens: items.length * 8, output_tokens: 16, total_tokens: items.length * 8 + 16 },
  });
}
