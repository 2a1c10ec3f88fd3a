import type { PipelineResponse } from "@azure/core-rest-pipeline";
import { errorFromResponse } from "../errors/error-from-response.js";
import type { CallState } from "./call-state.js";
import { toSdkError } from "./to-sdk-error.js";

/** The error of a create whose attempt failed after the service may have made its object. */
export function uncertainCreate(
  state: CallState,
  response: PipelineResponse | undefined,
  failure: unknown,
): Error {
  const cause = response
    ? errorFromResponse(response, state.retryCount)
    : (toSdkError(failure, state.signal, state.retryCount) as Error);
  return state.creates!.notConfirmed(cause, state.sentAt, state.retryCount);
}
