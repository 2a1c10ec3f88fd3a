import type { HttpHeaders } from "@azure/core-rest-pipeline";
import { checkHeader } from "./checks.js";

/** Adds the caller's headers for one call (`RequestOptions.headers`); they win over the SDK's. */
export function addCallerHeaders(headers: HttpHeaders, extra: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(extra)) {
    checkHeader(name, value);
    headers.set(name, value);
  }
}
