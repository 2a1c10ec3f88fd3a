import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, it } from "vitest";
import { buildBatchInput } from "../src/batch-input.js";
import { readBatchResults } from "../src/read-results.js";
import { BATCH_DEPLOYMENT, clients, fast, timeScale, uploadInput } from "./helpers.js";

// A full-GC function without --expose-gc: the retained heap is what a reader holds on to, while
// `heapUsed` alone also counts garbage not yet collected and would make the test flaky.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const retainedHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

const LINES = 50_000;

it("reads a 50,000-line batch output back line by line, its retained memory flat", async () => {
  const { files, batches } = clients({ timeout: 120_000 });
  const input = buildBatchInput({
    endpoint: "/chat/completions",
    deployment: BATCH_DEPLOYMENT,
    requests: (function* () {
      for (let i = 0; i < LINES; i++)
        yield { custom_id: `task-${i}`, body: { messages: [{ role: "user" as const, content: `Q${i}` }] } };
    })(),
  });
  expect(input.lines).toBe(LINES);
  const fileId = await uploadInput(files, input.file);
  const created = await batches.create(
    { input_file_id: fileId, endpoint: "/chat/completions" },
    timeScale(0),
  );
  const done = await batches.waitForCompletion(created.id, { ...fast, maxPollInterval: 200 });
  expect(done.request_counts).toEqual({ total: LINES, completed: LINES, failed: 0 });
  const size = (await files.retrieve(done.output_file_id!)).bytes!;
  expect(size).toBeGreaterThan(50 * 1024 * 1024);

  const seen = new Uint8Array(LINES);
  let count = 0;
  let peak = 0;
  const baseline = retainedHeap();
  for await (const line of readBatchResults(files, done)) {
    const index = Number(line.custom_id!.slice(5));
    expect(seen[index]).toBe(0);
    seen[index] = 1;
    if (++count % 10_000 === 0) peak = Math.max(peak, retainedHeap() - baseline);
  }
  expect(count).toBe(LINES);
  expect(seen.every((x) => x === 1)).toBe(true);
  // Holding the lines would retain well over the file's size (strings are UTF-16); streaming
  // holds a chunk and a line. The bound leaves room for the runtime's own noise.
  expect(peak).toBeLessThan(size / 8);
}, 240_000);
