import { InvalidInputError } from "../errors/input-errors.js";
import { blobBody } from "./blob-body.js";
import { type FormStreamModules, formStream } from "./form-stream.js";
import {
  type FileSource,
  isNodeReadable,
  type NodeReadableLike,
  onceSource,
  peek,
  webStreamChunks,
} from "./source.js";

/** Node's modules, reached without a static `node:` import, so bundles for other runtimes skip them. */
interface NodeModules {
  fs: {
    createReadStream(path: string): AsyncIterable<Uint8Array>;
    promises: {
      stat(path: string): Promise<{ size: number; isFile(): boolean }>;
      open: FormStreamModules["open"];
    };
  };
  stream: { Readable: FormStreamModules["Readable"] };
  http: { OutgoingMessage: FormStreamModules["OutgoingMessage"] };
}
type GetBuiltin = <K extends keyof NodeModules>(id: `node:${K}`) => NodeModules[K];
const builtin = (globalThis as { process?: { getBuiltinModule?: GetBuiltin } }).process?.getBuiltinModule;

const baseName = (path: string): string =>
  path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);

/** A file path (Node only): its size is checked before sending, and it is reopened per attempt. */
export async function pathSource(path: string, param: string): Promise<FileSource> {
  if (!builtin) throw new InvalidInputError(`${param} is a string: file paths work only in Node.js.`, param);
  const fs = builtin("node:fs");
  let size: number;
  try {
    const stat = await fs.promises.stat(path);
    if (!stat.isFile()) throw new Error("not a file");
    size = stat.size;
  } catch (error) {
    throw new InvalidInputError(
      `${param}: cannot read the file ${JSON.stringify(path)} (${(error as Error).message}).`,
      param,
    );
  }
  return {
    name: baseName(path),
    type: undefined,
    size,
    replayable: true,
    path,
    open: () => fs.createReadStream(path),
  };
}

/** A Node.js readable stream, read once; `fs.ReadStream` gives its file name. */
export async function nodeStreamSource(stream: NodeReadableLike): Promise<FileSource> {
  const [head, rest] = await peek(stream);
  return onceSource(head, rest, typeof stream.path === "string" ? baseName(stream.path) : undefined);
}

export { isNodeReadable };

/** A web `ReadableStream`, read once as it is sent (its first chunk is taken to tell its type). */
export async function streamSource(stream: ReadableStream<Uint8Array>): Promise<FileSource> {
  const [head, rest] = await peek(webStreamChunks(stream));
  return onceSource(head, rest, undefined);
}

let modules: FormStreamModules | undefined;

/**
 * The request body for a form's segments. In Node, a factory of readable streams: each attempt
 * reads the files afresh and nothing is copied (a 25 MB file costs no extra 25 MB; see
 * form-stream.ts). Elsewhere a `Blob` (see blob-body.ts).
 */
export async function formBody(segments: readonly (Uint8Array | FileSource)[]): Promise<unknown> {
  if (!builtin) return blobBody(segments);
  const fs = builtin("node:fs");
  modules ??= {
    Readable: builtin("node:stream").Readable,
    OutgoingMessage: builtin("node:http").OutgoingMessage,
    open: fs.promises.open,
  };
  const node = modules;
  return () => formStream(node, segments);
}
