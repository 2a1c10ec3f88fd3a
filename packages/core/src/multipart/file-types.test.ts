import { describe, expect, it } from "vitest";
import { typeFromName } from "./file-types.js";

describe("typeFromName", () => {
  it("names the content type of the extensions the service takes, in any case", () => {
    expect(typeFromName("speech.MP3")).toBe("audio/mpeg");
    expect(typeFromName("batch.jsonl")).toBe("application/jsonl");
  });

  it("gives application/octet-stream for an unknown extension, none, or a name of Object's own keys", () => {
    for (const name of ["x.bin", "README", "x.constructor", "x.toString", "x.__proto__", "x.hasOwnProperty"])
      expect(typeFromName(name)).toBe("application/octet-stream");
  });
});
