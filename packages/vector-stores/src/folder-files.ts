import { InvalidInputError } from "@aoai/core";

interface Dirent {
  name: string;
  parentPath: string;
  isFile(): boolean;
}
type GetBuiltin = (id: "node:fs/promises") => {
  opendir(path: string, options: { recursive: boolean; bufferSize: number }): Promise<AsyncIterable<Dirent>>;
};

/**
 * The paths of the files under `folder` (sub-folders included), read from the directory as the
 * loop goes, so a folder of any size costs no memory to list. Node only, reached without a static
 * `node:` import so browser bundles stay clean; a browser gets `InvalidInputError`.
 */
export async function* folderFiles(
  folder: string,
  include: (path: string) => boolean,
): AsyncGenerator<string, void, undefined> {
  const builtin = (globalThis as { process?: { getBuiltinModule?: GetBuiltin } }).process?.getBuiltinModule;
  if (!builtin)
    throw new InvalidInputError("Indexing a folder works only in Node.js: pass files instead.", "files");
  const dir = await builtin("node:fs/promises")
    .opendir(folder, { recursive: true, bufferSize: 64 })
    .catch((error: { code?: string }) => {
      if (error.code !== "ENOENT" && error.code !== "ENOTDIR") throw error;
      throw new InvalidInputError(
        `files is not a folder: ${JSON.stringify(folder)} (${error.code}).`,
        "files",
      );
    });
  for await (const entry of dir) {
    if (!entry.isFile()) continue;
    const path = `${entry.parentPath.replace(/[\\/]+$/, "")}/${entry.name}`;
    if (include(path)) yield path;
  }
}
