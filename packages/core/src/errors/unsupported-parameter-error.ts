import { type APIErrorInit, BadRequestError } from "./api-error.js";

// What a reasoning model (o-series, gpt-5) takes where the service names nothing: the sampling
// temperature gives way to the reasoning effort.
const INSTEAD: Readonly<Record<string, string>> = {
  max_tokens: "max_completion_tokens",
  temperature: "reasoning_effort",
};
const NAMED = /^Unsupported (?:parameter|value): '([^']+)'/;

/**
 * Azure's 400 for a parameter the model does not take (`unsupported_parameter`), or takes only at
 * its default (`unsupported_value`): reasoning models refuse `max_tokens` and `temperature`.
 * `param` names it, `replacement` what the model takes instead (from the service's message, else
 * the known one: `max_completion_tokens` for `max_tokens`, `reasoning_effort` for `temperature`).
 */
export class UnsupportedParameterError extends BadRequestError {
  static override readonly kind: string = "UnsupportedParameterError";
  /** The parameter to send instead, when there is one. */
  readonly replacement: string | undefined;

  constructor(init: APIErrorInit) {
    super(init);
    const message = init.error?.message ?? "";
    // `param` is the base class's, from the body; an older body names it only in the message.
    const param = (this as { param: string | undefined }).param ?? NAMED.exec(message)?.[1];
    (this as { param: string | undefined }).param = param;
    const named = /Use '([^']+)' instead/.exec(message)?.[1];
    this.replacement = named ?? INSTEAD[param as string];
    if (!named && this.replacement) this.message += ` (this model takes ${this.replacement} instead)`;
  }
}

/** True for the body of an unsupported-parameter 400. */
export function isUnsupportedParameter(error: APIErrorInit["error"]): boolean {
  return /^unsupported_(parameter|value)$/.test(error?.code ?? "") || NAMED.test(error?.message ?? "");
}
