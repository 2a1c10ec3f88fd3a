/** A Node.js readable stream, as far as uploads need one (`fs.createReadStream`, a socket…). */
export interface NodeReadableLike extends AsyncIterable<Uint8Array> {
  pipe: (...args: never[]) => unknown;
  /** Set on `fs.ReadStream`: its file's path, whose name is sent as the file name. */
  path?: string | Uint8Array;
}

/**
 * A file to upload: a `File` or `Blob`, bytes (`Uint8Array`, `ArrayBuffer`), a web
 * `ReadableStream`, and in Node also a file path or a readable stream such as
 * `fs.createReadStream(path)`. A stream is read once, so a request carrying one is never retried.
 */
export type Uploadable =
  | Blob
  | Uint8Array
  | ArrayBuffer
  | ReadableStream<Uint8Array>
  | NodeReadableLike
  | string;

/** One file of a form, ready to be sent: what it is called and how to read it per attempt. */
export interface FileSource {
  /** The file name sent with the part; the service reads the format from its extension. */
  name: string | undefined;
  type: string | undefined;
  /** Bytes, when known before sending. */
  size: number | undefined;
  /** False for a stream: it can be read only once. */
  replayable: boolean;
  /** A file on disk (Node): read straight into reused buffers when sent (form-stream.ts). */
  path?: string;
  /** The first bytes when known without reading (they can tell the file's type). */
  head?: Uint8Array | undefined;
  /** The content for one attempt. */
  open(): Blob | Uint8Array | AsyncIterable<Uint8Array>;
}

/** A source over bytes or a Blob (replayable, size known). */
export function memorySource(data: Blob | Uint8Array): FileSource {
  const file = data as Partial<File>;
  return {
    name: file.name || undefined,
    type: file.type || undefined,
    size: data instanceof Uint8Array ? data.byteLength : data.size,
    replayable: true,
    head: data instanceof Uint8Array ? data.subarray(0, 16) : undefined,
    open: () => data,
  };
}

/** A source over a stream read once; `head` is the first chunk, already taken to sniff its type. */
export function onceSource(
  head: Uint8Array | undefined,
  rest: AsyncIterator<Uint8Array>,
  name: string | undefined,
): FileSource {
  let opened = false;
  return {
    name,
    type: undefined,
    size: undefined,
    replayable: false,
    head,
    open() {
      if (opened) throw new Error("A stream upload can be sent once.");
      opened = true;
      return (async function* () {
        if (head) yield head;
        for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
      })();
    },
  };
}

/** Takes a stream's first chunk, so its content can name its type. */
export async function peek(
  stream: AsyncIterable<Uint8Array>,
): Promise<[Uint8Array | undefined, AsyncIterator<Uint8Array>]> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  return [first.done ? undefined : first.value, iterator];
}

/** True for a Node.js readable stream. */
export function isNodeReadable(value: unknown): value is NodeReadableLike {
  return (
    typeof (value as NodeReadableLike | null)?.pipe === "function" &&
    typeof (value as NodeReadableLike)[Symbol.asyncIterator] === "function"
  );
}

/** A web `ReadableStream`'s chunks, through its reader (not every browser iterates streams). */
export async function* webStreamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
  } finally {
    reader.releaseLock();
  }
}
