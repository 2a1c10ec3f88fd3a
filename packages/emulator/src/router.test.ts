import { API_VERSIONS, OPERATION_VERSIONS } from "@aoai/core";
import { describe, expect, it } from "vitest";
import type { EmulatorHttpError } from "./errors.js";
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
  it("accepts exactly the operation/version pairs @aoai/core lists", () => {
    for (const [op, versions] of Object.entries(OPERATION_VERSIONS)) {
      for (const v of API_VERSIONS.filter((x) => x !== "v1")) {
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
    expect(resolveRoute("/openai/v1/audio/speech", q(""))).toMatchObject({
      shape: "v1",
      operation: "audio/speech",
      deployment: undefined,
    });
    expect(status(() => resolveRoute("/openai/v1/unknown", q("")))).toBe(404);
  });
});
