import type { IncomingHttpHeaders } from "node:http";
import { invalidRequest } from "../errors.js";

/** Request header that sets the time scale of the resource it creates (upload, batch, job). */
export const TIME_SCALE_HEADER = "x-aoai-emulator-time-scale";

/** Whole seconds since the epoch, as the service stamps `created_at`. */
export const seconds = (ms: number): number => Math.floor(ms / 1000);

/**
 * The time scale for a resource created by this request: the header's, else the emulator's.
 * 1 runs the built-in durations (about a second per phase), 0.01 a hundred times faster, 0 makes
 * every phase end as soon as it is looked at.
 */
export function timeScale(headers: IncomingHttpHeaders, fallback: number): number {
  const raw = headers[TIME_SCALE_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return fallback;
  const scale = Number(value);
  if (value.trim() === "" || !Number.isFinite(scale) || scale < 0 || scale > 1000)
    throw invalidRequest(
      `${TIME_SCALE_HEADER} must be a number from 0 to 1000`,
      TIME_SCALE_HEADER,
      "invalid_value",
    );
  return scale;
}
