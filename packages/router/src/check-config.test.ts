import { describe, expect, it } from "vitest";
import { AzureOpenAIRouter, RouterConfigError, type RouterOptions } from "./index.js";

const T = { endpoint: "https://a.openai.azure.com", deployment: "gpt-4o", apiKey: "k" };

function refused(pools: RouterOptions["pools"]): RouterConfigError {
  try {
    new AzureOpenAIRouter({ pools });
  } catch (error) {
    expect(RouterConfigError.isInstance(error)).toBe(true);
    return error as RouterConfigError;
  }
  throw new Error("accepted");
}

describe("router configuration", () => {
  it("refuses an empty pool set or pool", () => {
    expect(refused({}).param).toBe("pools");
    expect(refused({ chat: [] }).param).toBe('pools["chat"]');
  });

  it("refuses a duplicate target, by endpoint and deployment or by name", () => {
    expect(refused({ chat: [T, { ...T, endpoint: `${T.endpoint}/` }] }).message).toMatch(/repeats/);
    expect(
      refused({
        chat: [
          { ...T, name: "a" },
          { ...T, deployment: "other", name: "a" },
        ],
      }).param,
    ).toBe('pools["chat"][1].name');
  });

  it("refuses weight 0 in a group where nothing else takes calls, and bad numbers", () => {
    expect(refused({ chat: [{ ...T, weight: 0 }] }).message).toMatch(/weight 0/);
    expect(refused({ chat: [{ ...T, weight: -1 }] }).param).toBe('pools["chat"][0].weight');
    expect(refused({ chat: [{ ...T, priority: 1.5 }] }).param).toBe('pools["chat"][0].priority');
    expect(refused({ chat: [{ ...T, endpoint: "" }] }).param).toBe('pools["chat"][0].endpoint');
  });

  it("accepts weight 0 beside a weighted target of its group", () => {
    const router = new AzureOpenAIRouter({
      pools: { chat: [T, { ...T, deployment: "b", weight: 0 }] },
    });
    expect(router.deployments).toEqual(["chat"]);
  });

  it("takes the v1 API and never shows a target's key", async () => {
    expect(new AzureOpenAIRouter({ pools: { chat: [T] }, apiVersion: "v1" }).apiVersion).toBe("v1");
    const { inspect } = await import("node:util");
    const router = new AzureOpenAIRouter({ pools: { chat: [{ ...T, apiKey: "very-secret-key" }] } });
    expect(inspect(router, { depth: 10, showHidden: true })).not.toContain("very-secret-key");
    expect(JSON.stringify(router)).not.toContain("very-secret-key");
  });
});
