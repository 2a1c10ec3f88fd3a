import type { HttpHeaders } from "@azure/core-rest-pipeline";

/** Marks a `MultipartForm`, so sending one needs no import of the encoder (bundles without uploads skip it). */
export const FORM: unique symbol = Symbol.for("@aoai/core.form") as never;

/** What `send` needs of a form: to encode itself into a body and its headers. */
export interface FormLike {
  readonly [FORM]: true;
  /**
   * Encodes the form for one request, setting its content type (and length, where the body is a
   * stream factory); `model` is added on the v1 API. Resolves with the body and whether it can
   * be sent twice.
   */
  prepare(headers: HttpHeaders, model: string | undefined): Promise<{ body: unknown; replayable: boolean }>;
}

/** True for a `MultipartForm`, from any copy of this package. */
export function isMultipartForm(value: unknown): value is FormLike {
  return (value as { [FORM]?: unknown } | null)?.[FORM] === true;
}
