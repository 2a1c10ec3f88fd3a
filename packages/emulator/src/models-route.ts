import { notFound } from "./errors.js";
import { DEFAULT_DEPLOYMENTS, familyOf } from "./models.js";

// A fixed date keeps the answer deterministic, as every other answer of the emulator is.
const CREATED_AT = 1_704_067_200;

/**
 * `GET /openai/models` and `/openai/v1/models` (and `/models/{id}`): the models of the emulator's
 * deployments, in the shape of Azure's Models - List, with `created` for OpenAI-shaped clients.
 */
export function listModels(deployments: Readonly<Record<string, string>> | "any", id?: string): unknown {
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
