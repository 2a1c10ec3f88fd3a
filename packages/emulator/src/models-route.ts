import type { IncomingMessage, ServerResponse } from "node:http";
import { DATED_VERSIONS } from "./api-versions.js";
import { methodNotAllowed, notFound } from "./errors.js";
import { DEFAULT_DEPLOYMENTS, familyOf } from "./models.js";
import { sendJson } from "./respond.js";

type Deployments = Readonly<Record<string, string>> | "any";

const MODELS_PATH = /^\/openai(\/v1)?\/models(?:\/([^/]+))?\/?$/;

/**
 * Answers `GET /openai/models[/{id}]` (with a dated `api-version`) and `/openai/v1/models[/{id}]`;
 * false for any other path.
 */
export function serveModels(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deployments: Deployments,
): boolean {
  const match = MODELS_PATH.exec(url.pathname);
  if (!match) return false;
  const version = url.searchParams.get("api-version");
  const ok = match[1]
    ? version === null || ["v1", "latest", "preview"].includes(version)
    : version !== null && DATED_VERSIONS.includes(version);
  if (!ok) throw notFound();
  if (req.method !== "GET") throw methodNotAllowed();
  let id: string | undefined;
  try {
    id = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
  } catch {
    throw notFound();
  }
  sendJson(res, 200, listModels(deployments, id));
  return true;
}

// A fixed date keeps the answer deterministic, as every other answer of the emulator is.
const CREATED_AT = 1_704_067_200;

/**
 * `GET /openai/models` and `/openai/v1/models` (and `/models/{id}`): the models of the emulator's
 * deployments, in the shape of Azure's Models - List, with `created` for OpenAI-shaped clients.
 */
function listModels(deployments: Deployments, id?: string): unknown {
  const names = [...new Set(Object.values(deployments === "any" ? DEFAULT_DEPLOYMENTS : deployments))].sort();
  const data = names.map(modelEntry);
  if (id === undefined) return { data, object: "list" };
  const one = data.find((m) => m.id === id);
  if (!one) throw notFound();
  return one;
}

function modelEntry(id: string) {
  const ops = familyOf(id)?.operations ?? [];
  return {
    status: "succeeded",
    capabilities: {
      fine_tune: false,
      inference: true,
      completion: ops.includes("completions"),
      chat_completion: ops.includes("chat/completions"),
      embeddings: ops.includes("embeddings"),
    },
    lifecycle_status: "generally-available",
    deprecation: { inference: CREATED_AT + 3 * 365 * 86_400 },
    id,
    created_at: CREATED_AT,
    created: CREATED_AT,
    object: "model",
  };
}
