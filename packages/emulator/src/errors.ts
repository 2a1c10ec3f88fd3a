/**
 * The body Azure OpenAI sends with errors: `{"error": {...}}`. (A request with no credential at
 * all is refused by the gateway in front of the service, whose body is `{statusCode, message}`.)
 */
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
  readonly body: AzureErrorBody | GatewayErrorBody;
  readonly headers: Record<string, string>;

  constructor(status: number, body: AzureErrorBody | GatewayErrorBody, headers: Record<string, string> = {}) {
    super("error" in body ? body.error.message : body.message);
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

/** The body of the gateway in front of Azure OpenAI (API Management), for a request with no key. */
export interface GatewayErrorBody {
  statusCode: number;
  message: string;
}

/** Azure's exact 401 message when a request carries no `api-key` and no `Authorization`. */
export const MISSING_KEY_MESSAGE =
  "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.";

/** Azure's exact 401 message for a bearer token it does not accept. */
export const INVALID_TOKEN_MESSAGE =
  "Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired.";

/** A request with no credential: Azure's gateway answers before the service sees it. */
export function missingKey(): EmulatorHttpError {
  return new EmulatorHttpError(401, { statusCode: 401, message: MISSING_KEY_MESSAGE });
}

/** A bearer token that is not accepted. */
export function invalidToken(): EmulatorHttpError {
  return new EmulatorHttpError(401, { error: { code: "401", message: INVALID_TOKEN_MESSAGE } });
}

/** Azure's exact message for a deployment the resource does not have. */
export const DEPLOYMENT_NOT_FOUND_MESSAGE =
  "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.";

export function deploymentNotFound(): EmulatorHttpError {
  return new EmulatorHttpError(404, {
    error: { code: "DeploymentNotFound", message: DEPLOYMENT_NOT_FOUND_MESSAGE },
  });
}

/**
 * A route Azure OpenAI has that the emulator does not emulate: said plainly, so it is not taken
 * for a wrong URL (Azure's own 404 for those is "Resource not found").
 */
export function notEmulated(method: string, pathname: string): EmulatorHttpError {
  return new EmulatorHttpError(404, {
    error: {
      code: "NotEmulated",
      message: `${method} ${pathname} is an Azure OpenAI route the emulator does not emulate (it is not a wrong URL). See the @aoai/emulator README for what is emulated.`,
    },
  });
}

/**
 * A 400 as the service sends for request validation (`type: "invalid_request_error"`); `code` is
 * null where Azure sends null.
 */
export function badRequest(message: string, param: string | null, code: string | null): EmulatorHttpError {
  return new EmulatorHttpError(400, { error: { message, type: "invalid_request_error", param, code } });
}

/** A 400 in the shape the data plane uses for request validation failures. */
export function invalidRequest(
  message: string,
  param: string | null = null,
  code: string | null = "invalid_request_error",
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
