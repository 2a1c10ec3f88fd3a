/** The body Azure OpenAI sends with errors: `{"error": {...}}`. */
export interface AzureErrorBody {
  error: {
    code: string | null;
    message: string;
    param?: string | null;
    type?: string | null;
    status?: number;
    innererror?: unknown;
    /** The newer content-filter body's list of filter runs. */
    content_filters?: unknown[];
  };
}

/** Azure's exact 401 message for a wrong key or endpoint. */
export const ACCESS_DENIED_MESSAGE =
  "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.";

/** An error a handler throws to answer with an Azure-shaped error body; the server never crashes on it. */
export class EmulatorHttpError extends Error {
  readonly status: number;
  readonly body: AzureErrorBody;
  readonly headers: Record<string, string>;

  constructor(status: number, body: AzureErrorBody, headers: Record<string, string> = {}) {
    super(body.error.message);
    this.name = "EmulatorHttpError";
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** Azure answers unknown routes, unknown api-versions and missing api-versions alike. */
export function notFound(): EmulatorHttpError {
  return new EmulatorHttpError(404, { error: { code: "404", message: "Resource not found" } });
}

export function unauthorized(): EmulatorHttpError {
  return new EmulatorHttpError(401, { error: { code: "401", message: ACCESS_DENIED_MESSAGE } });
}

/** A 400 in the shape the data plane uses for request validation failures. */
export function invalidRequest(
  message: string,
  param: string | null = null,
  code = "invalid_request_error",
): EmulatorHttpError {
  return new EmulatorHttpError(400, { error: { code, message, param, type: "invalid_request_error" } });
}

export function tooLarge(limit: number): EmulatorHttpError {
  return new EmulatorHttpError(413, {
    error: {
      code: "RequestEntityTooLarge",
      message: `The request body is too large. The limit is ${limit} bytes.`,
      param: null,
      type: "invalid_request_error",
    },
  });
}

export function methodNotAllowed(): EmulatorHttpError {
  return new EmulatorHttpError(405, { error: { code: "405", message: "Method not allowed" } });
}

export function internalError(): EmulatorHttpError {
  return new EmulatorHttpError(500, {
    error: { code: "InternalServerError", message: "The server had an error while processing your request." },
  });
}
