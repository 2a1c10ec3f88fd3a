import { API_VERSIONS } from "@aoai/core";
import { expect, it } from "vitest";
import { GA_ROUTE_VERSIONS, versions } from "./versions.js";

it("realtime is on the GA route (v1, preview) and on the previews from 2024-10-01-preview", () => {
  expect(versions("realtime")).toEqual([
    "2024-10-01-preview",
    "2024-12-01-preview",
    "2025-01-01-preview",
    "2025-03-01-preview",
    "2025-04-01-preview",
    "v1",
    "preview",
  ]);
  // The dated GA versions have no realtime route.
  for (const v of API_VERSIONS.filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)))
    expect(versions("realtime")).not.toContain(v);
});

it("client_secrets and calls are GA-route operations only", () => {
  expect(GA_ROUTE_VERSIONS).toEqual(["v1", "preview"]);
});
