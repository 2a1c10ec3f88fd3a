import { invalid } from "./checks.js";

/**
 * The v1 API names the deployment in the body as `model`: a different `model` there is refused
 * rather than silently replaced.
 */
export function checkModel(given: unknown, deployment: string): void {
  if (given != null && given !== deployment)
    invalid(
      "model",
      `${JSON.stringify(given)} is not the deployment ${JSON.stringify(deployment)}, which v1 sends as model.`,
    );
}
