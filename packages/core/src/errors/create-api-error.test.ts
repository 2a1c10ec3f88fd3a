import { describe, expect, it } from "vitest";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  GatewayTimeoutError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServiceUnavailableError,
  UnprocessableEntityError,
} from "./api-error.js";
import { ContentFilterError } from "./content-filter-error.js";
import { createAPIError, parseErrorBody } from "./create-api-error.js";
import { UnsupportedParameterError } from "./unsupported-parameter-error.js";

const body = {
  code: "SomeCode",
  message: "Something went wrong.",
  type: "invalid_request_error",
  param: "messages",
};

describe("createAPIError", () => {
  it.each<[number, typeof APIError, string]>([
    [400, BadRequestError, "BadRequestError"],
    [401, AuthenticationError, "AuthenticationError"],
    [403, PermissionDeniedError, "PermissionDeniedError"],
    [404, NotFoundError, "NotFoundError"],
    [409, ConflictError, "ConflictError"],
    [422, UnprocessableEntityError, "UnprocessableEntityError"],
    [429, RateLimitError, "RateLimitError"],
    [500, InternalServerError, "InternalServerError"],
    [502, InternalServerError, "InternalServerError"],
    [503, ServiceUnavailableError, "ServiceUnavailableError"],
    [504, GatewayTimeoutError, "GatewayTimeoutError"],
    [418, APIError, "APIError"],
  ])("maps %i to %O", (status, ErrorClass, name) => {
    const error = createAPIError({ status, error: body, headers: { "x-request-id": "rid" } });
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.constructor).toBe(ErrorClass);
    expect(error.name).toBe(name);
    expect(ErrorClass.isInstance(error)).toBe(true);
    expect(APIError.isInstance(error)).toBe(true);
    expect(error.status).toBe(status);
  });

  it("503 and 504 are also InternalServerError", () => {
    for (const status of [503, 504]) {
      const error = createAPIError({ status, error: undefined, headers: {} });
      expect(error).toBeInstanceOf(InternalServerError);
      expect(InternalServerError.isInstance(error)).toBe(true);
    }
    expect(
      ServiceUnavailableError.isInstance(createAPIError({ status: 504, error: undefined, headers: {} })),
    ).toBe(false);
  });

  it("carries status, code, type, param, message, requestId and headers", () => {
    const headers = { "x-request-id": "rid-1", "apim-request-id": "apim-1" };
    const error = createAPIError({
      status: 400,
      error: body,
      headers,
      requestId: "rid-1",
      retryAfterMs: 5,
      retryCount: 2,
    });
    expect(error.status).toBe(400);
    expect(error.code).toBe("SomeCode");
    expect(error.type).toBe("invalid_request_error");
    expect(error.param).toBe("messages");
    expect(error.message).toBe("400 SomeCode: Something went wrong.");
    expect(error.requestId).toBe("rid-1");
    expect(error.headers).toEqual(headers);
    expect(error.error).toEqual(body);
    expect(error.retryAfterMs).toBe(5);
    expect(error.retryCount).toBe(2);
  });

  it("tolerates a missing body", () => {
    const error = createAPIError({ status: 500, error: undefined, headers: {} });
    expect(error.requestId).toBeUndefined();
    expect(error.code).toBeUndefined();
    expect(error.type).toBeUndefined();
    expect(error.param).toBeUndefined();
    expect(error.retryCount).toBe(0);
    expect(error.message).toBe("500: (no error message in the response body)");
  });

  it("stringifies a numeric code and maps null fields to undefined", () => {
    const error = createAPIError({
      status: 429,
      error: { code: 429 as unknown as string, message: "m", type: null, param: null },
      headers: {},
    });
    expect(error.code).toBe("429");
    expect(error.type).toBeUndefined();
    expect(error.param).toBeUndefined();
  });
});

describe("ContentFilterError", () => {
  const contentFilterBody = {
    message:
      "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
    type: null,
    param: "prompt",
    code: "content_filter",
    status: 400,
    innererror: {
      code: "ResponsibleAIPolicyViolation",
      content_filter_result: {
        hate: { filtered: false, severity: "safe" },
        self_harm: { filtered: false, severity: "safe" },
        sexual: { filtered: false, severity: "safe" },
        violence: { filtered: true, severity: "medium" },
        jailbreak: { filtered: true, detected: true },
        profanity: { filtered: false, detected: false },
      },
    },
  };

  it("is built for a 400 content_filter with typed results", () => {
    const error = createAPIError({ status: 400, error: contentFilterBody, headers: {} });
    expect(error).toBeInstanceOf(ContentFilterError);
    expect(error).toBeInstanceOf(BadRequestError);
    const cf = error as ContentFilterError;
    expect(ContentFilterError.isInstance(cf)).toBe(true);
    expect(BadRequestError.isInstance(cf)).toBe(true);
    expect(cf.code).toBe("content_filter");
    expect(cf.param).toBe("prompt");
    expect(cf.innerCode).toBe("ResponsibleAIPolicyViolation");
    expect(cf.contentFilterResults?.violence).toEqual({ filtered: true, severity: "medium" });
    expect(cf.contentFilterResults?.jailbreak).toEqual({ filtered: true, detected: true });
    expect(cf.filtered).toEqual(["violence", "jailbreak"]);
    expect(cf.message).toMatch(/\[filtered: violence, jailbreak\]$/);
  });

  it("is recognised by innererror code alone", () => {
    const error = createAPIError({
      status: 400,
      error: { code: "BadRequest", message: "m", innererror: { code: "ResponsibleAIPolicyViolation" } },
      headers: {},
    });
    expect(error).toBeInstanceOf(ContentFilterError);
    expect((error as ContentFilterError).filtered).toEqual([]);
    expect((error as ContentFilterError).contentFilterResults).toBeUndefined();
  });

  it("is built from the newer shape: content_filters[] and innererror ContentFiltered", () => {
    const error = createAPIError({
      status: 400,
      error: {
        message:
          "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
        type: "invalid_request_error",
        param: "prompt",
        code: "invalid_prompt",
        innererror: { code: "ContentFiltered" },
        content_filters: [
          {
            blocked: false,
            source_type: "prompt",
            content_filter_results: { hate: { filtered: false, severity: "safe" } },
          },
          {
            blocked: true,
            source_type: "prompt",
            content_filter_raw: [],
            content_filter_results: {
              hate: { filtered: false, severity: "safe" },
              violence: { filtered: true, severity: "high" },
              jailbreak: { filtered: true, detected: true },
            },
          },
        ],
      },
      headers: {},
    });
    expect(error).toBeInstanceOf(ContentFilterError);
    const cf = error as ContentFilterError;
    expect(cf.innerCode).toBe("ContentFiltered");
    expect(cf.contentFilters).toHaveLength(2);
    expect(cf.contentFilters?.[1]?.source_type).toBe("prompt");
    expect(cf.contentFilterResults?.violence).toEqual({ filtered: true, severity: "high" });
    expect(cf.filtered).toEqual(["violence", "jailbreak"]);
    expect(cf.message).toMatch(/\[filtered: violence, jailbreak\]$/);
  });

  it("is recognised by content_filters alone", () => {
    const error = createAPIError({
      status: 400,
      error: {
        code: "BadRequest",
        message: "m",
        content_filters: [
          { blocked: true, content_filter_results: { sexual: { filtered: true, severity: "medium" } } },
        ],
      },
      headers: {},
    });
    expect(error).toBeInstanceOf(ContentFilterError);
    expect((error as ContentFilterError).filtered).toEqual(["sexual"]);
  });

  it("is not built for other statuses", () => {
    expect(createAPIError({ status: 500, error: contentFilterBody, headers: {} })).not.toBeInstanceOf(
      ContentFilterError,
    );
  });
});

describe("parseErrorBody", () => {
  it("reads the Azure {error: {...}} shape", () => {
    expect(parseErrorBody(JSON.stringify({ error: body }))).toEqual(body);
  });

  it("reads the API Management {statusCode, message} shape", () => {
    const parsed = parseErrorBody(
      JSON.stringify({
        statusCode: 401,
        message: "Access denied due to invalid subscription key or wrong API endpoint.",
      }),
    );
    expect(parsed).toEqual({
      message: "Access denied due to invalid subscription key or wrong API endpoint.",
      code: "401",
    });
  });

  it("prefers code over statusCode", () => {
    expect(parseErrorBody(JSON.stringify({ code: "Throttled", statusCode: 429, message: "m" }))?.code).toBe(
      "Throttled",
    );
  });

  it("takes an error string", () => {
    expect(parseErrorBody(JSON.stringify({ error: "plain" }))).toEqual({ message: "plain" });
  });

  it("makes a non-JSON body a short plain-text message", () => {
    expect(parseErrorBody("<html>Bad  <b>Gateway</b>\n</html>")).toEqual({ message: "Bad Gateway" });
    const long = "x".repeat(5000);
    const message = parseErrorBody(long)!.message!;
    expect(message).toHaveLength(201);
    expect(message.endsWith("…")).toBe(true);
  });

  it("handles empty, scalar and unknown JSON bodies", () => {
    expect(parseErrorBody(undefined)).toBeUndefined();
    expect(parseErrorBody("")).toBeUndefined();
    expect(parseErrorBody("42")).toEqual({ message: "42" });
    expect(parseErrorBody("null")).toEqual({ message: "null" });
    expect(parseErrorBody('{"foo":1}')).toEqual({ message: '{"foo":1}' });
  });
});

describe("ContentFilterError for images", () => {
  it("is built from the image body (content_policy_violation, inner_error, content_filter_results)", () => {
    const error = createAPIError({
      status: 400,
      error: {
        code: "content_policy_violation",
        message: "Your request was rejected as a result of our safety system.",
        inner_error: {
          code: "ResponsibleAIPolicyViolation",
          content_filter_results: {
            violence: { filtered: true, severity: "high" },
            hate: { filtered: false, severity: "safe" },
          },
          revised_prompt: "a prompt",
        },
      },
      headers: {},
    });
    expect(error).toBeInstanceOf(ContentFilterError);
    const e = error as ContentFilterError;
    expect(e.innerCode).toBe("ResponsibleAIPolicyViolation");
    expect(e.filtered).toEqual(["violence"]);
  });

  it("is built for gpt-image's moderation_blocked", () => {
    const error = createAPIError({
      status: 400,
      error: { code: "moderation_blocked", message: "blocked" },
      headers: {},
    });
    expect(error).toBeInstanceOf(ContentFilterError);
  });
});

describe("UnsupportedParameterError", () => {
  it("names the parameter a reasoning model takes instead of max_tokens", () => {
    const error = createAPIError({
      status: 400,
      error: {
        message:
          "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        type: "invalid_request_error",
        param: "max_tokens",
        code: "unsupported_parameter",
      },
      headers: {},
    });
    expect(error).toBeInstanceOf(UnsupportedParameterError);
    expect(error).toBeInstanceOf(BadRequestError);
    const e = error as UnsupportedParameterError;
    expect(UnsupportedParameterError.isInstance(e)).toBe(true);
    expect(e.param).toBe("max_tokens");
    expect(e.replacement).toBe("max_completion_tokens");
    expect(e.message.match(/max_completion_tokens/g)).toHaveLength(1);
  });

  it("says what to use for temperature, which the service names no replacement for", () => {
    const error = createAPIError({
      status: 400,
      error: {
        message: "Unsupported parameter: 'temperature' is not supported with this model.",
        param: "temperature",
        code: "unsupported_parameter",
      },
      headers: {},
    }) as UnsupportedParameterError;
    expect(error).toBeInstanceOf(UnsupportedParameterError);
    expect(error.replacement).toBe("reasoning_effort");
    expect(error.message).toMatch(/this model takes reasoning_effort instead/);
  });

  it("is built for gpt-5's unsupported_value, and reads the parameter from the message without param", () => {
    const error = createAPIError({
      status: 400,
      error: {
        message:
          "Unsupported value: 'temperature' does not support 0.7 with this model. Only the default (1) value is supported.",
        code: "unsupported_value",
      },
      headers: {},
    }) as UnsupportedParameterError;
    expect(error).toBeInstanceOf(UnsupportedParameterError);
    expect(error.param).toBe("temperature");
    expect(error.replacement).toBe("reasoning_effort");
  });

  it("leaves other 400s alone", () => {
    expect(
      createAPIError({ status: 400, error: { code: "invalid_value", message: "m" }, headers: {} }),
    ).not.toBeInstanceOf(UnsupportedParameterError);
  });
});
