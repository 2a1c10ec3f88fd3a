import type { HttpHeaders } from "@azure/core-rest-pipeline";

/** Response headers as a plain object with lower-case names. */
export function headersRecord(headers: HttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) out[name.toLowerCase()] = value;
  return out;
}
