import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ContentFilterError,
  GatewayTimeoutError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestTooLargeError,
  ServiceUnavailableError,
  UnprocessableEntityError,
} from "../src/index.js";
import { API_KEY, callJson, chat, clientFor } from "./support/client.js";
import { destroySocket, hang, json, startServer, type TestServer } from "./support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const BEARER = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-bearer-token-payload";

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

/** Every way an error might be shown: none may contain a secret. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [
    e.message,
    String(e),
    e.stack ?? "",
    inspect(e, { depth: 10, showHidden: true }),
    inspect(e, { depth: 10 }),
    JSON.stringify(e),
    JSON.stringify(e.cause ?? null) ?? "",
    inspect(e.cause, { depth: 10, showHidden: true }),
  ];
}

function expectNoSecrets(error: unknown) {
  for (const text of renderings(error)) {
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(BEARER);
  }
}

describe("HTTP errors over loopback", () => {
  it.each<[number, (typeof APIError)[]]>([
    [400, [BadRequestError]],
    [401, [AuthenticationError]],
    [403, [PermissionDeniedError]],
    [404, [NotFoundError]],
    [409, [ConflictError]],
    [422, [UnprocessableEntityError]],
    [429, [RateLimitError]],
    [500, [InternalServerError]],
    [503, [ServiceUnavailableError, InternalServerError]],
    [504, [GatewayTimeoutError, InternalServerError]],
  ])("%i becomes %O", async (status, classes) => {
    server.fallback(
      json(
        status,
        {
          error: {
            code: `Code${status}`,
            message: `Message ${status}`,
            type: "some_type",
            param: "some_param",
          },
        },
        { "x-request-id": `rid-${status}`, "x-ms-region": "Sweden Central", "retry-after-ms": "1" },
      ),
    );
    const error = await failure(callJson(clientFor(server, { maxRetries: 0 }), chat));
    for (const C of classes) {
      expect(error).toBeInstanceOf(C);
      expect(C.isInstance(error)).toBe(true);
    }
    const e = error as APIError;
    expect(e.status).toBe(status);
    expect(e.code).toBe(`Code${status}`);
    expect(e.type).toBe("some_type");
    expect(e.param).toBe("some_param");
    // A 404 adds the route it was sent to (the next test).
    expect(e.message.startsWith(`${status} Code${status}: Message ${status}`)).toBe(true);
    expect(e.requestId).toBe(`rid-${status}`);
    expect(e.headers["x-ms-region"]).toBe("Sweden Central");
    expect(e.retryAfterMs).toBe(1);
    expectNoSecrets(error);
  });

  it("a content_filter 400 becomes ContentFilterError with the typed results", async () => {
    server.fallback(
      json(400, {
        error: {
          message:
            "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
          type: null,
          param: "prompt",
          code: "content_filter",
          status: 400,
          innererror: {
            code: "ResponsibleAIPolicyViolation",
            content_filter_result: {
              hate: { filtered: true, severity: "high" },
              self_harm: { filtered: false, severity: "safe" },
              sexual: { filtered: false, severity: "safe" },
              violence: { filtered: false, severity: "low" },
              custom_blocklists: { filtered: false, details: [] },
            },
          },
        },
      }),
    );
    const error = await failure(callJson(clientFor(server), chat));
    expect(error).toBeInstanceOf(ContentFilterError);
    expect(error).toBeInstanceOf(BadRequestError);
    const e = error as ContentFilterError;
    expect(e.innerCode).toBe("ResponsibleAIPolicyViolation");
    expect(e.contentFilterResults?.hate).toEqual({ filtered: true, severity: "high" });
    expect(e.filtered).toEqual(["hate"]);
    expect(server.requests).toHaveLength(1);
  });

  it("reads an API Management body {statusCode, message}", async () => {
    server.fallback(
      json(
        401,
        { statusCode: 401, message: "Access denied due to invalid subscription key or wrong API endpoint." },
        {
          "apim-request-id": "apim-7",
        },
      ),
    );
    const error = await failure(callJson(clientFor(server), chat));
    expect(error).toBeInstanceOf(AuthenticationError);
    const e = error as AuthenticationError;
    expect(e.code).toBe("401");
    expect(e.message).toBe("401: Access denied due to invalid subscription key or wrong API endpoint.");
    expect(e.requestId).toBe("apim-7");
  });

  it("names the status and a short plain excerpt of a gateway's HTML page, and keeps the whole body", async () => {
    const page = `<html><head><style>body{color:red}</style><script>var x = 1;</script></head><body><h1>502 Bad Gateway</h1><p>The upstream   server\n did not answer.</p>${"<!-- padding -->".repeat(300)}</body></html>`;
    server.fallback({ status: 502, headers: { "content-type": "text/html" }, body: page });
    const error = await failure(callJson(clientFor(server, { maxRetries: 0 }), chat));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).message).toBe("502: 502 Bad Gateway The upstream server did not answer.");
    expect((error as APIError).body).toBe(page);
    expect((error as APIError).code).toBeUndefined();
  });

  it("says a 413 means the body was too large", async () => {
    server.fallback(
      json(413, { error: { code: "RequestEntityTooLarge", message: "Request body too large." } }),
    );
    const error = await failure(callJson(clientFor(server), chat));
    expect(error).toBeInstanceOf(RequestTooLargeError);
    expect(APIError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      "413 RequestEntityTooLarge: Request body too large. (request body too large)",
    );
  });

  it("a 404 names the route and API version used and what to check; the body stays as received", async () => {
    server.fallback(json(404, { error: { code: "404", message: "Resource not found" } }));
    const error = (await failure(
      callJson(clientFor(server, { apiVersion: "2025-04-01-preview", maxRetries: 0 }), chat),
    )) as APIError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(/^404: Resource not found\. /);
    expect(error.message).toContain(
      'The SDK sent POST /openai/deployments/gpt-4o/chat/completions with API version 2025-04-01-preview: check the deployment "gpt-4o"',
    );
    expect(error.message).toMatch(/endpoint/);
    expect(error.error).toEqual({ code: "404", message: "Resource not found" });
    expectNoSecrets(error);
  });

  it("an empty error body still gives a typed error", async () => {
    server.fallback({ status: 404 });
    const error = await failure(callJson(clientFor(server), chat));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as APIError).error).toBeUndefined();
  });

  it("a 200 that is not JSON becomes InvalidResponseError", async () => {
    server.fallback({ status: 200, headers: { "x-request-id": "rid-bad" }, body: '{"truncated": ' });
    const error = await failure(callJson(clientFor(server), chat));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).requestId).toBe("rid-bad");
    expect((error as InvalidResponseError).snippet).toBe('{"truncated": ');
  });

  it("a 200 with a JSON scalar becomes InvalidResponseError", async () => {
    server.fallback({ status: 200, headers: { "content-type": "application/json" }, body: "42" });
    await expect(callJson(clientFor(server), chat)).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

describe("errors never carry the credential", () => {
  const creds = [
    ["api key", { apiKey: API_KEY }],
    ["bearer token", { tokenProvider: () => BEARER }],
  ] as const;

  it.each(creds)("API error (%s)", async (_name, auth) => {
    server.fallback(json(401, { error: { code: "401", message: "Unauthorized" } }, { "x-request-id": "r" }));
    const error = await failure(callJson(clientFor(server, auth), chat));
    expect(error).toBeInstanceOf(AuthenticationError);
    expectNoSecrets(error);
    // The credential did go over the wire, so the checks above are meaningful.
    const sent = JSON.stringify(server.requests[0]!.headers);
    expect(sent.includes(API_KEY) || sent.includes(BEARER)).toBe(true);
  });

  it.each(creds)("rate limit thrown from the retry policy (%s)", async (_name, auth) => {
    server.fallback(json(429, { error: { code: "429", message: "Too many" } }, { "retry-after": "600" }));
    const error = await failure(callJson(clientFor(server, auth), chat));
    expect(error).toBeInstanceOf(RateLimitError);
    expectNoSecrets(error);
  });

  it.each(creds)("connection error (%s)", async (_name, auth) => {
    server.fallback(destroySocket);
    const error = await failure(callJson(clientFor(server, { ...auth, maxRetries: 0 }), chat));
    expect(error).toBeInstanceOf(APIConnectionError);
    expectNoSecrets(error);
  });

  it.each(creds)("connection refused (%s)", async (_name, auth) => {
    const closed = await (await import("./support/server.js")).startServer();
    const url = closed.url;
    await closed.close();
    const error = await failure(callJson(clientFor(closed, { ...auth, endpoint: url, maxRetries: 0 }), chat));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIConnectionError).code).toBe("ECONNREFUSED");
    expectNoSecrets(error);
  });

  it.each(creds)("timeout (%s)", async (_name, auth) => {
    server.fallback(hang);
    const error = await failure(callJson(clientFor(server, { ...auth, maxRetries: 0, timeout: 30 }), chat));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expectNoSecrets(error);
  });
});
