import { API_VERSIONS } from "@aoai/core";
import { describe, expect, it } from "vitest";
import type { EmulatorHttpError } from "./errors.js";
import { EMULATED_OPERATIONS, operationVersions } from "./operations.js";
import { resolveRoute } from "./router.js";

const q = (s: string) => new URLSearchParams(s);
const status = (fn: () => unknown) => {
  try {
    fn();
    return 200;
  } catch (e) {
    return (e as EmulatorHttpError).status;
  }
};

describe("resolveRoute", () => {
  it("accepts exactly the operation/version pairs of its table", () => {
    for (const op of [...EMULATED_OPERATIONS, "images/edits"]) {
      const versions = operationVersions(op)!;
      for (const v of API_VERSIONS.filter((x) => x !== "v1" && x !== "preview")) {
        const expected = versions.includes(v) ? 200 : 404;
        expect(
          status(() => resolveRoute(`/openai/deployments/d/${op}`, q(`api-version=${v}`))),
          `${op} ${v}`,
        ).toBe(expected);
      }
    }
  });

  it("decodes the deployment and keeps the version", () => {
    expect(resolveRoute("/openai/deployments/my%20dep/embeddings", q("api-version=2024-10-21"))).toEqual({
      shape: "deployments",
      operation: "embeddings",
      deployment: "my dep",
      apiVersion: "2024-10-21",
    });
    expect(
      status(() => resolveRoute("/openai/deployments/%E0%A4%A/embeddings", q("api-version=2024-10-21"))),
    ).toBe(404);
  });

  it("routes v1 paths without a deployment", () => {
    expect(resolveRoute("/openai/v1/chat/completions", q(""))).toEqual({
      shape: "v1",
      operation: "chat/completions",
      deployment: undefined,
      apiVersion: "v1",
    });
    expect(status(() => resolveRoute("/openai/v1/unknown", q("")))).toBe(404);
  });

  it("serves speech and images on v1 only with api-version=preview, as Azure does", () => {
    for (const op of ["audio/speech", "images/generations", "images/edits"]) {
      expect(status(() => resolveRoute(`/openai/v1/${op}`, q("")))).toBe(404);
      expect(resolveRoute(`/openai/v1/${op}`, q("api-version=preview"))).toMatchObject({
        shape: "v1",
        operation: op,
        apiVersion: "preview",
      });
    }
    expect(resolveRoute("/openai/v1/embeddings", q("api-version=preview")).apiVersion).toBe("preview");
  });
});
