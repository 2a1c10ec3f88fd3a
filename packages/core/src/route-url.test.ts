import { describe, expect, it } from "vitest";
import { routeUrl } from "./route-url.js";
import { routeUrl as buildUrl } from "./routing.js";

const BASE = "https://r.openai.azure.com";

describe("routeUrl (Node, remembered)", () => {
  it("gives the URL routing.ts builds, the first time and every time after", () => {
    const routes = [
      ["2024-10-21", { path: "chat/completions", deployment: "gpt-4o" }],
      ["2024-10-21", { path: "chat/completions", deployment: "gpt-4o-mini" }],
      ["v1", { path: "chat/completions", deployment: "gpt-4o" }],
      ["preview", { path: "audio/speech", deployment: "tts" }],
      ["2024-10-21", { path: "files" }],
      ["2024-10-21", { path: "files/{id}", params: { id: "file-1" } }],
      ["2024-10-21", { path: "files", query: { limit: 2 } }],
    ] as const;
    for (let round = 0; round < 2; round++)
      for (const [version, route] of routes)
        expect(routeUrl(BASE, version, route)).toBe(buildUrl(BASE, version, route));
    expect(routeUrl(`${BASE}/other`, "2024-10-21", { path: "files" })).toBe(
      `${BASE}/other/openai/files?api-version=2024-10-21`,
    );
  });

  it("checks a bad deployment on every call: nothing wrong is remembered", () => {
    for (let i = 0; i < 2; i++)
      expect(() => routeUrl(BASE, "2024-10-21", { path: "chat/completions", deployment: "a/b" })).toThrow(
        /deployment/,
      );
  });

  it("stays right past its bound of 256 URLs", () => {
    for (let i = 0; i < 600; i++) {
      const route = { path: "embeddings", deployment: `d${i % 300}` };
      expect(routeUrl(BASE, "2024-10-21", route)).toBe(
        `${BASE}/openai/deployments/d${i % 300}/embeddings?api-version=2024-10-21`,
      );
    }
  });
});
