import {
  APIConnectionError,
  APIUserAbortError,
  AzureOpenAIClient,
  BadRequestError,
  CreateNotConfirmedError,
  InvalidInputError,
  RateLimitError,
  UnsupportedApiVersionError,
} from "@aoai/core";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { FileClient, WaitTimeoutError } from "@aoai/files";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FineTuningClient } from "../src/fine-tuning-client.js";
import { FineTuningJobFailedError } from "../src/fine-tuning-job-failed-error.js";
import type { FineTuningJobStatus } from "../src/response-types.js";
import { VERSION } from "../src/version.js";
import { BASE_MODEL, clients, fast, fault, timeScale, uploadTraining } from "./helpers.js";

const all = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};
const ORDER: FineTuningJobStatus[] = ["validating_files", "queued", "running", "succeeded"];

describe("FineTuningClient against the shared emulator", () => {
  const { files, tuning } = clients();

  it("creates a job from an uploaded JSONL and follows it to completion", async () => {
    const training = await uploadTraining(files);
    const job = await tuning.create(
      {
        model: BASE_MODEL,
        training_file: training,
        suffix: "clippy",
        seed: 7,
        hyperparameters: { n_epochs: 2 },
      },
      timeScale(0.05),
    );
    expect(job).toMatchObject({
      object: "fine_tuning.job",
      status: "validating_files",
      model: BASE_MODEL,
      suffix: "clippy",
    });
    expect(job._response.status).toBe(201);
    const statuses: string[] = [];
    const done = await tuning.waitForCompletion(job.id, {
      ...fast,
      onProgress: (j) => {
        if (statuses.at(-1) !== j.status) statuses.push(j.status);
      },
    });
    expect(done.status).toBe("succeeded");
    expect(done.fine_tuned_model).toMatch(new RegExp(`^${BASE_MODEL}\\.ft-[0-9a-f]+-clippy$`));
    const order = statuses.map((s) => ORDER.indexOf(s as FineTuningJobStatus));
    expect(order).toEqual([...order].sort());
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(statuses.at(-1)).toBe("succeeded");

    const events = await all(tuning.listEvents(job.id, { limit: 2 }));
    expect(events[0]!.message).toBe("The job has successfully completed.");
    expect(events.at(-1)!.message).toBe(`Created fine-tuning job: ${job.id}`);
    expect(events.filter((e) => e.type === "metrics").map((e) => e.data?.step)).toEqual([24, 12]);
    const checkpoints = await tuning.listCheckpoints(job.id);
    expect(checkpoints.data.map((c) => c.step_number)).toEqual([24, 12]);
    expect(checkpoints.data[0]).toMatchObject({
      object: "fine_tuning.job.checkpoint",
      fine_tuning_job_id: job.id,
    });
    const results = await (await files.content(done.result_files![0]!)).bytes();
    expect(new TextDecoder().decode(results)).toMatch(/^step,train_loss/);
    let listed = false;
    for await (const j of tuning.list({ limit: 3 })) if (j.id === job.id) listed = true;
    expect(listed).toBe(true);
  });

  it("throws FineTuningJobFailedError with the service's error", async () => {
    const small = await uploadTraining(files, 3);
    const job = await tuning.create({ model: BASE_MODEL, training_file: small }, timeScale(0));
    const error = await tuning.waitForCompletion(job.id, fast).catch((e: unknown) => e);
    expect(FineTuningJobFailedError.isInstance(error)).toBe(true);
    const e = error as FineTuningJobFailedError;
    expect(e.error).toEqual({
      code: "invalid_training_file",
      message: "The training file has 3 example(s); at least 10 are required.",
      param: "training_file",
    });
    expect(e.job.status).toBe("failed");
    expect(e.message).toContain("invalid_training_file");
  });

  it("pauses, resumes and cancels; a cancelled job ends the wait", async () => {
    const training = await uploadTraining(files);
    const job = await tuning.create({ model: BASE_MODEL, training_file: training }, timeScale(1));
    // At time scale 1 the job validates and queues for 2 s, then runs for 3 s: pause it then.
    for (let i = 0; i < 400 && (await tuning.retrieve(job.id)).status !== "running"; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect((await tuning.pause(job.id)).status).toBe("paused");
    const late = await tuning.waitForCompletion(job.id, { ...fast, timeoutMs: 80 }).catch((e: unknown) => e);
    expect(WaitTimeoutError.isInstance(late)).toBe(true);
    expect((late as WaitTimeoutError<{ status: string }>).last?.status).toBe("paused");
    expect((await tuning.resume(job.id)).status).toBe("running");
    const cancelled = await tuning.cancel(job.id);
    expect(cancelled.status).toBe("cancelled");
    expect((await tuning.waitForCompletion(job.id, fast)).status).toBe("cancelled");
    const again = await tuning.cancel(job.id).catch((e: unknown) => e);
    expect(BadRequestError.isInstance(again)).toBe(true);
  }, 30_000);

  it("stops a wait when the signal aborts", async () => {
    const training = await uploadTraining(files);
    const job = await tuning.create({ model: BASE_MODEL, training_file: training }, timeScale(1000));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await tuning
      .waitForCompletion(job.id, { ...fast, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(APIUserAbortError.isInstance(error)).toBe(true);
    await tuning.cancel(job.id);
  });
});

describe("FineTuningClient on a private emulator (request log, versions, faults)", () => {
  let emulator: Emulator;
  let training: string;
  const make = (apiVersion = "2025-04-01-preview") => {
    const client = new AzureOpenAIClient({
      endpoint: emulator.url,
      apiKey: emulator.apiKey,
      maxRetries: 0,
      apiVersion,
    });
    return { files: new FileClient(client), tuning: new FineTuningClient(client) };
  };
  beforeAll(async () => {
    emulator = await startEmulator({ timeScale: 0 });
    training = await uploadTraining(make().files);
  });
  afterAll(() => emulator.close());

  it("sends the request as given and identifies itself", async () => {
    emulator.reset();
    const request = {
      model: BASE_MODEL,
      training_file: training,
      hyperparameters: { n_epochs: 1 },
      method: { type: "supervised" as const, supervised: { hyperparameters: { n_epochs: 1 } } },
    };
    const job = await make().tuning.create(request);
    const [sent] = emulator.requests;
    expect(sent!.path).toBe("/openai/fine_tuning/jobs");
    expect(sent!.query).toEqual({ "api-version": "2025-04-01-preview" });
    expect(sent!.body).toEqual(request);
    expect(sent!.headers["user-agent"]).toContain(`aoai-fine-tuning/${VERSION}`);
    expect(job.method).toEqual(request.method);
    emulator.reset();
    await make().tuning.listEvents(job.id, { limit: 1 });
    expect(emulator.requests[0]!.path).toBe(`/openai/fine_tuning/jobs/${job.id}/events`);
    expect(emulator.requests[0]!.query).toEqual({ "api-version": "2025-04-01-preview", limit: "1" });
  });

  it("sends nothing for bad input and names the parameter", async () => {
    emulator.reset();
    const { tuning } = make();
    const cases: [() => Promise<unknown>, string][] = [
      [() => tuning.create({ training_file: training } as never), "model"],
      [() => tuning.create({ model: BASE_MODEL, training_file: "" }), "training_file"],
      [() => tuning.create({ model: BASE_MODEL, training_file: training, suffix: "a b" }), "suffix"],
      [() => tuning.retrieve(""), "fine_tuning_job_id"],
      [() => tuning.pause(".."), "fine_tuning_job_id"],
      [async () => tuning.listEvents("ftjob-1", { limit: 0 }), "limit"],
      [async () => tuning.listCheckpoints(""), "fine_tuning_job_id"],
      [() => tuning.waitForCompletion("ftjob-1", { timeoutMs: 0 }), "timeoutMs"],
    ];
    for (const [run, param] of cases) {
      const error = await run().catch((e: unknown) => e);
      expect(InvalidInputError.isInstance(error), `${param}: ${String(error)}`).toBe(true);
      expect((error as InvalidInputError).param).toBe(param);
    }
    expect(emulator.requests).toHaveLength(0);
  });

  it("refuses pause, resume and method on the GA versions before sending", async () => {
    emulator.reset();
    const { tuning } = make("2024-10-21");
    for (const [run, feature] of [
      [() => tuning.pause("ftjob-1"), "pause"],
      [() => tuning.resume("ftjob-1"), "resume"],
      [
        () => tuning.create({ model: BASE_MODEL, training_file: training, method: { type: "dpo" } }),
        "method",
      ],
    ] as const) {
      const error = await run().catch((e: unknown) => e);
      expect(UnsupportedApiVersionError.isInstance(error), feature).toBe(true);
      expect((error as UnsupportedApiVersionError).feature).toBe(feature);
    }
    expect(emulator.requests).toHaveLength(0);
    const job = await tuning.create({ model: BASE_MODEL, training_file: training });
    expect((await tuning.waitForCompletion(job.id, fast)).status).toBe("succeeded");
  });

  it("surfaces a 429 on create as RateLimitError; a dropped connection, which may have created it, as CreateNotConfirmedError", async () => {
    const { tuning } = make();
    const limited = await tuning
      .create({ model: "gpt-4o", training_file: "file-test" }, fault({ kind: "status", status: 429 }))
      .catch((e: unknown) => e);
    expect(RateLimitError.isInstance(limited)).toBe(true);
    expect((limited as RateLimitError).status).toBe(429);
    const dropped = await tuning
      .create({ model: "gpt-4o", training_file: "file-test" }, fault({ kind: "reset" }))
      .catch((e: unknown) => e);
    // Not sent again: the service may have made it.
    expect(CreateNotConfirmedError.isInstance(dropped)).toBe(true);
    expect(APIConnectionError.isInstance((dropped as CreateNotConfirmedError).cause)).toBe(true);
    const missing = await tuning
      .create({ model: "gpt-4o", training_file: "file-test" })
      .catch((e: unknown) => e);
    expect(BadRequestError.isInstance(missing)).toBe(true);
    expect((missing as BadRequestError).status).toBe(400);
  });

  it("works on the v1 API", async () => {
    emulator.reset();
    const { files, tuning } = make("v1");
    const file = await uploadTraining(files);
    const job = await tuning.create({ model: BASE_MODEL, training_file: file });
    const done = await tuning.waitForCompletion(job.id, fast);
    expect(done.status).toBe("succeeded");
    expect(emulator.requests.map((r) => r.path)).toContain("/openai/v1/fine_tuning/jobs");
    expect((await tuning.listCheckpoints(job.id)).data).toHaveLength(3);
  });
});
