import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors/input-errors.js";
import { checkSavePath } from "./check-save-path.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "aoai-check-save-path-"));
  await writeFile(join(dir, "a-file"), "x");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function refusal(path: unknown): Promise<InvalidInputError> {
  const error = await checkSavePath(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidInputError);
  expect((error as InvalidInputError).param).toBe("path");
  return error as InvalidInputError;
}

describe("checkSavePath", () => {
  it("accepts a new or existing file in an existing folder", async () => {
    await expect(checkSavePath(join(dir, "new.mp3"))).resolves.toBeUndefined();
    await expect(checkSavePath(join(dir, "a-file"))).resolves.toBeUndefined();
  });

  it("refuses a path in a folder that does not exist, naming the folder", async () => {
    const error = await refusal(join(dir, "missing", "speech.mp3"));
    expect(error.message).toBe(`path's folder ${join(dir, "missing")} does not exist: create it first.`);
  });

  it("refuses a folder, saying to name a file in it", async () => {
    expect((await refusal(dir)).message).toBe(`path ${dir} is a folder: give the path of a file in it.`);
  });

  it("refuses a path under a file", async () => {
    expect((await refusal(join(dir, "a-file", "x.mp3"))).message).toMatch(/is a file, not a folder/);
  });

  it.each(["", 42, undefined])("refuses what is not a path: %j", async (path) => {
    expect((await refusal(path)).message).toMatch(/must be a file path/);
  });
});
