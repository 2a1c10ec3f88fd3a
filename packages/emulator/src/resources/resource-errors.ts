import { EmulatorHttpError } from "../errors.js";

// Resource operations answer in the authoring API's error shape: `code` from its `ErrorCode` enum
// (`invalidPayload`, `notFound`, `unexpectedEntityState`), no `type`.

/** 400 for a request the resource operation refuses. */
export function invalidPayload(message: string, param: string | null = null): EmulatorHttpError {
  return new EmulatorHttpError(400, { error: { code: "invalidPayload", message, param } });
}

/** 404 for an id the emulator does not hold. */
export function resourceNotFound(kind: string, id: string): EmulatorHttpError {
  return new EmulatorHttpError(404, {
    error: { code: "notFound", message: `${kind} with id '${id}' was not found.` },
  });
}

/** 400 for an operation the resource's current status does not allow (cancel a finished batch). */
export function wrongState(message: string): EmulatorHttpError {
  return new EmulatorHttpError(400, { error: { code: "unexpectedEntityState", message } });
}
