import { InvalidInputError } from "../errors/input-errors.js";

interface Stats {
  isDirectory(): boolean;
}
type GetBuiltin = {
  (id: "node:fs/promises"): { stat(path: string): Promise<Stats> };
  (id: "node:path"): { dirname(path: string): string; resolve(path: string): string };
};

const refuse = (why: string): never => {
  throw new InvalidInputError(why, "path");
};

/**
 * Checks, before a request whose answer is saved is sent, that a file can be created at `path`:
 * Node, a non-empty path, an existing folder, and not a folder itself. Throws `InvalidInputError`
 * with `param: "path"` otherwise, so nothing is sent (or billed) for an answer that could not be
 * kept. Permissions and a full disk still surface when the file is written.
 */
export async function checkSavePath(path: unknown): Promise<void> {
  const builtin = (globalThis as { process?: { getBuiltinModule?: GetBuiltin } }).process?.getBuiltinModule;
  if (!builtin) return refuse("path cannot be written: saving to a file works only in Node.js.");
  if (typeof path !== "string" || path === "") return refuse("path must be a file path.");
  const fs = builtin("node:fs/promises");
  const { dirname, resolve } = builtin("node:path");
  const target = await fs.stat(path).catch(() => undefined);
  if (target?.isDirectory()) return refuse(`path ${path} is a folder: give the path of a file in it.`);
  if (target) return;
  const folder = dirname(resolve(path));
  const parent = await fs.stat(folder).catch((error: { code?: string }) => error);
  if ("code" in parent && parent.code === "ENOENT")
    return refuse(`path's folder ${folder} does not exist: create it first.`);
  if ("code" in parent && parent.code === "ENOTDIR")
    return refuse(`path's folder ${folder} is a file, not a folder.`);
  if ("isDirectory" in parent && !parent.isDirectory())
    refuse(`path's folder ${folder} is a file, not a folder.`);
}
