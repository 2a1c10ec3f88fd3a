import { AOAIError } from "./aoai-error.js";

/** Input the SDK refused before sending anything: fix the call. */
export class InvalidInputError extends AOAIError {
  static override readonly kind: string = "InvalidInputError";
  /** The offending parameter, as the wire names it (e.g. `dimensions`, `messages[2].role`). */
  declare readonly param: string | undefined;

  constructor(message: string, param?: string) {
    super(message);
    this.param = param;
  }
}

/** The chosen API version lacks an operation or a request option; nothing was sent. */
export class UnsupportedApiVersionError extends AOAIError {
  static override readonly kind: string = "UnsupportedApiVersionError";
  declare readonly apiVersion: string;
  /** What was asked for: an operation path (`audio/speech`) or an option (`reasoning_effort`). */
  declare readonly feature: string;
  /** The known versions that have it. */
  declare readonly supportedVersions: readonly string[];

  constructor(feature: string, apiVersion: string, supportedVersions: readonly string[]) {
    super(
      `${feature} is not in API version ${apiVersion}; the client's apiVersion can be one of: ${supportedVersions.join(", ")}.`,
    );
    this.feature = feature;
    this.apiVersion = apiVersion;
    this.supportedVersions = supportedVersions;
  }
}
