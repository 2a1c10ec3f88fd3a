import type { AzureOpenAIClient } from "@aoai/core";
import { checkVersion, invalid } from "@aoai/core/internal";
import type { ResponseCreateRequest } from "./request-types.js";
import { versions } from "./versions.js";

type Loose = Record<string, unknown> | null | undefined;

/** The `include` values the service documents (create and retrieve). */
export const INCLUDABLE: readonly string[] = [
  "code_interpreter_call.outputs",
  "computer_call_output.output.image_url",
  "file_search_call.results",
  "message.input_image.image_url",
  "message.output_text.logprobs",
  "reasoning.encrypted_content",
  "web_search_call.action.sources",
  "web_search_call.results",
];

/**
 * Checks a create request before anything is sent; only what is surely wrong is refused, unknown
 * fields pass. A client made with `versionChecks: false` skips the version gates and the check of
 * `include` values (a value newer than this SDK then reaches the service).
 */
export function checkRequest(
  client: AzureOpenAIClient,
  request: ResponseCreateRequest,
  deployment: string,
): void {
  const body = request as unknown as Loose;
  if (!body || typeof body !== "object") invalid("request", "must be an object.");
  if (body.model !== undefined && body.model !== deployment)
    invalid(
      "model",
      `is the deployment, ${JSON.stringify(deployment)}; this client sends it (got ${JSON.stringify(body.model)}).`,
    );
  if (body.background === true) {
    check(client, "background");
    if (body.store === false)
      invalid("background", "needs store: a background response is stored (leave store out or set it true).");
  }
  checkInclude(client, body.include);
  const tools = body.tools;
  if (tools != null && !Array.isArray(tools)) invalid("tools", "must be an array.");
  // Function tools are called by name and MCP tools by server label: each must be unique.
  const seen = new Map<string, number>();
  for (let i = 0; i < ((tools as Loose[] | undefined)?.length ?? 0); i++) {
    const tool = (tools as Loose[])[i];
    const type = tool?.type;
    const at = `tools[${i}]`;
    if (typeof type !== "string") invalid(`${at}.type`, "is required.");
    if (type === "mcp" || type === "image_generation") check(client, type);
    const key = type === "function" ? "name" : type === "mcp" ? "server_label" : undefined;
    if (!key) continue;
    const value = tool![key];
    if (typeof value !== "string" || !value) invalid(`${at}.${key}`, "is required.");
    const first = seen.get(`${type} ${value}`);
    if (first !== undefined)
      invalid(
        `${at}.${key}`,
        `repeats ${JSON.stringify(value)} (tools[${first}]): it must be unique among ${type} tools.`,
      );
    seen.set(`${type} ${value}`, i);
    const parameters = tool!.parameters;
    if (type === "function" && (!parameters || typeof parameters !== "object" || Array.isArray(parameters)))
      invalid(
        `${at}.parameters`,
        'must be a JSON schema object (`{ type: "object", properties: {} }` for no arguments).',
      );
  }
  checkReplay(body);
}

/** Checks `include` values (create and retrieve). */
export function checkInclude(client: AzureOpenAIClient, include: unknown): void {
  if (include == null) return;
  if (!Array.isArray(include)) invalid("include", "must be an array.");
  for (let i = 0; i < include.length; i++) {
    const value = include[i];
    if (value === "reasoning.encrypted_content") check(client, value);
    if (!INCLUDABLE.includes(value) && versionChecksOn(client))
      invalid(
        `include[${i}]`,
        `must be one of ${INCLUDABLE.join(", ")}, not ${JSON.stringify(value)} (versionChecks: false on the client lets other values through).`,
      );
  }
}

/**
 * Items with ids are looked up by the service, and items of a response made with `store: false`
 * were never stored: Azure answers 400 "Item with id 'rs_…' not found". With
 * `previous_response_id`, the conversation is on the server already, so a replayed item with an
 * id on a `store: false` turn is that mistake.
 */
function checkReplay(body: NonNullable<Loose>): void {
  if (body.previous_response_id == null || body.store !== false || !Array.isArray(body.input)) return;
  for (let i = 0; i < body.input.length; i++) {
    const item = body.input[i] as Loose;
    if (item?.type !== "item_reference" && typeof item?.id === "string")
      invalid(
        `input[${i}].id`,
        `is set on a store: false turn that continues previous_response_id: send only the new items, or replay unstored items without ids (toInputItems() drops them).`,
      );
  }
}

const check = (client: AzureOpenAIClient, feature: string) =>
  checkVersion(client, feature, versions(feature));

// A feature every known version has (and no version lacks): the gate throws only when checks are on.
function versionChecksOn(client: AzureOpenAIClient): boolean {
  try {
    checkVersion(client, "include", []);
    return false;
  } catch {
    return true;
  }
}
