import { InvalidResponseError } from "../errors/invalid-response-error.js";
import { type WithResponse, withResponse } from "../response-info.js";
import type { Reader } from "./reader.js";

const JSON_READER: Reader<WithResponse<object>> = {
  accept: "application/json",
  streams: false,
  read({ raw, info }) {
    const text = raw.bodyAsText ?? "";
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

/** Reads a JSON object, with `_response`. */
export function json<T extends object>(): Reader<WithResponse<T>> {
  return JSON_READER as Reader<WithResponse<T>>;
}
