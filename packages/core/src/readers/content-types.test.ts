import { describe, expect, it } from "vitest";
import { ANY_BUT_PAGE, isAccepted } from "./content-types.js";

describe("isAccepted", () => {
  it("matches exact types, families and any, ignoring case and parameters", () => {
    expect(isAccepted("audio/mpeg", ["audio/*"])).toBe(true);
    expect(isAccepted("Audio/WAV; codec=1", ["audio/*"])).toBe(true);
    expect(isAccepted("application/octet-stream", ["audio/*", "application/octet-stream"])).toBe(true);
    expect(isAccepted("application/json", ["audio/*", "application/octet-stream"])).toBe(false);
    expect(isAccepted("audiox/mpeg", ["audio/*"])).toBe(false);
    expect(isAccepted("image/png", ANY_BUT_PAGE)).toBe(true);
  });

  it("refuses a web page unless it is named exactly", () => {
    expect(isAccepted("text/html; charset=utf-8", ANY_BUT_PAGE)).toBe(false);
    expect(isAccepted("application/xhtml+xml", ANY_BUT_PAGE)).toBe(false);
    expect(isAccepted("text/html", ["text/*"])).toBe(false);
    expect(isAccepted("text/plain", ["text/*"])).toBe(true);
    expect(isAccepted("text/html", ["text/html"])).toBe(true);
  });
});
