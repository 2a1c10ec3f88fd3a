import type { HttpHeaders } from "@azure/core-rest-pipeline";
import { checkModel } from "./v1-model.js";

/**
 * A JSON body, encoded at once (a multipart form is prepared by its own `prepare`). On the v1 API
 * `model` names the deployment in the body; a different `model` there is refused, not replaced.
 */
export function jsonBody(body: object, model: string | undefined, headers: HttpHeaders): string {
  headers.set("content-type", "application/json");
  if (model !== undefined) checkModel((body as { model?: unknown }).model, model);
  return JSON.stringify(model === undefined ? body : { ...body, model });
}
