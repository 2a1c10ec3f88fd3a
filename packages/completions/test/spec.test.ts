import { APIError } from "@aoai/core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { waitForPrism } from "../../../test-utils/prism.js";
import type { CompletionCreateRequest } from "../src/index.js";
import { AZURE_DOCS, emulatorCompletions, HELLO } from "./helpers.js";

// Every request shape this package builds, sent through Prism validating proxies (official specs)
// to the emulator: Prism answers a request that violates the spec with a 4xx before forwarding.
// Both specs have the same completions request (prompt: a string or strings; no token ids, no
// stream_options), and neither declares a text/event-stream response.
const ga = inject("prismGaUrl");
const preview = inject("prismPreviewUrl");

interface Violation {
  location: string[];
  message: string;
}

const SHAPES: Record<string, CompletionCreateRequest> = {
  "the docs' request (Go, Java, JavaScript)": AZURE_DOCS,
  "the Python docs' Hello World!": HELLO,
  "every sampling option": {
    prompt: "Once upon a time",
    max_tokens: 50,
    temperature: 0.7,
    top_p: 0.95,
    n: 2,
    best_of: 3,
    stop: ["\n\n", "The end"],
    presence_penalty: 0.5,
    frequency_penalty: -0.5,
    logit_bias: { "50256": -100 },
    seed: 42,
    user: "user-1",
  },
  "several prompts with echo and logprobs": { prompt: ["a", "b"], echo: true, logprobs: 5, n: 1 },
  "insertion: suffix and a single stop string": { prompt: "def add(a, b):", suffix: "return c", stop: "\n" },
  "nulls for every nullable option": {
    prompt: "x",
    max_tokens: null,
    temperature: null,
    top_p: null,
    n: null,
    logprobs: null,
    echo: null,
    stop: null,
    suffix: null,
    best_of: null,
    presence_penalty: null,
    frequency_penalty: null,
    logit_bias: null,
    seed: null,
  },
};

/** The request-side violations Prism reports for a call (none when it succeeded). */
async function requestViolations(run: () => Promise<unknown>): Promise<Violation[]> {
  try {
    await run();
    return [];
  } catch (error) {
    if (!APIError.isInstance(error)) throw error;
    const problem = JSON.parse(error.error?.message ?? "{}") as { validation?: Violation[] };
    if (!problem.validation) throw error;
    return problem.validation.filter((v) => v.location[0] !== "response");
  }
}

describe("request shapes validate against the official specs (Prism)", () => {
  // global-setup launches Prism without waiting for it; wait here, where it is needed.
  beforeAll(() => Promise.all([waitForPrism(ga), waitForPrism(preview)]), 90_000);

  for (const [name, base, apiVersion] of [
    ["GA 2024-10-21", ga, "2024-10-21"],
    ["preview 2025-04-01-preview", preview, "2025-04-01-preview"],
  ] as const) {
    describe(name, () => {
      for (const [shape, request] of Object.entries(SHAPES)) {
        it(`complete(): ${shape}`, async () => {
          const { completions } = emulatorCompletions({ apiVersion }, base);
          const c = await completions.complete(request);
          expect(c.object).toBe("text_completion");
        });
      }

      it("stream() with stream_options (not in the spec, which allows extra fields): the request passes", async () => {
        const { completions } = emulatorCompletions({ apiVersion }, base);
        const request = { ...HELLO, stream_options: { include_usage: true } };
        expect(await requestViolations(() => completions.stream(request))).toEqual([]);
        // The spec declares no text/event-stream response, so Prism reports the SSE answer as a
        // 500 response violation (media type, body), which is the spec's gap, not the request's.
        const error = await completions.stream(request).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(APIError);
        const problem = JSON.parse((error as APIError).error?.message ?? "{}") as { validation: Violation[] };
        expect(problem.validation.map((v) => v.location[0])).toEqual(["response", "response"]);
        expect(problem.validation[0]!.message).toContain("text/event-stream");
      });

      it("token-id prompts: the spec lacks them (string or strings only), so Prism reports prompt alone", async () => {
        const { completions } = emulatorCompletions({ apiVersion }, base);
        const prompts: CompletionCreateRequest["prompt"][] = [
          [1212, 318],
          [[1212], [318, 257]],
        ];
        for (const prompt of prompts) {
          const found = await requestViolations(() => completions.complete({ prompt }));
          expect(found.length).toBeGreaterThan(0);
          for (const v of found) expect(v.location.slice(0, 2)).toEqual(["body", "prompt"]);
        }
      });
    });
  }

  it("the check can fail: Prism rejects a request that violates the spec", async () => {
    const { completions } = emulatorCompletions({ apiVersion: "2024-10-21" }, ga);
    // temperature is at most 2 in the spec; this SDK leaves ranges to the service, so it is sent.
    const found = await requestViolations(() => completions.complete({ prompt: "x", temperature: 5 }));
    expect(found.map((v) => v.location.join("."))).toEqual(["body.temperature"]);
  });
});
