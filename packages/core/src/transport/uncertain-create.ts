import type { PipelineResponse } from "@azure/core-rest-pipeline";
import { errorFromResponse } from "../errors/error-from-response.js";
import type { CallRequest } from "./call-request.js";
import { toSdkError } from "./to-sdk-error.js";

/** The error of a create whose attempt failed after the service may have made its object. */
export function uncertainCreate(
  call: CallRequest,
  response: PipelineResponse | undefined,
  failure: unknown,
): Error {
  const cause = response
    ? errorFromResponse(response, call.retryCount)
    : (toSdkError(failure, call.signal, call.retryCount) as Error);
  return call.creates!.notConfirmed(cause, call.sentAt, call.retryCount);
}
