import { InvalidInputError } from "../errors/input-errors.js";

interface FileHandle {
  write(data: Uint8Array): Promise<unknown>;
  datasync(): Promise<void>;
  chmod(mode: number): Promise<void>;
  close(): Promise<void>;
  createWriteStream(options: { highWaterMark: number; flush: boolean }): FileStream;
}
/** An `fs.WriteStream`, as far as this file uses one. */
interface FileStream {
  readonly bytesWritten: number;
}
interface Fs {
  open(path: string, flags: string): Promise<FileHandle>;
  rm(path: string, options: { force: boolean }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  realpath(path: string): Promise<string>;
  readlink(path: string): Promise<string>;
  stat(path: string): Promise<{ mode: number }>;
}
interface Path {
  dirname(path: string): string;
  basename(path: string): string;
  resolve(...paths: string[]): string;
  join(...paths: string[]): string;
}
interface Streams {
  pipeline(source: AsyncIterable<Uint8Array>, destination: FileStream): Promise<void>;
}
type GetBuiltin = ((id: "node:fs/promises") => Fs) &
  ((id: "node:path") => Path) &
  ((id: "node:stream/promises") => Streams);

/**
 * Bytes a download may queue for the file while a write is under way: what arrives meanwhile goes
 * out in one `writev` when it ends, rather than one write per socket chunk, each awaited before
 * the next chunk is taken (speech, 10 MB: 6,529 writes over seven downloads, 1.2x the time of a
 * plain `pipeline` into a file). Past it, reading waits for the disk: memory stays bounded.
 */
const QUEUED_BYTES = 1024 * 1024;

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
 * memory whole; returns the bytes written. The bytes go to a temporary file beside the target,
 * which is renamed over it once complete: a failure midway leaves the target exactly as it was (an
 * existing file untouched, no partial file). Through a symlink, the link's target is replaced and
 * the link kept, as a shell's `>` would; an existing file keeps its permissions. A relative path
 * is taken from the current directory. Node only (reached without a static `node:` import;
 * browser builds get save-file.browser.ts).
 */
export async function saveToFile(
  data: Uint8Array | AsyncIterable<Uint8Array>,
  path: string,
): Promise<number> {
  const builtin = checkCanSave(path);
  const fs = builtin("node:fs/promises");
  const paths = builtin("node:path");
  const target = await resolveTarget(fs, paths, path);
  const mode = await fs.stat(target).then(
    (s) => s.mode & 0o7777,
    () => undefined,
  );
  const temp = paths.join(
    paths.dirname(target),
    `.${paths.basename(target)}.${Math.random().toString(36).slice(2, 10)}.part`,
  );
  // "wx": never opens a file that is already there.
  const file = await fs.open(temp, "wx");
  let written = 0;
  try {
    // Not through open's mode, which the umask would narrow.
    if (mode !== undefined) await file.chmod(mode);
    if (data instanceof Uint8Array) {
      await file.write(data);
      written = data.byteLength;
      // On disk before the rename, so a crash cannot leave the target renamed but empty.
      await file.datasync();
      await file.close();
    } else {
      // The stream closes the file once all is written, synced first (`flush`) for the same
      // reason; on a failure `pipeline` destroys it and the handle is closed below.
      const out = file.createWriteStream({ highWaterMark: QUEUED_BYTES, flush: true });
      await builtin("node:stream/promises").pipeline(data, out);
      written = out.bytesWritten;
    }
    await fs.rename(temp, target);
  } catch (error) {
    await file.close().catch(() => {});
    await fs.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  return written;
}

/** The file a write to `path` means: a symlink's target (even a missing one), else `path`. */
async function resolveTarget(fs: Fs, paths: Path, path: string): Promise<string> {
  try {
    return await fs.realpath(path);
  } catch {
    // Missing: a new file, or a dangling link whose target is created.
    try {
      return paths.resolve(paths.dirname(path), await fs.readlink(path));
    } catch {
      return path;
    }
  }
}
