import { AzureOpenAIClient, UnsupportedApiVersionError } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { errorOf, paramOf } from "../../../test-utils/input-errors.js";
import { checkCreate, checkListQuery } from "./check-request.js";

const client = (apiVersion = "2025-04-01-preview") =>
  new AzureOpenAIClient({ endpoint: "https://example.openai.azure.com", apiKey: "k", apiVersion });

const ok = { model: "gpt-4o-mini-2024-07-18", training_file: "file-1" };

describe("checkCreate", () => {
  it("accepts the minimal request and every documented field", () => {
    expect(() => checkCreate(client(), ok)).not.toThrow();
    expect(() =>
      checkCreate(client(), {
        ...ok,
        validation_file: "file-2",
        suffix: "my_model-1",
        seed: 105,
        hyperparameters: { n_epochs: 3, batch_size: "auto", learning_rate_multiplier: 0.1 },
        method: { type: "dpo", dpo: { hyperparameters: { beta: 0.1 } } },
        integrations: [{ type: "wandb", wandb: { project: "p" } }],
      }),
    ).not.toThrow();
  });

  it("names what is wrong", () => {
    expect(paramOf(() => checkCreate(client(), "x" as never))).toBe("request");
    expect(paramOf(() => checkCreate(client(), { training_file: "f" } as never))).toBe("model");
    expect(paramOf(() => checkCreate(client(), { model: "m" } as never))).toBe("training_file");
    expect(paramOf(() => checkCreate(client(), { ...ok, validation_file: "" }))).toBe("validation_file");
    expect(paramOf(() => checkCreate(client(), { ...ok, suffix: "x".repeat(41) }))).toBe("suffix");
    expect(paramOf(() => checkCreate(client(), { ...ok, suffix: "with space" }))).toBe("suffix");
    expect(paramOf(() => checkCreate(client(), { ...ok, seed: 1.5 }))).toBe("seed");
    expect(paramOf(() => checkCreate(client(), { ...ok, hyperparameters: [] as never }))).toBe(
      "hyperparameters",
    );
    expect(paramOf(() => checkCreate(client(), { ...ok, hyperparameters: { n_epochs: 0 } }))).toBe(
      "hyperparameters.n_epochs",
    );
    expect(
      paramOf(() => checkCreate(client(), { ...ok, hyperparameters: { batch_size: "big" as never } })),
    ).toBe("hyperparameters.batch_size");
    expect(
      paramOf(() => checkCreate(client(), { ...ok, hyperparameters: { learning_rate_multiplier: 0 } })),
    ).toBe("hyperparameters.learning_rate_multiplier");
    expect(paramOf(() => checkCreate(client(), { ...ok, method: {} as never }))).toBe("method.type");
  });

  it("refuses method and integrations on the GA versions", () => {
    for (const [field, value] of [
      ["method", { type: "supervised" }],
      ["integrations", [{ type: "wandb" }]],
    ] as const) {
      const error = errorOf(() => checkCreate(client("2024-10-21"), { ...ok, [field]: value }));
      expect(UnsupportedApiVersionError.isInstance(error), field).toBe(true);
    }
  });
});

describe("checkListQuery", () => {
  it("names what is wrong", () => {
    expect(() => checkListQuery({ limit: 5, after: "ftevent-1" })).not.toThrow();
    expect(paramOf(() => checkListQuery({ limit: 0 }))).toBe("limit");
    expect(paramOf(() => checkListQuery({ after: "" }))).toBe("after");
    expect(paramOf(() => checkListQuery(7 as never))).toBe("query");
  });
});
