import { parseJsonObject } from "../body.js";
import type { UploadedFile } from "../ops/types.js";
import { checkConversation } from "./conversation.js";
import { checkModelRules, checkOperation } from "./model-rules.js";
import { checkAgainstSpec, checkFormAgainstSpec, hasSpecSchema } from "./spec.js";

/** What one data-plane request is checked on. */
export interface RequestToCheck {
  operation: string;
  apiVersion: string;
  /** The deployment's model (see models.ts). */
  model: string;
  body: Record<string, unknown>;
  /** The file parts of a multipart body, whose text fields are `body`; undefined for JSON. */
  files?: Record<string, UploadedFile>;
}

/**
 * Every check Azure makes on a request body before the model runs, in the order Azure reports
 * them: the operation against the deployment's model, the body (JSON, or a
 * multipart form read as the JSON its schema describes) against the committed spec of its version
 * (unknown parameters, then the schema),
 * the model's parameters and values, then the rules between parameters.
 * Throws the first failure as Azure's 400.
 */
export function validateRequest(req: RequestToCheck): void {
  checkOperation(req.operation, req.model);
  if (req.files)
    checkFormAgainstSpec(req.operation, req.apiVersion, {
      fields: req.body as Record<string, string | string[]>,
      files: req.files,
    });
  else checkAgainstSpec(req.operation, req.apiVersion, req.body);
  checkModelRules(req.operation, req.model, req.body);
  checkConversation(req.operation, req.body);
}

/**
 * Checks the JSON body of a route with a handler of its own (vector stores, and fine-tuning jobs
 * on v1) against the request schema of the spec of its version, as {@link validateRequest} does a
 * deployment's: unknown parameters, then types, enums and bounds. Routes that spec has no schema
 * for (batches, fine-tuning on dated versions and on preview, vector store search on the v1 API)
 * pass, and the handler's own checks run after.
 */
export function checkRouteBody(operation: string, apiVersion: string, raw: Buffer): void {
  if (hasSpecSchema(operation, apiVersion)) checkAgainstSpec(operation, apiVersion, parseJsonObject(raw));
}
