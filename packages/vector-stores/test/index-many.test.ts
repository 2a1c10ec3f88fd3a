import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { uploadAndIndex } from "../src/upload-and-index.js";
import { clients, fast, timeScale } from "./helpers.js";

// A full-GC function without --expose-gc: the retained heap is what the call holds on to, while
// `heapUsed` alone also counts garbage not yet collected and would make the test flaky.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const retainedHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

const FILES = 1000;
const FILE_BYTES = 16 * 1024;
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "aoai-vector-stores-"));
  const filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(FILE_BYTES / 56);
  for (let part = 0; part < 10; part++) {
    const dir = join(folder, `part-${part}`);
    await mkdir(dir);
    for (let i = 0; i < FILES / 10; i++) {
      const n = part * (FILES / 10) + i;
      await writeFile(
        join(dir, `doc-${n}.md`),
        `# Document ${n}\nTopic marker${n}.\n${filler}`.slice(0, FILE_BYTES),
      );
    }
  }
  await writeFile(join(folder, "notes.bin"), "skipped by include");
});
afterAll(() => rm(folder, { recursive: true, force: true }));

it("indexes a folder of 1,000 files (16 MB) in batches, its retained memory flat", async () => {
  const { stores, files } = clients({ timeout: 60_000 });
  const store = await stores.create({ name: "many" }, timeScale(0));
  const before = retainedHeap();
  let peak = 0;
  const result = await uploadAndIndex(
    stores,
    files,
    store.id,
    { files: folder },
    {
      ...fast,
      include: (path) => path.endsWith(".md"),
      onUpload: (uploaded) => {
        if (uploaded % 100 === 0) peak = Math.max(peak, retainedHeap() - before);
      },
    },
  );
  expect(result.uploaded).toBe(FILES);
  expect(result.failed).toEqual([]);
  expect(result.batches.map((b) => b.file_counts.total)).toEqual([500, 500]);
  expect(result.file_counts).toEqual({
    in_progress: 0,
    completed: FILES,
    failed: 0,
    cancelled: 0,
    total: FILES,
  });
  // Holding the files' contents would retain 16 MB; ids and names are a few hundred KB.
  expect(peak).toBeLessThan(6 * 1024 * 1024);
  const found = await stores.search(store.id, { query: "marker737", max_num_results: 1 });
  expect(found.data[0]!.filename).toBe("doc-737.md");
  expect((await stores.retrieve(store.id)).file_counts.completed).toBe(FILES);
}, 90_000);
