import type { EncodedForm } from "./form.js";

/** Marks a `MultipartForm`, so sending one needs no import of the encoder (bundles without uploads skip it). */
export const FORM: unique symbol = Symbol.for("@aoai/core.form") as never;

/** What `send` needs of a form: its fields (for the v1 `model` check) and its encoder. */
export interface FormLike {
  readonly [FORM]: true;
  readonly fields: Readonly<Record<string, unknown>>;
  encode(extra?: Record<string, string>): Promise<EncodedForm>;
}

/** True for a `MultipartForm`, from any copy of this package. */
export function isMultipartForm(value: unknown): value is FormLike {
  return (value as { [FORM]?: unknown } | null)?.[FORM] === true;
}
