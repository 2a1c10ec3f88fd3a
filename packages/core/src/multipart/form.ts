import type { HttpHeaders } from "@azure/core-rest-pipeline";
import { invalid } from "../checks.js";
import { checkModel } from "../v1-model.js";
import { sniffExtension, typeFromName } from "./file-types.js";
import { FORM } from "./form-brand.js";
import { formBody, isNodeReadable, nodeStreamSource, pathSource, streamSource } from "./platform.js";
import { type FileSource, memorySource, type Uploadable } from "./source.js";

/** What a form's file field accepts. */
export interface FileFieldRule {
  /** Largest size the service takes, checked when the size is known before sending. */
  maxBytes?: number;
}

/** A form encoded for one request. */
export interface EncodedForm {
  /** What the HTTP client sends: a `Blob`, or in Node a factory of readable streams. */
  body: unknown;
  contentType: string;
  /** Bytes, when every part's size is known (a stream's is not). */
  length: number | undefined;
  /** False when a part is a stream: the request must not be sent twice. */
  replayable: boolean;
}

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * A multipart/form-data body built from a wire-shaped object, encoded when the request is sent.
 * `files` names the fields that hold files ({@link Uploadable}, or an array of them); every other
 * field is text: strings, numbers and booleans as they are, objects as JSON, and arrays as one
 * `name[]` part per item, as the service expects (`timestamp_granularities[]`). `undefined` and
 * `null` fields are left out.
 */
export class MultipartForm {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly files: Readonly<Record<string, FileFieldRule>>;
  declare readonly [FORM]: true;

  constructor(fields: Record<string, unknown>, files: Record<string, FileFieldRule>) {
    this.fields = fields;
    this.files = files;
    Object.defineProperty(this, FORM, { value: true });
  }

  async prepare(
    headers: HttpHeaders,
    model: string | undefined,
  ): Promise<{ body: unknown; replayable: boolean }> {
    if (model !== undefined) checkModel(this.fields.model, model);
    const form = await this.encode(model === undefined ? undefined : { model });
    headers.set("content-type", form.contentType);
    // A stream factory (Node) gets its length here; a Blob carries its own.
    if (form.length !== undefined && typeof form.body === "function")
      headers.set("content-length", form.length);
    return form;
  }

  /** Encodes the form, with `extra` text fields (the v1 API's `model`) added at the end. */
  async encode(extra?: Record<string, string>): Promise<EncodedForm> {
    const boundary = `----aoai${randomDigits()}`;
    const segments: (Uint8Array | FileSource)[] = [];
    let text = "";
    let length: number | undefined = 0;
    let replayable = true;
    const flush = () => {
      if (!text) return;
      const bytes = encoder.encode(text);
      segments.push(bytes);
      if (length !== undefined) length += bytes.byteLength;
      text = "";
    };
    const disposition = (name: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"`;
    for (const [name, value] of Object.entries({ ...this.fields, ...extra })) {
      if (value == null) continue;
      const rule = this.files[name];
      const list = Array.isArray(value);
      const items = list ? value : [value];
      const partName = list ? `${name}[]` : name;
      for (const [i, item] of items.entries()) {
        if (!rule) {
          text += `${disposition(partName)}\r\n\r\n${typeof item === "object" ? JSON.stringify(item) : String(item)}\r\n`;
          continue;
        }
        const param = list ? `${name}[${i}]` : name;
        const file = await toSource(item as Uploadable, param, rule);
        const type = file.type || typeFromName(file.name ?? "");
        text += `${disposition(partName)}; filename="${quote(file.name ?? name)}"\r\nContent-Type: ${type}\r\n\r\n`;
        flush();
        segments.push(file);
        length = length === undefined || file.size === undefined ? undefined : length + file.size;
        replayable &&= file.replayable;
        text += "\r\n";
      }
    }
    text += `--${boundary}--\r\n`;
    flush();
    return {
      body: await formBody(segments),
      contentType: `multipart/form-data; boundary=${boundary}`,
      length,
      replayable,
    };
  }
}

async function toSource(input: Uploadable, param: string, rule: FileFieldRule): Promise<FileSource> {
  let source: FileSource;
  if (typeof input === "string") source = await pathSource(input, param);
  else if (input instanceof Uint8Array || input instanceof Blob) source = memorySource(input);
  else if (input instanceof ArrayBuffer) source = memorySource(new Uint8Array(input));
  else if (isNodeReadable(input)) source = await nodeStreamSource(input);
  else if (typeof (input as ReadableStream | null)?.getReader === "function")
    source = await streamSource(input as ReadableStream<Uint8Array>);
  else {
    return invalid(param, "must be a File, Blob, bytes or a stream (in Node also a path).");
  }
  // A stream's first read came back empty: it has no bytes at all.
  if (source.size === 0 || (!source.replayable && !source.head)) invalid(param, "is empty.");
  if (rule.maxBytes !== undefined && source.size !== undefined && source.size > rule.maxBytes)
    invalid(param, `is ${source.size} bytes; the service takes at most ${rule.maxBytes}.`);
  if (!source.name?.includes(".")) {
    const head =
      source.head ??
      (input instanceof Blob ? new Uint8Array(await input.slice(0, 16).arrayBuffer()) : undefined);
    const ext = head && sniffExtension(head);
    if (ext) source.name = `${source.name || param.replace(/\W/g, "")}.${ext}`;
  }
  return source;
}

// Quotes and line breaks in names are escaped as browsers do (WHATWG multipart/form-data).
const quote = (name: string): string => name.replace(/["\r\n]/g, encodeURIComponent);

/** 96 random bits in digits: a boundary no part will contain. */
const randomDigits = (): string => globalThis.crypto.getRandomValues(new Uint32Array(3)).join("");
