import type { AzureOpenAIClient, OperationRequest } from "../client.js";
import { responseInfo, type WithResponse, withResponse } from "../response-info.js";
import { readAllBytes } from "./body-bytes.js";
import { toSdkError } from "./to-sdk-error.js";

/** Bytes of a binary response (synthesised audio, an image) with their content type. */
export interface BinaryResult {
  data: Uint8Array;
  contentType: string | undefined;
}

/** Sends an operation and reads its whole binary response. */
export async function requestBinary(
  client: AzureOpenAIClient,
  request: OperationRequest,
): Promise<WithResponse<BinaryResult>> {
  const { raw, state, signal } = await client.send(request, "binary");
  let data: Uint8Array;
  try {
    data = await readAllBytes(raw);
  } catch (error) {
    throw toSdkError(error, signal);
  }
  return withResponse(
    { data, contentType: raw.headers.get("content-type") },
    responseInfo(raw, state.retryCount),
  );
}
