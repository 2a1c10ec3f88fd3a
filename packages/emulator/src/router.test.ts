import { API_VERSIONS } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { DATED_VERSIONS, operationVersions } from "./api-versions.js";
import type { EmulatorHttpError } from "./errors.js";
import { EMULATED_OPERATIONS } from "./operations.js";
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
    for (const op of EMULATED_OPERATIONS) {
      const versions = operationVersions(op)!;
      for (const v of DATED_VERSIONS) {
        const expected = versions.includes(v) ? 200 : 404;
        expect(
          status(() => resolveRoute(`/openai/deployments/d/${op}`, q(`api-version=${v}`))),
          `${op} ${v}`,
        ).toBe(expected);
      }
    }
  });

  it("serves every dated version @aoai/core knows and the older ones Azure still serves", () => {
    for (const v of API_VERSIONS.filter((x) => x !== "v1" && x !== "preview"))
      expect(DATED_VERSIONS).toContain(v);
    for (const v of ["2022-12-01", "2023-05-15", "2024-02-01", "2024-05-01-preview", "2024-02-15-preview"]) {
      expect(
        status(() => resolveRoute("/openai/deployments/d/embeddings", q(`api-version=${v}`))),
        v,
      ).toBe(200);
    }
    expect(
      status(() => resolveRoute("/openai/deployments/d/embeddings", q("api-version=2022-03-01-preview"))),
    ).toBe(404);
    // Operations keep the version they arrived in: speech is preview-only, from 2024-02-15-preview.
    expect(operationVersions("audio/speech")).not.toContain("2024-02-01");
    expect(operationVersions("audio/speech")).toContain("2024-02-15-preview");
    expect(operationVersions("chat/completions")).not.toContain("2022-12-01");
  });

  it("says plainly that an Azure route it does not emulate is not emulated", () => {
    for (const path of [
      "/openai/assistants",
      "/openai/threads/thread_1/runs",
      "/openai/v1/vector_stores/vs_1/files",
      "/openai/v1/responses",
      "/openai/responses/resp_1",
      "/openai/realtimeapi/sessions",
      "/openai/deployments/gpt-4o/extensions/chat/completions",
    ]) {
      let error: EmulatorHttpError | undefined;
      try {
        resolveRoute(path, q("api-version=2025-04-01-preview"), "POST");
      } catch (e) {
        error = e as EmulatorHttpError;
      }
      expect(error?.status, path).toBe(404);
      expect(error?.body, path).toMatchObject({ error: { code: "NotEmulated" } });
      expect(JSON.stringify(error?.body)).toContain("does not emulate");
    }
    // A wrong URL, and an emulated operation on a version that lacks it, stay Azure's own 404.
    for (const path of ["/openai/nonsense", "/openai/deployments/tts/audio/speech"]) {
      try {
        resolveRoute(path, q("api-version=2024-10-21"));
      } catch (e) {
        expect((e as EmulatorHttpError).body).toEqual({
          error: { code: "404", message: "Resource not found" },
        });
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
