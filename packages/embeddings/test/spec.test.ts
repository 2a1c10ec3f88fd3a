import { APIError } from "@aoai/core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { waitForPrism } from "../../../test-utils/prism.js";
import type { EmbeddingClient } from "../src/embedding-client.js";
import { embeddingClient } from "./helpers.js";

// Requests go through Prism (`prism proxy --errors`) validating against the official GA spec
// 2024-10-21, then to the shared emulator. Prism answers a violation with an error status and a
// problem+json `validation` list; request violations are located at `body`/`query`/…, response
// ones at `response`.
const ga = inject("prismGaUrl");

interface Violation {
  location: string[];
  message: string;
}

/**
 * Sends through Prism and returns the violations (none when the call succeeded). The GA spec types
 * `data[].embedding` as an array of numbers only, so a base64 *response* is always reported; the
 * request is what this SDK controls.
 */
async function violations(
  emb: EmbeddingClient,
  run: (emb: EmbeddingClient) => Promise<unknown>,
): Promise<Violation[]> {
  try {
    await run(emb);
    return [];
  } catch (error) {
    if (!APIError.isInstance(error)) throw error;
    const problem = JSON.parse(error.error?.message ?? "{}") as { validation?: Violation[] };
    if (!problem.validation) throw error;
    return problem.validation;
  }
}

const requestSide = (list: Violation[]) => list.filter((v) => v.location[0] !== "response");

describe("requests validate against the official GA spec (Prism)", () => {
  let emb: EmbeddingClient;
  // global-setup launches Prism without waiting for it; wait here, where it is needed.
  beforeAll(async () => {
    await waitForPrism(ga);
    emb = embeddingClient({ endpoint: ga, apiVersion: "2024-10-21" });
  }, 90_000);

  it("accepts the default request (base64 on the wire)", async () => {
    const found = await violations(emb, (e) =>
      e.embed({ input: ["The food was delicious", "and the waiter..."] }),
    );
    expect(requestSide(found)).toEqual([]);
    // The only complaint is the spec's own gap: it has no base64 response shape.
    expect(found.length).toBeGreaterThan(0);
    for (const v of found)
      expect(v.message).toMatch(/^Response body property data\.\d+\.embedding must be array$/);
  });

  it("accepts base64 with dimensions and user", async () => {
    const found = await violations(emb, (e) =>
      e.embed({ input: ["a", "b", "c"], dimensions: 64, user: "user-1" }),
    );
    expect(requestSide(found)).toEqual([]);
    for (const v of found) expect(v.message).toMatch(/embedding must be array$/);
  });

  it("accepts encoding_format float with dimensions and user, response included", async () => {
    const r = await emb.embed({
      input: ["hello", "world"],
      encoding_format: "float",
      dimensions: 256,
      user: "user-1",
    });
    expect(r.data.map((d) => d.embedding.length)).toEqual([256, 256]);
    expect(r.data[0]!.embedding).toBeInstanceOf(Float32Array);
  });

  it("accepts a single string with float and number[] output", async () => {
    const r = await emb.embed({ input: "hello", encoding_format: "float" }, { embeddingType: "number[]" });
    expect(Array.isArray(r.data[0]!.embedding)).toBe(true);
    expect(r.data[0]!.embedding).toHaveLength(3072);
  });

  it("rejects a request body that violates the spec, so the checks above can fail", async () => {
    // Sent raw, past the SDK's own checks: an empty item and a non-integer `dimensions`.
    const res = await fetch(
      `${ga}/openai/deployments/text-embedding-3-large/embeddings?api-version=2024-10-21`,
      {
        method: "POST",
        headers: { "content-type": "application/json", "api-key": inject("emulatorApiKey") },
        body: JSON.stringify({ input: ["a", ""], dimensions: "many", encoding_format: "float" }),
      },
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    const problem = (await res.json()) as { validation?: Violation[] };
    expect(requestSide(problem.validation ?? []).length).toBeGreaterThan(0);
  });
});
