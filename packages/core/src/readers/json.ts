import { InvalidResponseError } from "../errors/invalid-response-error.js";
import { type ResponseInfo, type WithResponse, withResponse } from "../response-info.js";
import type { Reader } from "../send.js";

/**
 * The result of a success without a body (a 204, or a 2xx whose body is empty): no fields, only
 * `_response`, whose `status` says which. Tell it apart with {@link isEmptyResult}.
 */
export interface EmptyResult {
  readonly _response: ResponseInfo;
}

function reader(emptyIsResult: boolean): Reader<WithResponse<object>> {
  return {
    accept: "application/json",
    streams: false,
    read({ raw, info }) {
      const text = raw.bodyAsText ?? "";
      // An answer with nothing in it is whole, not truncated (a truncated body has bytes): a result
      // where the operation may answer without a body, else said plainly.
      if (text.trim() === "") {
        if (emptyIsResult) return withResponse({}, info);
        throw new InvalidResponseError(
          `The response (${info.status}) has no body, where a JSON object was expected.`,
          text,
          info.requestId,
          info.retryCount,
        );
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        const type = raw.headers.get("content-type");
        const why =
          type && !/json/i.test(type) ? `came back as ${type}, not JSON` : "is not valid JSON (truncated?)";
        throw new InvalidResponseError(`The response body ${why}.`, text, info.requestId, info.retryCount);
      }
      if (!value || typeof value !== "object" || Array.isArray(value))
        throw new InvalidResponseError(
          "The response body is not a JSON object.",
          text,
          info.requestId,
          info.retryCount,
        );
      return withResponse(value, info);
    },
  };
}

const JSON_READER = reader(false);
const JSON_OR_EMPTY_READER = reader(true);

/**
 * Reads a JSON object, with `_response`. With `{ empty: true }`, for operations the service may
 * answer without a body (a delete, a cancel), a 204 or an empty 2xx reads as an
 * {@link EmptyResult}; without it, an empty answer is an `InvalidResponseError` naming the status
 * (a chat completion with no body is not a success).
 */
export function json<T extends object>(): Reader<WithResponse<T>>;
export function json<T extends object>(options: { empty: true }): Reader<WithResponse<T> | EmptyResult>;
export function json(options?: { empty: true }): Reader<WithResponse<object>> {
  return options?.empty ? JSON_OR_EMPTY_READER : JSON_READER;
}

/** True for the result of a success without a body: it has no fields, only `_response`. */
export function isEmptyResult(result: object): result is EmptyResult {
  for (const _ in result) return false;
  return true;
}
