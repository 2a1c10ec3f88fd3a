import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator, TIME_SCALE_HEADER } from "../src/index.js";
import type { Wire } from "./helpers.js";
import { resourceCaller, trainingLines, uploadForm } from "./resource-helpers.js";

describe("fine-tuning jobs", () => {
  let emulator: Emulator;
  let call: ReturnType<typeof resourceCaller>["call"];
  let training: string;
  const wait = async (id: string, until: (job: Wire) => boolean) => {
    for (let i = 0; i < 500; i++) {
      const job = (await call("GET", `fine_tuning/jobs/${id}`)).json;
      if (until(job)) return job;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error("the job did not get there");
  };
  beforeAll(async () => {
    emulator = await startEmulator({ timeScale: 0 });
    call = resourceCaller(emulator.url, "2025-04-01-preview").call;
    training = (await call("POST", "files", { body: uploadForm(trainingLines(12), "fine-tune") })).json.id;
  });
  afterAll(() => emulator.close());

  it("runs to succeeded with events, a checkpoint per epoch and a results file", async () => {
    const created = await call("POST", "fine_tuning/jobs", {
      body: {
        model: "gpt-4o-mini-2024-07-18",
        training_file: training,
        validation_file: training,
        suffix: "my-model",
        seed: 42,
        hyperparameters: { n_epochs: 2 },
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      object: "fine_tuning.job",
      status: "validating_files",
      model: "gpt-4o-mini-2024-07-18",
      training_file: training,
      seed: 42,
      suffix: "my-model",
      fine_tuned_model: null,
      hyperparameters: { n_epochs: 2 },
    });
    const id = created.json.id as string;
    expect(id).toMatch(/^ftjob-[0-9a-f]{32}$/);
    const job = await wait(id, (j) => j.status === "succeeded");
    expect(job.fine_tuned_model).toMatch(/^gpt-4o-mini-2024-07-18\.ft-[0-9a-f]{32}-my-model$/);
    expect(job.finished_at).toBeTypeOf("number");
    expect(job.trained_tokens).toBeGreaterThan(0);
    const results = await call("GET", `files/${job.result_files[0]}/content`);
    expect(results.text.split("\n")[0]).toBe("step,train_loss,train_mean_token_accuracy");
    const events = (await call("GET", `fine_tuning/jobs/${id}/events`)).json;
    const messages = events.data.map((e: Wire) => e.message);
    expect(messages[0]).toBe("The job has successfully completed.");
    expect(messages.at(-1)).toBe(`Created fine-tuning job: ${id}`);
    expect(events.data.filter((e: Wire) => e.type === "metrics")).toHaveLength(2);
    const page = (await call("GET", `fine_tuning/jobs/${id}/events`, { query: "limit=2" })).json;
    expect(page.data).toHaveLength(2);
    expect(page.has_more).toBe(true);
    const checkpoints = (await call("GET", `fine_tuning/jobs/${id}/checkpoints`)).json;
    expect(checkpoints.data).toHaveLength(2);
    expect(checkpoints.data[0]).toMatchObject({
      object: "fine_tuning.job.checkpoint",
      fine_tuning_job_id: id,
      step_number: 24,
    });
    expect(checkpoints.data[0].metrics.valid_loss).toBeTypeOf("number");
    const listed = (await call("GET", "fine_tuning/jobs")).json;
    expect(listed.data.map((j: Wire) => j.id)).toContain(id);
  });

  it("fails a job whose training file has fewer than 10 examples", async () => {
    const small = (await call("POST", "files", { body: uploadForm(trainingLines(3), "fine-tune") })).json.id;
    const created = await call("POST", "fine_tuning/jobs", {
      body: { model: "gpt-4o-mini", training_file: small },
    });
    const job = await wait(created.json.id, (j) => j.status === "failed");
    expect(job.error).toEqual({
      code: "invalid_training_file",
      message: "The training file has 3 example(s); at least 10 are required.",
      param: "training_file",
    });
  });

  it("pauses and resumes a running job, and cancels", async () => {
    const created = await call("POST", "fine_tuning/jobs", {
      body: { model: "gpt-4o-mini", training_file: training },
      headers: { [TIME_SCALE_HEADER]: "1" },
    });
    const id = created.json.id as string;
    const early = await call("POST", `fine_tuning/jobs/${id}/pause`);
    expect([early.status, early.json.error.code]).toEqual([400, "unexpectedEntityState"]);
    await wait(id, (j) => j.status === "running");
    const paused = await call("POST", `fine_tuning/jobs/${id}/pause`);
    expect(paused.json.status).toBe("paused");
    await new Promise((r) => setTimeout(r, 50));
    expect((await call("GET", `fine_tuning/jobs/${id}`)).json.status).toBe("paused");
    expect((await call("POST", `fine_tuning/jobs/${id}/resume`)).json.status).toBe("running");
    const cancelled = await call("POST", `fine_tuning/jobs/${id}/cancel`);
    expect(cancelled.json.status).toBe("cancelled");
    const again = await call("POST", `fine_tuning/jobs/${id}/cancel`);
    expect(again.status).toBe(400);
    const events = (await call("GET", `fine_tuning/jobs/${id}/events`)).json.data.map((e: Wire) => e.message);
    expect(events.slice(0, 3)).toEqual(["Job cancelled.", "Job resumed.", "Job paused."]);
  });

  it("refuses bad create requests", async () => {
    const batchFile = (await call("POST", "files", { body: uploadForm("x\n", "batch") })).json.id;
    const cases: [Record<string, unknown>, string][] = [
      [{ training_file: training }, "model"],
      [{ model: "m" }, "training_file"],
      [{ model: "m", training_file: "file-nope" }, "training_file"],
      [{ model: "m", training_file: batchFile }, "training_file"],
      [{ model: "m", training_file: training, validation_file: batchFile }, "validation_file"],
      [{ model: "m", training_file: training, suffix: "has space" }, "suffix"],
      [{ model: "m", training_file: training, hyperparameters: { n_epochs: 0 } }, "hyperparameters.n_epochs"],
    ];
    for (const [body, param] of cases) {
      const r = await call("POST", "fine_tuning/jobs", { body });
      expect([r.status, r.json.error.param], JSON.stringify(body)).toEqual([400, param]);
    }
    expect((await call("GET", "fine_tuning/jobs/ftjob-nope")).status).toBe(404);
  });
});
