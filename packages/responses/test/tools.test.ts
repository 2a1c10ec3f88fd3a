import { APIUserAbortError } from "@aoai/core";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  jsonSchemaFormat,
  parseResponse,
  runTools,
  type StandardSchemaV1,
  ToolLoopLimitError,
} from "../src/index.js";
import { cityTool, emulatorResponses, scripted } from "./helpers.js";

let own: Emulator;
beforeAll(async () => {
  own = await startEmulator();
});
afterAll(() => own.close());

describe("runTools", () => {
  it("runs parallel calls, sends function_call_output with previous_response_id until done", async () => {
    const { responses } = emulatorResponses({}, "gpt-4.1", {}, own.url);
    own.clearRequests();
    const calls: string[] = [];
    const weather = async ({ city }: { city: string }) => {
      calls.push(city);
      return { city, celsius: 21 };
    };
    const { response, steps } = await runTools(
      responses,
      { input: "Weather and time?", tools: [cityTool("get_weather"), cityTool("get_time")] },
      { get_weather: weather, get_time: () => "12:00" },
    );
    expect(steps).toHaveLength(2);
    expect(calls).toEqual(["sample city"]);
    expect(response.output_text).toContain("Based on the tool results");
    const second = own.requests.at(-1)!.body as {
      input: { type: string; call_id: string; output: string }[];
      previous_response_id: string;
    };
    expect(second.previous_response_id).toBe(steps[0]!.id);
    const first = steps[0]!.output.map((i) => (i.type === "function_call" ? i.call_id : ""));
    expect(second.input).toEqual([
      { type: "function_call_output", call_id: first[0], output: '{"city":"sample city","celsius":21}' },
      { type: "function_call_output", call_id: first[1], output: "12:00" },
    ]);
  });

  it("sends a thrown error back to the model as the output, and runs calls in parallel", async () => {
    const { responses } = emulatorResponses({}, "gpt-4.1", {}, own.url);
    own.clearRequests();
    let running = 0;
    let most = 0;
    const slow = async () => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      throw new Error("station offline");
    };
    let seen = 0;
    const { response } = await runTools(
      responses,
      { input: "Go", tools: [cityTool("a"), cityTool("b")] },
      { a: slow, b: slow },
      { onStep: () => seen++ },
    );
    expect(most).toBe(2);
    const outputs = (own.requests.at(-1)!.body as { input: { output: string }[] }).input.map((i) => i.output);
    expect(outputs).toEqual([
      JSON.stringify({ error: "station offline" }),
      JSON.stringify({ error: "station offline" }),
    ]);
    expect(response.output_text).toContain("station offline");
    expect(seen).toBe(2);
  });

  it("stops at maxSteps with ToolLoopLimitError, and on abort", async () => {
    const { responses } = emulatorResponses();
    const always = scripted({ function_calls: [{ name: "a", arguments: { city: "x" } }] });
    const error = await runTools(
      responses,
      { input: "x", tools: [cityTool("a")] },
      { a: () => "ok" },
      { ...always, maxSteps: 2 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolLoopLimitError);
    expect((error as ToolLoopLimitError).response.output[0]?.type).toBe("function_call");
    const controller = new AbortController();
    const aborted = runTools(
      responses,
      { input: "x", tools: [cityTool("a")] },
      { a: () => controller.abort() },
      { ...always, signal: controller.signal },
    );
    await expect(aborted).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it("resends the conversation on store: false turns, without unstored ids", async () => {
    const { responses } = emulatorResponses({}, "o4-mini", {}, own.url);
    own.clearRequests();
    const { response } = await runTools(
      responses,
      {
        input: "Weather?",
        store: false,
        include: ["reasoning.encrypted_content"],
        tools: [cityTool("get_weather")],
      },
      { get_weather: () => "sunny" },
    );
    expect(response.output_text).toContain("sunny");
    const second = own.requests.at(-1)!.body as {
      input: { type?: string; id?: string }[];
      previous_response_id?: string;
    };
    expect(second.previous_response_id).toBeUndefined();
    expect(second.input.map((i) => i.type ?? "message")).toEqual([
      "message",
      "reasoning",
      "function_call",
      "function_call_output",
    ]);
    expect(second.input.some((i) => i.id !== undefined)).toBe(false);
  });

  it("refuses a function tool without an implementation before sending", async () => {
    const { responses } = emulatorResponses();
    await expect(runTools(responses, { input: "x", tools: [cityTool("a")] }, {})).rejects.toThrow(
      /functions.a/,
    );
  });
});

describe("parseResponse", () => {
  const schema = {
    type: "object",
    properties: { city: { type: "string" } },
    required: ["city"],
    additionalProperties: false,
  };
  const validator: StandardSchemaV1<{ city: string }> = {
    "~standard": { version: 1, vendor: "test", validate: (v) => ({ value: v as { city: string } }) },
  };

  it("returns the parsed value from a JSON schema format", async () => {
    const { responses } = emulatorResponses();
    const parsed = await parseResponse(
      responses,
      { input: "Where?", text: jsonSchemaFormat("place", schema) },
      validator,
    );
    expect(parsed.output_parsed).toEqual({ city: "sample city" });
    expect(parsed._response.requestId).toBeTruthy();
  });

  it("surfaces a refusal", async () => {
    const { responses } = emulatorResponses();
    const parsed = await parseResponse(
      responses,
      { input: "x", text: jsonSchemaFormat("place", schema) },
      validator,
      scripted({ refusal: "No." }),
    );
    expect(parsed).toMatchObject({ output_parsed: null, refusal: "No." });
  });
});
