import { describe, expect, it } from "vitest";
import { ROUTE_TARGET_HEADER, ROUTE_TRIED_HEADER, routeOf } from "./route-of.js";

describe("routeOf", () => {
  it("reads the target, what was tried, and Azure's deployment and spillover headers from an error's headers", () => {
    const route = routeOf({
      headers: {
        [ROUTE_TARGET_HEADER]: "west",
        [ROUTE_TRIED_HEADER]: "ptu=429, east.example:443/gpt-4o=ECONNREFUSED",
        "x-ms-deployment-name": "gpt-4o-standard",
        "x-ms-spillover-from-deployment": "gpt-4o-ptu",
      },
    });
    expect(route).toEqual({
      target: "west",
      tried: [
        { target: "ptu", outcome: "429" },
        { target: "east.example:443/gpt-4o", outcome: "ECONNREFUSED" },
      ],
      deployment: "gpt-4o-standard",
      spilledFrom: "gpt-4o-ptu",
    });
  });

  it("is undefined for a result that did not go through a router", () => {
    expect(routeOf({ headers: {} })).toBeUndefined();
  });
});
