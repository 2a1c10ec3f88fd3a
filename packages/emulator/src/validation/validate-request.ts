import { checkConversation } from "./conversation.js";
import { checkModelRules, checkOperation } from "./model-rules.js";
import { checkAgainstSpec } from "./spec.js";

/** What one data-plane request is checked on. */
export interface RequestToCheck {
  operation: string;
  apiVersion: string;
  /** The deployment's model (see models.ts). */
  model: string;
  body: Record<string, unknown>;
  /** True for multipart bodies, whose text fields the spec's JSON types do not describe. */
  multipart: boolean;
}

/**
 * Every check Azure makes on a request body before the model runs, in the order Azure reports
 * them: the operation against the deployment's model, the body against the committed spec of its version (unknown parameters, then the schema),
 * the model's parameters and values, then the rules between parameters.
 * Throws the first failure as Azure's 400.
 */
export function validateRequest(req: RequestToCheck): void {
  checkOperation(req.operation, req.model);
  if (!req.multipart) checkAgainstSpec(req.operation, req.apiVersion, req.body);
  checkModelRules(req.operation, req.model, req.body);
  checkConversation(req.operation, req.body);
}
