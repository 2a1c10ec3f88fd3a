import { beforeAll, describe, expect, inject, it } from "vitest";
import { waitForPrism } from "../../../test-utils/prism.js";
import { encodeWavForTest } from "./audio-fixtures.js";
import { deploymentUrl, postJson, USER_CHAT } from "./helpers.js";

// Spec conformance: requests go through Prism (`prism proxy --errors`) to the shared emulator.
// Prism answers a violation (request or response) with an error status and a problem+json body
// listing `validation` errors, so a 200 here means the emulator's response matched the spec.
const ga = inject("prismGaUrl");
const preview = inject("prismPreviewUrl");

describe("emulator responses validate against the official specs (Prism)", () => {
  // global-setup launches Prism without waiting for it; wait here, where it is needed.
  beforeAll(() => Promise.all([waitForPrism(ga), waitForPrism(preview)]), 90_000);

  for (const [name, base, version] of [
    ["GA 2024-10-21", ga, "2024-10-21"],
    ["preview 2025-04-01-preview", preview, "2025-04-01-preview"],
  ] as const) {
    describe(name, () => {
      it("chat/completions (non-streaming)", async () => {
        const { res, text } = await postJson(
          deploymentUrl(base, "gpt-4o", "chat/completions", version),
          USER_CHAT,
        );
        expect(res.status, text).toBe(200);
        expect(JSON.parse(text).object).toBe("chat.completion");
      });

      it("chat/completions with tools", async () => {
        const body = {
          ...USER_CHAT,
          tools: [
            {
              type: "function",
              function: {
                name: "get_weather",
                parameters: { type: "object", properties: { city: { type: "string" } } },
              },
            },
          ],
        };
        const { res, text } = await postJson(
          deploymentUrl(base, "gpt-4o", "chat/completions", version),
          body,
        );
        expect(res.status, text).toBe(200);
        expect(JSON.parse(text).choices[0].finish_reason).toBe("tool_calls");
      });

      it("embeddings", async () => {
        const { res, text } = await postJson(
          deploymentUrl(base, "text-embedding-3-small", "embeddings", version),
          { input: ["a", "b"] },
        );
        expect(res.status, text).toBe(200);
        expect(JSON.parse(text).data).toHaveLength(2);
      });

      it("completions", async () => {
        const { res, text } = await postJson(
          deploymentUrl(base, "gpt-35-turbo-instruct", "completions", version),
          { prompt: "Once upon a time" },
        );
        expect(res.status, text).toBe(200);
        expect(JSON.parse(text).object).toBe("text_completion");
      });

      it("images/generations", async () => {
        const { res, text } = await postJson(deploymentUrl(base, "dall-e-3", "images/generations", version), {
          prompt: "a red bicycle",
          response_format: "b64_json",
        });
        expect(res.status, text).toBe(200);
        expect(JSON.parse(text).data[0].b64_json).toBeTypeOf("string");
      });

      it("audio/transcriptions json: the only violation is the spec's own oneOf quirk", async () => {
        const form = new FormData();
        form.append(
          "file",
          new Blob([new Uint8Array(encodeWavForTest("hello prism"))], { type: "audio/wav" }),
          "hello.wav",
        );
        const res = await fetch(deploymentUrl(base, "whisper", "audio/transcriptions", version), {
          method: "POST",
          headers: { "api-key": "emulator-key" },
          body: form,
        });
        const text = await res.text();
        // Known spec quirk (see specs/README.md): `{"text": ...}` matches both
        // audioResponse and audioVerboseResponse, so Prism reports "must match exactly one schema
        // in oneOf". Accept exactly that violation and nothing else.
        if (res.status === 200) {
          expect(JSON.parse(text)).toEqual({ text: "hello prism" });
          return;
        }
        const problem = JSON.parse(text);
        const messages: string[] = (problem.validation ?? []).map((v: { message: string }) => v.message);
        expect(messages.length, text).toBeGreaterThan(0);
        for (const m of messages) expect(m).toMatch(/oneOf/);
      });
    });
  }

  it("Prism really validates responses: a scripted off-spec finish_reason is reported", async () => {
    const { res, text } = await postJson(deploymentUrl(ga, "gpt-4o", "chat/completions"), USER_CHAT, {
      "x-aoai-emulator-reply": JSON.stringify({ content: "x", finish_reason: "bogus" }),
    });
    expect(res.status).toBe(500);
    expect(text).toContain("finish_reason");
    expect(text).toContain("VIOLATIONS");
  });

  it("Prism really rejects a non-conforming request (so the 200s above mean something)", async () => {
    const { res } = await postJson(deploymentUrl(ga, "gpt-4o", "chat/completions"), {
      messages: "not an array",
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).not.toBe(200);
  });
});
