import { type Batch, BatchClient, buildBatchInput, isBatchSuccess, readBatchResults } from "@aoai/batches";
import { AzureOpenAIClient, InvalidResponseError, type RequestOptions } from "@aoai/core";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { FileClient } from "@aoai/files";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALL_HEADER, type Fault, type FaultProxy, startFaultProxy } from "./fault-proxy.js";
import { SECRET_KEY } from "./support.js";

// A results file that is wrong but well formed: cut at a line end, with a line too many, with
// lines that are JSON but not objects, with a corrupted line. Each ends the read with an
// InvalidResponseError after the lines that came; none reads as a complete result.

const LINES = 8;
const fast = { pollInterval: 5, maxPollInterval: 20 };
let emulator: Emulator;
let proxy: FaultProxy;
let files: FileClient;
let batch: Batch;
let output: string[];

beforeAll(async () => {
  emulator = await startEmulator({ apiKeys: [SECRET_KEY] });
  proxy = await startFaultProxy({ target: emulator.url, seed: 0xba7c });
  const direct = new AzureOpenAIClient({ endpoint: emulator.url, apiKey: SECRET_KEY });
  const instant = { headers: { "x-aoai-emulator-time-scale": "0" } };
  const input = buildBatchInput({
    endpoint: "/chat/completions",
    deployment: "gpt-4o-batch",
    requests: Array.from({ length: LINES }, (_, i) => ({
      custom_id: `task-${i}`,
      body: { messages: [{ role: "user" as const, content: `Question ${i}?` }] },
    })),
  });
  const directFiles = new FileClient(direct);
  const uploaded = await directFiles.upload({ file: input.file, purpose: "batch" }, instant);
  await directFiles.waitForProcessing(uploaded.id, fast);
  const batches = new BatchClient(direct);
  const created = await batches.create(
    { input_file_id: uploaded.id, endpoint: "/chat/completions" },
    instant,
  );
  batch = await batches.waitForCompletion(created.id, fast);
  const text = new TextDecoder().decode(await (await directFiles.content(batch.output_file_id!)).bytes());
  output = text.split("\n").filter(Boolean);
  files = new FileClient(new AzureOpenAIClient({ endpoint: proxy.url, apiKey: SECRET_KEY, maxRetries: 0 }));
});

afterAll(async () => {
  await proxy?.close();
  await emulator?.close();
});

let calls = 0;
/** Options whose download of the output file is answered with `body` (as the service frames a file). */
function answeredWith(body: string): RequestOptions {
  const id = `results-${++calls}`;
  const fault: Fault = { kind: "status", status: 200, body, contentType: "application/octet-stream" };
  proxy.plan(id, [fault]);
  return { headers: { [CALL_HEADER]: id } };
}

async function read(results: AsyncIterable<unknown>): Promise<{ lines: unknown[]; error: unknown }> {
  const lines: unknown[] = [];
  try {
    for await (const line of results) lines.push(line);
  } catch (error) {
    return { lines, error };
  }
  return { lines, error: undefined };
}

describe("readBatchResults against the batch's request_counts", () => {
  it("the batch is what the tests expect: 8 answers, no error file", () => {
    expect(batch.request_counts).toEqual({ total: LINES, completed: LINES, failed: 0 });
    expect(batch.error_file_id ?? null).toBeNull();
    expect(output).toHaveLength(LINES);
  });

  it("reads every line of a whole file", async () => {
    const { lines, error } = await read(readBatchResults(files, batch));
    expect(error).toBeUndefined();
    expect(lines).toHaveLength(LINES);
    expect(lines.every((line) => isBatchSuccess(line as never))).toBe(true);
  });

  it("a file cut at a line end (4 of 8 lines): InvalidResponseError after the 4 lines", async () => {
    const cut = `${output.slice(0, 4).join("\n")}\n`;
    const { lines, error } = await read(readBatchResults(files, batch, answeredWith(cut)));
    expect(lines).toHaveLength(4);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/4 result lines.*8/);
  });

  it("a line too many: InvalidResponseError", async () => {
    const more = `${[...output, output[0]].join("\n")}\n`;
    const { error } = await read(readBatchResults(files, batch, answeredWith(more)));
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/9 result lines.*8/);
  });

  it("without request_counts, the lines that came are all there is to check", async () => {
    const cut = `${output.slice(0, 4).join("\n")}\n`;
    const ids = { output_file_id: batch.output_file_id, error_file_id: batch.error_file_id };
    const { lines, error } = await read(readBatchResults(files, ids, answeredWith(cut)));
    expect(error).toBeUndefined();
    expect(lines).toHaveLength(4);
  });

  it.each(["null", "42", "[]"])(
    "a line that is JSON but not an object (%s): refused with its number",
    async (bad) => {
      const body = `${[output[0], bad, ...output.slice(2)].join("\n")}\n`;
      const { lines, error } = await read(readBatchResults(files, batch, answeredWith(body)));
      expect(lines).toHaveLength(1);
      expect(InvalidResponseError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain("Line 2 ");
    },
  );

  it("a corrupted line (its second half lost): refused with its number", async () => {
    const third = output[2]!;
    const body = `${[...output.slice(0, 2), third.slice(0, third.length / 2), ...output.slice(3)].join("\n")}\n`;
    const { lines, error } = await read(readBatchResults(files, batch, answeredWith(body)));
    expect(lines).toHaveLength(2);
    expect((error as Error).message).toContain("Line 3 ");
  });
});
