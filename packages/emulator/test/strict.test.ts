import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_DEPLOYMENTS,
  DEPLOYMENT_NOT_FOUND_MESSAGE,
  type Emulator,
  startEmulator,
  TIME_SCALE_HEADER,
} from "../src/index.js";
import { deploymentUrl, postJson, sharedEmulator, USER_CHAT } from "./helpers.js";
import { resourceCaller, trainingLines, uploadForm } from "./resource-helpers.js";

const shared = sharedEmulator().url;
const PREVIEW = "2025-04-01-preview";
const url = (deployment: string, op: string, version = "2024-10-21") =>
  deploymentUrl(shared, deployment, op, version);
const notFound = { error: { code: "DeploymentNotFound", message: DEPLOYMENT_NOT_FOUND_MESSAGE } };

/** The error body of a request that must fail with `status`. */
async function refused(target: string, body: unknown, status = 400) {
  const { res, json } = await postJson(target, body);
  expect(res.status, JSON.stringify(body).slice(0, 120)).toBe(status);
  return json();
}

/** A route, a body it takes, and a parameter with a value of the wrong type for it. */
type RouteCase = [path: string, body: Record<string, unknown>, param: string, wrong: unknown];

/** Each case must get Azure's 400 for an unknown top-level field and for a field of the wrong type. */
async function expectSpecRefusals(target: (path: string) => string, cases: RouteCase[]) {
  for (const [path, body, param, wrong] of cases) {
    expect((await refused(target(path), { ...body, colour: "red" })).error, path).toMatchObject({
      message: "Unrecognized request argument supplied: colour",
      type: "invalid_request_error",
    });
    expect((await refused(target(path), { ...body, [param]: wrong })).error, path).toMatchObject({
      param,
      code: "invalid_type",
      type: "invalid_request_error",
    });
  }
}

describe("deployments", () => {
  it("answers Azure's 404 DeploymentNotFound for a deployment it does not have, before reading the body", async () => {
    expect(await refused(url("no-such-deployment", "chat/completions"), USER_CHAT, 404)).toEqual(notFound);
    expect(await refused(url("no-such-deployment", "chat/completions"), "not json", 404)).toEqual(notFound);
    const v1 = `${shared}/openai/v1/chat/completions`;
    expect(await refused(v1, { ...USER_CHAT, model: "no-such-deployment" }, 404)).toEqual(notFound);
  });

  it("has a deployment of each model the SDK's tests and the other features use", () => {
    for (const name of [
      "gpt-4o",
      "gpt-4o-mini",
      "gpt-realtime",
      "gpt-realtime-mini",
      "gpt-4.1",
      "gpt-4.1-mini",
      "o4-mini",
      "gpt-5",
      "gpt-5-mini",
      "gpt-image-1",
      "dall-e-3",
      "text-embedding-3-small",
      "text-embedding-3-large",
      "tts",
      "whisper",
      "gpt-35-turbo-instruct",
    ])
      expect(DEFAULT_DEPLOYMENTS, name).toHaveProperty([name]);
  });

  describe("configured", () => {
    let emulator: Emulator;
    let any: Emulator;
    beforeAll(async () => {
      emulator = await startEmulator({
        deployments: { chat: "gpt-4o-2024-11-20", embed: "text-embedding-ada-002" },
      });
      any = await startEmulator({ deployments: "any" });
    });
    afterAll(() => Promise.all([emulator.close(), any.close()]));

    it("serves exactly the configured deployments and reports their model", async () => {
      const chat = await postJson(deploymentUrl(emulator.url, "chat", "chat/completions"), USER_CHAT);
      expect(chat.json().model).toBe("gpt-4o-2024-11-20");
      expect(
        (await postJson(deploymentUrl(emulator.url, "gpt-4o", "chat/completions"), USER_CHAT)).res.status,
      ).toBe(404);
      // The model's rules follow the deployment: ada-002 takes no `dimensions`.
      const ada = await postJson(deploymentUrl(emulator.url, "embed", "embeddings"), {
        input: "x",
        dimensions: 8,
      });
      expect(ada.res.status).toBe(400);
    });

    it('takes any name with deployments: "any"', async () => {
      const res = await postJson(deploymentUrl(any.url, "whatever-name", "chat/completions"), USER_CHAT);
      expect(res.res.status).toBe(200);
    });
  });

  it("refuses an operation the deployment's model does not serve, as Azure does", async () => {
    const error = (await refused(url("text-embedding-3-small", "chat/completions"), USER_CHAT)).error;
    expect(error.code).toBe("OperationNotSupported");
    expect(error.message).toMatch(
      /^The chatCompletion operation does not work with the specified model, text-embedding-3-small\./,
    );
  });
});

describe("per-model rules", () => {
  it("dall-e-3: n 1 only, its three sizes, quality standard or hd", async () => {
    const gen = url("dall-e-3", "images/generations");
    const prompt = "a cat";
    expect((await refused(gen, { prompt, n: 5 })).error).toMatchObject({
      param: "n",
      code: "integer_above_max_value",
    });
    expect((await refused(gen, { prompt, size: "256x256" })).error).toMatchObject({
      param: "size",
      code: "invalid_value",
    });
    expect((await refused(gen, { prompt, quality: "low" }, 400)).error.param).toBe("quality");
    expect((await postJson(gen, { prompt, size: "1792x1024", quality: "hd" })).res.status).toBe(200);
  });

  it("gpt-image-1: base64 only, its sizes and qualities, no style", async () => {
    const gen = url("gpt-image-1", "images/generations", PREVIEW);
    const prompt = "a cat";
    const url1 = (await refused(gen, { prompt, response_format: "url" })).error;
    expect(url1).toMatchObject({ param: "response_format", code: "unsupported_value" });
    expect((await refused(gen, { prompt, size: "1792x1024" })).error.param).toBe("size");
    expect((await refused(gen, { prompt, quality: "hd" })).error.param).toBe("quality");
    expect((await refused(gen, { prompt, style: "vivid" })).error).toMatchObject({
      param: "style",
      code: "unsupported_parameter",
    });
    expect((await postJson(gen, { prompt, quality: "low", size: "1536x1024" })).res.status).toBe(200);
  });

  it("o-series and gpt-5: no max_tokens, temperature only at its default", async () => {
    for (const deployment of ["o4-mini", "o1", "gpt-5", "gpt-5-mini"]) {
      const chat = url(deployment, "chat/completions", PREVIEW);
      expect((await refused(chat, { ...USER_CHAT, max_tokens: 10 })).error).toEqual({
        message:
          "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        type: "invalid_request_error",
        param: "max_tokens",
        code: "unsupported_parameter",
      });
      expect((await refused(chat, { ...USER_CHAT, temperature: 0.2 })).error).toEqual({
        message:
          "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
        type: "invalid_request_error",
        param: "temperature",
        code: "unsupported_value",
      });
      expect(
        (await postJson(chat, { ...USER_CHAT, temperature: 1, max_completion_tokens: 50 })).res.status,
      ).toBe(200);
    }
    // gpt-5-chat and gpt-4.1 are not reasoning models.
    expect(
      (await postJson(url("gpt-4.1", "chat/completions"), { ...USER_CHAT, temperature: 0.2, max_tokens: 9 }))
        .res.status,
    ).toBe(200);
  });

  it("dimensions only on text-embedding-3-*", async () => {
    const error = (
      await refused(url("text-embedding-ada-002", "embeddings"), { input: "x", dimensions: 256 })
    ).error;
    expect(error).toEqual({
      message: "This model does not support specifying dimensions.",
      type: "invalid_request_error",
      param: null,
      code: null,
    });
    expect(
      (await postJson(url("text-embedding-3-small", "embeddings"), { input: "x", dimensions: 256 })).res
        .status,
    ).toBe(200);
  });

  it("speech: the model's voices; instructions only on gpt-4o-mini-tts", async () => {
    const tts = url("tts", "audio/speech", PREVIEW);
    expect((await refused(tts, { input: "x", voice: "coral" })).error.param).toBe("voice");
    const v1 = `${shared}/openai/v1/audio/speech?api-version=preview`;
    expect(
      (await refused(v1, { model: "tts", input: "x", voice: "alloy", instructions: "calm" })).error.param,
    ).toBe("instructions");
    expect(
      (await postJson(v1, { model: "gpt-4o-mini-tts", input: "x", voice: "coral", instructions: "calm" })).res
        .status,
    ).toBe(200);
  });
});

describe("request bodies against the spec of their version", () => {
  it("refuses unknown parameters as Azure does", async () => {
    expect((await refused(url("gpt-4o", "chat/completions"), { ...USER_CHAT, foo: 1 })).error).toEqual({
      message: "Unrecognized request argument supplied: foo",
      type: "invalid_request_error",
      param: null,
      code: null,
    });
    const two = await refused(url("gpt-4o", "chat/completions"), { ...USER_CHAT, foo: 1, bar: 2 });
    expect(two.error.message).toBe("Unrecognized request arguments supplied: foo, bar");
    // `store` is in the 2025-04-01-preview spec, not in 2024-10-21's.
    expect(
      (await refused(url("gpt-4o", "chat/completions"), { ...USER_CHAT, store: true })).error.message,
    ).toMatch(/store/);
    expect(
      (await postJson(url("gpt-4o", "chat/completions", PREVIEW), { ...USER_CHAT, store: true })).res.status,
    ).toBe(200);
    // `model` is always taken (clients send it on deployment routes too).
    expect(
      (await postJson(url("gpt-4o", "chat/completions"), { ...USER_CHAT, model: "gpt-4o" })).res.status,
    ).toBe(200);
  });

  it("checks types, enums and bounds in the service's words", async () => {
    const chat = url("gpt-4o", "chat/completions");
    expect((await refused(chat, { messages: [{ role: "wizard", content: "x" }] })).error).toMatchObject({
      param: "messages[0].role",
      code: "invalid_value",
    });
    expect((await refused(chat, { ...USER_CHAT, n: "2" })).error).toEqual({
      message: "Invalid type for 'n': expected an integer, but got a string instead.",
      type: "invalid_request_error",
      param: "n",
      code: "invalid_type",
    });
    expect((await refused(chat, { ...USER_CHAT, presence_penalty: 3 })).error).toMatchObject({
      param: "presence_penalty",
      code: "decimal_above_max_value",
    });
    expect((await refused(chat, {})).error).toMatchObject({
      param: "messages",
      code: "missing_required_parameter",
    });
  });

  it("checks v1 bodies against the v1 spec's request schemas", async () => {
    const chat = `${shared}/openai/v1/chat/completions`;
    const v1Chat = { ...USER_CHAT, model: "gpt-4o" };
    expect((await refused(chat, { ...v1Chat, foo: 1 })).error.message).toBe(
      "Unrecognized request argument supplied: foo",
    );
    expect((await refused(chat, { ...v1Chat, temperature: "hot" })).error).toMatchObject({
      param: "temperature",
      code: "invalid_type",
    });
    expect((await refused(chat, { ...v1Chat, n: 129 })).error).toMatchObject({
      param: "n",
      code: "integer_above_max_value",
    });
    // What the v1 spec has and the 2024-10-21 spec lacks, and what the service takes beyond it.
    for (const extra of [
      { store: true },
      { modalities: ["text"] },
      { verbosity: "low" },
      { temperature: null },
    ])
      expect((await postJson(chat, { ...v1Chat, ...extra })).res.status, JSON.stringify(extra)).toBe(200);
    const embeddings = `${shared}/openai/v1/embeddings`;
    const v1Embed = { model: "text-embedding-3-small", input: "x" };
    expect((await refused(embeddings, { ...v1Embed, encoding_format: "int8" })).error).toMatchObject({
      param: "encoding_format",
      code: "invalid_value",
    });
    expect((await refused(embeddings, { ...v1Embed, dimensions: 0 })).error.param).toBe("dimensions");
    expect((await postJson(embeddings, { ...v1Embed, input: [[1, 2], [3]] })).res.status).toBe(200);
  });

  it("checks v1 preview bodies against the v1 preview spec (images among them)", async () => {
    const images = `${shared}/openai/v1/images/generations?api-version=preview`;
    const image = { model: "gpt-image-1", prompt: "a fox" };
    expect((await refused(images, { ...image, quality: "ultra" })).error).toMatchObject({
      param: "quality",
      code: "invalid_value",
    });
    expect((await refused(images, { ...image, colour: "red" })).error.message).toBe(
      "Unrecognized request argument supplied: colour",
    );
    expect((await refused(images, { ...image, n: 11 })).error.param).toBe("n");
    expect((await postJson(images, { ...image, moderation: "low", quality: "low" })).res.status).toBe(200);
    const chat = `${shared}/openai/v1/chat/completions?api-version=preview`;
    expect((await refused(chat, { ...USER_CHAT, model: "gpt-4o", logprobs: "yes" })).error.param).toBe(
      "logprobs",
    );
  });

  it("checks v1 responses, vector store and fine-tuning bodies against the v1 spec", async () => {
    const v1 = `${shared}/openai/v1`;
    const created = await postJson(`${v1}/vector_stores`, { name: "strict", metadata: null });
    expect(created.res.status).toBe(200);
    const store = `${v1}/vector_stores/${created.json().id as string}`;
    // Each route: an unknown top-level field, and a field of the wrong type.
    const cases: RouteCase[] = [
      ["responses", { model: "gpt-4o", input: "hi" }, "max_output_tokens", "many"],
      ["vector_stores", {}, "file_ids", "file-1"],
      [store.slice(v1.length + 1), {}, "name", 7],
      [`${store.slice(v1.length + 1)}/files`, { file_id: "file-1" }, "attributes", "x"],
      [`${store.slice(v1.length + 1)}/files/file-1`, { attributes: {} }, "attributes", []],
      [`${store.slice(v1.length + 1)}/file_batches`, { file_ids: ["file-1"] }, "file_ids", "file-1"],
      ["fine_tuning/jobs", { model: "gpt-4o-mini", training_file: "file-1" }, "seed", "seven"],
    ];
    await expectSpecRefusals((path) => `${v1}/${path}`, cases);
    expect((await refused(`${v1}/responses`, { model: "gpt-4o", input: "hi", top_p: 2 })).error.param).toBe(
      "top_p",
    );
    expect((await refused(`${v1}/vector_stores`, { model: "gpt-4o" })).error.message).toBe(
      "Unrecognized request argument supplied: model",
    );
    // What the service takes beyond the spec, and what the spec has and the route's own checks pass.
    const response = { model: "gpt-4o", input: "hi", metadata: null, safety_identifier: "u1" };
    expect((await postJson(`${v1}/responses`, { ...response, prompt_cache_key: "k" })).res.status).toBe(200);
    expect((await postJson(store, { name: null, metadata: null, expires_after: null })).res.status).toBe(200);
    const { call } = resourceCaller(shared, "v1");
    const upload = await call("POST", "files", {
      body: uploadForm(trainingLines(10), "fine-tune"),
      headers: { [TIME_SCALE_HEADER]: "0" },
    });
    expect(upload.json.id, upload.text).toMatch(/^file-/);
    const job = { model: "gpt-4o-mini", training_file: upload.json.id, trainingType: "globalstandard" };
    const ftJob = await call("POST", "fine_tuning/jobs", { body: { ...job, seed: 7, suffix: "x" } });
    expect(ftJob.status, ftJob.text).toBe(201);
    // Search is not in the v1 spec: the route's own checks judge it.
    expect((await postJson(`${store}/search`, { query: "fox", rewrite_query: true })).res.status).toBe(200);
  });

  it("checks dated responses and vector store bodies against the 2025-04-01-preview spec", async () => {
    const q = `?api-version=${PREVIEW}`;
    const at = (path: string) => `${shared}/openai/${path}${q}`;
    const created = await postJson(at("vector_stores"), { name: "strict-dated", metadata: null });
    expect(created.res.status).toBe(200);
    const store = `vector_stores/${created.json().id as string}`;
    // Each route: an unknown top-level field, and a field of the wrong type.
    const cases: RouteCase[] = [
      ["responses", { model: "gpt-4o", input: "hi" }, "max_output_tokens", "many"],
      ["vector_stores", {}, "file_ids", "file-1"],
      [store, {}, "name", 7],
      [`${store}/files`, { file_id: "file-1" }, "file_id", 1],
      [`${store}/files/file-1`, { attributes: {} }, "attributes", []],
      [`${store}/file_batches`, { file_ids: ["file-1"] }, "file_ids", "file-1"],
      [`${store}/search`, { query: "fox" }, "rewrite_query", "yes"],
    ];
    await expectSpecRefusals(at, cases);
    const response = { model: "gpt-4o", input: "hi" };
    expect((await refused(at("responses"), { ...response, truncation: "sometimes" })).error).toMatchObject({
      param: "truncation",
      code: "invalid_value",
    });
    expect((await refused(at("responses"), { ...response, top_p: 2 })).error.param).toBe("top_p");
    // Newer than the dated spec: refused there, as the SDK's version gates refuse them.
    for (const field of ["background", "max_tool_calls", "top_logprobs"])
      expect((await refused(at("responses"), { ...response, [field]: 1 })).error.message).toBe(
        `Unrecognized request argument supplied: ${field}`,
      );
    expect((await refused(at(`${store}/files`), { file_id: "f", attributes: {} })).error.message).toBe(
      "Unrecognized request argument supplied: attributes",
    );
    expect(
      (await refused(at(`${store}/search`), { query: "x", ranking_options: { ranker: "best" } })).error.param,
    ).toBe("ranking_options.ranker");
    expect(
      (await refused(at("vector_stores"), { expires_after: { anchor: "created_at", days: 1 } })).error.param,
    ).toBe("expires_after.anchor");
    // What the service takes beyond the spec (openai's clients send it), and the components the
    // route's own checks judge: content parts, tools, include values, nested filters.
    const taken = {
      ...response,
      input: [{ role: "user", content: [{ type: "input_text", text: "Hi" }] }],
      tools: [{ type: "code_interpreter", container: { type: "auto" } }],
      include: ["message.output_text.logprobs"],
      safety_identifier: "u1",
      prompt_cache_key: "k",
      metadata: null,
    };
    const ok = await postJson(at("responses"), taken);
    expect(ok.res.status, ok.text).toBe(200);
    const reasoning = { effort: "minimal", summary: "auto" };
    const thought = await postJson(at("responses"), { model: "gpt-5", input: "hi", reasoning });
    expect(thought.res.status, thought.text).toBe(200);
    expect((await postJson(at(store), { name: null, metadata: null, expires_after: null })).res.status).toBe(
      200,
    );
    const compound = {
      type: "and",
      filters: [
        { type: "eq", key: "lang", value: "en" },
        { type: "or", filters: [{ type: "gte", key: "year", value: 2020 }] },
      ],
    };
    const searched = await postJson(at(`${store}/search`), { query: "fox", filters: compound });
    expect(searched.res.status, searched.text).toBe(200);
  });

  it("checks api-version=preview responses and vector store bodies against the v1 preview spec", async () => {
    const at = (path: string) => `${shared}/openai/v1/${path}?api-version=preview`;
    const created = await postJson(at("vector_stores"), { name: "strict-preview", metadata: null });
    expect(created.res.status).toBe(200);
    const store = `vector_stores/${created.json().id as string}`;
    const cases: RouteCase[] = [
      ["responses", { model: "gpt-4o", input: "hi" }, "max_output_tokens", "many"],
      ["vector_stores", {}, "file_ids", "file-1"],
      [store, {}, "name", 7],
      [`${store}/files`, { file_id: "file-1" }, "attributes", "x"],
      [`${store}/files/file-1`, { attributes: {} }, "attributes", []],
      [`${store}/file_batches`, { file_ids: ["file-1"] }, "file_ids", "file-1"],
    ];
    await expectSpecRefusals(at, cases);
    const response = { model: "gpt-4o", input: "hi", metadata: null, safety_identifier: "u1" };
    expect((await postJson(at("responses"), { ...response, prompt_cache_key: "k" })).res.status).toBe(200);
    expect((await postJson(at(store), { name: null, metadata: null, expires_after: null })).res.status).toBe(
      200,
    );
    // Search is not in the v1 preview spec: the route's own checks judge it.
    expect((await postJson(at(`${store}/search`), { query: "fox", rewrite_query: true })).res.status).toBe(
      200,
    );
  });

  it("validates older dated versions against the nearest spec of their line", async () => {
    for (const version of ["2024-02-01", "2023-05-15", "2024-05-01-preview", "2024-02-15-preview"]) {
      expect(
        (await postJson(url("gpt-4o", "chat/completions", version), USER_CHAT)).res.status,
        version,
      ).toBe(200);
      expect(
        (await postJson(url("gpt-4o", "chat/completions", version), { ...USER_CHAT, foo: 1 })).res.status,
      ).toBe(400);
    }
  });
});

describe("conversation rules", () => {
  const chat = url("gpt-4o", "chat/completions", PREVIEW);
  const tools = [{ type: "function", function: { name: "get_weather", parameters: { type: "object" } } }];
  const call = { id: "call_1", type: "function", function: { name: "get_weather", arguments: "{}" } };

  it("a tool message answers the tool calls just before it, and every call is answered", async () => {
    const orphan = await refused(chat, {
      messages: [USER_CHAT.messages[0], { role: "tool", tool_call_id: "call_1", content: "sunny" }],
    });
    expect(orphan.error).toEqual({
      message:
        "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
      type: "invalid_request_error",
      param: "messages.[1].role",
      code: null,
    });
    const unanswered = await refused(chat, {
      messages: [
        USER_CHAT.messages[0],
        { role: "assistant", tool_calls: [call] },
        { role: "user", content: "and?" },
      ],
      tools,
    });
    expect(unanswered.error.message).toMatch(/must be followed by tool messages.*call_1/);
    const good = {
      messages: [
        USER_CHAT.messages[0],
        { role: "assistant", tool_calls: [call] },
        { role: "tool", tool_call_id: "call_1", content: "sunny" },
      ],
      tools,
    };
    expect((await postJson(chat, good)).res.status).toBe(200);
  });

  it("tool_choice names a function of tools", async () => {
    const choice = { type: "function", function: { name: "get_time" } };
    expect((await refused(chat, { ...USER_CHAT, tools, tool_choice: choice })).error.param).toBe(
      "tool_choice",
    );
    expect((await refused(chat, { ...USER_CHAT, tool_choice: "auto" })).error.message).toBe(
      "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
    );
  });

  it("json_object needs the word json in the messages", async () => {
    const error = (await refused(chat, { ...USER_CHAT, response_format: { type: "json_object" } })).error;
    expect(error).toEqual({
      message:
        "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
      type: "invalid_request_error",
      param: "messages",
      code: null,
    });
  });

  it("top_logprobs needs logprobs, stream_options needs stream", async () => {
    expect((await refused(chat, { ...USER_CHAT, top_logprobs: 2 })).error.param).toBe("top_logprobs");
    expect((await postJson(chat, { ...USER_CHAT, top_logprobs: 2, logprobs: true })).res.status).toBe(200);
    expect((await refused(chat, { ...USER_CHAT, stream_options: { include_usage: true } })).error).toEqual({
      message: "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
      type: "invalid_request_error",
      param: "stream_options",
      code: null,
    });
  });
});

describe("GET /openai/models", () => {
  it("lists the deployments' models, on a dated version and on v1", async () => {
    for (const path of ["/openai/models?api-version=2024-10-21", "/openai/v1/models"]) {
      const res = await fetch(`${shared}${path}`, { headers: { "api-key": "emulator-key" } });
      expect(res.status, path).toBe(200);
      const body = await res.json();
      expect(body.object).toBe("list");
      const gpt4o = body.data.find((m: { id: string }) => m.id === "gpt-4o");
      expect(gpt4o).toMatchObject({
        object: "model",
        capabilities: { chat_completion: true, embeddings: false },
      });
    }
    const one = await fetch(`${shared}/openai/models/gpt-4o?api-version=2024-10-21`, {
      headers: { "api-key": "emulator-key" },
    });
    expect((await one.json()).id).toBe("gpt-4o");
    const none = await fetch(`${shared}/openai/models?api-version=2099-01-01`, {
      headers: { "api-key": "emulator-key" },
    });
    expect(none.status).toBe(404);
  });
});

describe("routes the emulator does not emulate", () => {
  it("answer a 404 that says so, unlike a wrong URL", async () => {
    const { res, json } = await postJson(`${shared}/openai/assistants?api-version=${PREVIEW}`, {});
    expect(res.status).toBe(404);
    expect(json().error.code).toBe("NotEmulated");
    expect(json().error.message).toContain("does not emulate");
    const wrong = await postJson(`${shared}/openai/assistantz?api-version=${PREVIEW}`, {});
    expect(wrong.json()).toEqual({ error: { code: "404", message: "Resource not found" } });
  });
});
