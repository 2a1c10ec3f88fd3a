import { AzureOpenAIClient, InvalidInputError, UnsupportedApiVersionError } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { paramOf } from "../../../test-utils/input-errors.js";
import { requestSchema, resolve, type SpecVersion, schemaProperties } from "../../../test-utils/specs.js";
import { checkMask } from "./check-mask.js";
import { checkRequest } from "./check-request.js";
import type { ImageGenerateRequest } from "./request-types.js";

const client = (apiVersion = "2025-04-01-preview") =>
  new AzureOpenAIClient({ endpoint: "https://example.openai.azure.com", apiKey: "k", apiVersion });

const check = (request: Partial<ImageGenerateRequest>, apiVersion?: string) =>
  checkRequest(client(apiVersion), { prompt: "x", ...request } as ImageGenerateRequest);

describe("checkRequest", () => {
  it("accepts every value either official spec lists, on the version that lists it", () => {
    for (const version of ["2024-10-21", "2025-04-01-preview"] as SpecVersion[]) {
      const props = schemaProperties(
        version,
        requestSchema(version, "/deployments/{deployment-id}/images/generations"),
      );
      for (const [field, schema] of Object.entries(props)) {
        for (const value of resolve(version, schema).enum ?? [])
          expect(() => check({ [field]: value }, version), `${field}: ${value}`).not.toThrow();
      }
    }
  });

  it("accepts webp and custom WIDTHxHEIGHT sizes, which newer models take", () => {
    expect(() => check({ output_format: "webp" })).not.toThrow();
    expect(() => check({ size: "2048x1152" })).not.toThrow();
    expect(() => check({ n: 10, output_compression: 0, user: "u" })).not.toThrow();
  });

  it("refuses values no model takes, naming the field", () => {
    const cases: [Partial<ImageGenerateRequest>, string][] = [
      [{ prompt: "" }, "prompt"],
      [{ prompt: 5 as never }, "prompt"],
      [{ n: 0 }, "n"],
      [{ n: 11 }, "n"],
      [{ n: "2" as never }, "n"],
      [{ size: "large" as never }, "size"],
      [{ size: "0x1024" as never }, "size"],
      [{ size: "1024x" as never }, "size"],
      [{ size: 1024 as never }, "size"],
      [{ quality: "HD" as never }, "quality"],
      [{ style: "bold" as never }, "style"],
      [{ response_format: "json" as never }, "response_format"],
      [{ output_format: "gif" as never }, "output_format"],
      [{ output_compression: -1 }, "output_compression"],
      [{ output_compression: 50.5 }, "output_compression"],
      [{ background: "none" as never }, "background"],
      [{ user: {} as never }, "user"],
    ];
    for (const [request, param] of cases) expect(paramOf(() => check(request))).toBe(param);
    expect(paramOf(() => checkRequest(client(), null as never))).toBe("request");
    expect(paramOf(() => checkRequest(client(), [] as never))).toBe("request");
  });

  it("gates output_format, output_compression and background by API version; null is unset", () => {
    for (const field of ["output_format", "output_compression", "background"] as const) {
      const value = { output_format: "png", output_compression: 50, background: "auto" }[field];
      expect(() => check({ [field]: value }, "2024-10-21")).toThrow(UnsupportedApiVersionError);
      expect(() => check({ [field]: value }, "2025-03-01-preview")).toThrow(UnsupportedApiVersionError);
      expect(() => check({ [field]: value }, "preview")).not.toThrow();
      expect(() => check({ [field]: null as never }, "2024-10-21")).not.toThrow();
    }
  });
});

describe("checkMask", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
  const refused = async (mask: unknown) => {
    const error = await checkMask(mask as never).catch((e: unknown) => e);
    return InvalidInputError.isInstance(error) && error.param === "mask";
  };

  it("accepts a PNG as bytes, ArrayBuffer, Blob, File or .png path, and what it cannot see", async () => {
    for (const mask of [
      undefined,
      null,
      png,
      png.buffer,
      new Blob([png]),
      new Blob([png], { type: "image/png" }),
      new File([png], "MASK.PNG"),
      "mask.png",
      "C:\\masks\\mask",
      new ReadableStream(),
    ])
      expect(await refused(mask)).toBe(false);
  });

  it("refuses what is surely not a PNG", async () => {
    for (const mask of [
      jpeg,
      jpeg.buffer,
      new Uint8Array(0),
      new Blob([jpeg]),
      new Blob([png], { type: "image/jpeg" }),
      new File([png], "mask.jpg"),
      "masks/mask.webp",
    ])
      expect(await refused(mask), String(mask)).toBe(true);
  });
});
