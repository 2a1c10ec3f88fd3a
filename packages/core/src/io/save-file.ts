import { InvalidInputError } from "../errors/input-errors.js";

interface FileHandle {
  write(data: Uint8Array): Promise<unknown>;
  close(): Promise<void>;
}
type GetBuiltin = (id: "node:fs/promises") => {
  open(path: string, flags: string): Promise<FileHandle>;
  rm(path: string, options: { force: boolean }): Promise<void>;
};

/**
 * Throws `InvalidInputError` unless a file can be written at `path` here (Node, a non-empty path),
 * so a caller can check before it sends a request whose answer it would save.
 */
export function checkCanSave(path: unknown): GetBuiltin {
  const builtin = (globalThis as { process?: { getBuiltinModule?: GetBuiltin } }).process?.getBuiltinModule;
  if (!builtin) throw new InvalidInputError("Saving to a file works only in Node.js.", "path");
  if (typeof path !== "string" || path === "")
    throw new InvalidInputError("path must be a file path.", "path");
  return builtin;
}

/**
 * Writes bytes, or chunks as they arrive (a download), to a file, so a large body never sits in
 * memory whole; returns the bytes written. A failure midway removes the partial file. Node only
 * (reached without a static `node:` import; browser builds get save-file.browser.ts).
 */
export async function saveToFile(
  data: Uint8Array | AsyncIterable<Uint8Array>,
  path: string,
): Promise<number> {
  const builtin = (globalThis as { process?: { getBuiltinModule?: GetBuiltin } }).process?.getBuiltinModule;
  if (!builtin) throw new InvalidInputError("Saving to a file works only in Node.js.", "path");
  if (typeof path !== "string" || path === "")
    throw new InvalidInputError("path must be a file path.", "path");
  const fs = builtin("node:fs/promises");
  const file = await fs.open(path, "w");
  let written = 0;
  try {
    if (data instanceof Uint8Array) {
      await file.write(data);
      written = data.byteLength;
    } else {
      for await (const chunk of data) {
        await file.write(chunk);
        written += chunk.byteLength;
      }
    }
  } catch (error) {
    await file.close().catch(() => {});
    await fs.rm(path, { force: true }).catch(() => {});
    throw error;
  }
  await file.close();
  return written;
}
