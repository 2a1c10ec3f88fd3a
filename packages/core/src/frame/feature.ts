import type { ApiVersion } from "../api-versions.js";
import type { AzureOpenAIClient } from "../client.js";
import type { RequestOptions } from "../client-options.js";
import type { LastingCreate } from "../errors/create-not-confirmed-error.js";
import type { MultipartForm } from "../multipart/form.js";
import { json } from "../readers/json.js";
import type { Reader } from "../readers/reader.js";
import type { WithResponse } from "../response-info.js";
import type { Route } from "../routing.js";
import { send } from "../send.js";
import { checkVersion, versionsWith } from "../version-gates.js";
import { type Page, PagePromise } from "./page.js";

/** What an operation is sent on: a feature client (`this`), with its deployment if it has one. */
export interface Target {
  readonly client: AzureOpenAIClient;
  readonly deployment?: string | undefined;
}

/** One call of an operation, beyond the path: the parts that vary. */
export interface Call extends Omit<Route, "deployment" | "path"> {
  /** @default "POST" */
  method?: "GET" | "POST" | "DELETE";
  /** A JSON object, or a {@link MultipartForm}. */
  body?: object | MultipartForm | undefined;
  /** The row of the versions table the operation is checked against. @default the feature's `gate`, else `path` */
  gate?: string;
  /**
   * A create of a lasting object (a file, a batch, a job), declared with `lasting()`: not resent
   * after a failure that may have made it (`CreateNotConfirmedError`, see `OperationRequest`).
   */
  creates?: LastingCreate | undefined;
  /** An absolute URL the service handed out (an image link), requested instead of `path`. */
  url?: string | undefined;
  /**
   * The versions the call may go to, when narrower than its row's: those that also have the
   * options it sends ({@link sentVersions}), so a client given no API version sends it where all
   * of it is served. @default the row's
   */
  versions?: readonly ApiVersion[] | undefined;
}

/**
 * A feature package's frame, declared once in its `src/feature.ts` as a plain object (no code of
 * its own in a bundle): its User-Agent token, its versions table with the request fields that
 * table gates and, for a resource whose routes all came together, the row that gates them. The
 * verbs (`post`, `get`, `remove`, `list`; a stream is `post` with the `sse` reader) take it with
 * the client (`this`), so one frame serves every client of the package. They are functions, not
 * methods, so a bundle carries only the verbs its calls use (a list's pages are not in a chat
 * app). Each returns `send`'s own promise (no promise turn of its own) and builds the one request
 * object `send` takes, as a hand-written call would: the chat and streaming paths cost nothing
 * more through them.
 *
 * ```ts
 * export const files: Feature = { userAgent: `aoai-files/${VERSION}`, versions, gate: "files" };
 *
 * export class FileClient extends ResourceClient {
 *   retrieve(fileId: string, options?: RequestOptions): Promise<WithResponse<FileObject>> {
 *     return get(files, this, "files/{file_id}", { file_id: fileId }, options);
 *   }
 * }
 * ```
 */
export interface Feature {
  /** `aoai-<package>/<version>`: the package's User-Agent token. */
  readonly userAgent: string;
  /** Its versions table (`versionTable(…)`): the API versions of each operation and option. */
  readonly versions?: ((name: string) => readonly ApiVersion[] | undefined) | undefined;
  /** The request fields `checkFields` checks against the table (those a version may lack). */
  readonly fields?: readonly string[] | undefined;
  /** The table row that gates every operation (a resource whose routes all came together: `files`). */
  readonly gate?: string | undefined;
}

/** A list's query: the page cursor `after`, and the package's filters. */
export interface ListQuery {
  after?: string | null | undefined;
}

/** Throws `UnsupportedApiVersionError` when the client's API version lacks `name` (a row of the table). */
export function checkGate(of: Feature, client: AzureOpenAIClient, name: string): void {
  checkVersion(client, name, of.versions?.(name));
}

/**
 * Checks each of the feature's versioned `fields` that `body` sets (a `null` counts as unset)
 * against the client's API version: `UnsupportedApiVersionError` for one the version lacks.
 */
export function checkFields(of: Feature, client: AzureOpenAIClient, body: object): void {
  for (const name of of.fields ?? [])
    if ((body as Record<string, unknown>)[name] != null) checkVersion(client, name, of.versions?.(name));
}

/**
 * The versions that have `name` (a row of the feature's table), every versioned field (`of.fields`)
 * `body` sets (a `null` or `false` counts as unset) and each row of `also`: where a client given
 * no API version may send the call (core picks among them).
 */
export function sentVersions(
  of: Feature,
  name: string,
  body: object,
  also: readonly string[] = [],
): readonly ApiVersion[] | undefined {
  const table = of.versions;
  const set = (of.fields ?? []).filter((f) => {
    const value = (body as Record<string, unknown>)[f];
    return value != null && value !== false;
  });
  return table && versionsWith(table(name), ...set.concat(also).map(table));
}

/** Sends one call and reads the answer with `reader`: every verb ends here. */
export function call<T>(
  of: Feature,
  on: Target,
  path: string,
  parts: Call,
  options: RequestOptions | undefined,
  reader: Reader<T>,
): Promise<T> {
  const gate = parts.gate ?? of.gate ?? path;
  return send(
    on.client,
    {
      // The parts as they are (method, params, query, body, creates, url); `gate` rides along unread.
      ...parts,
      path,
      deployment: on.deployment,
      versions: parts.versions ?? of.versions?.(gate),
      feature: gate,
      userAgent: of.userAgent,
      options,
    },
    reader,
  );
}

/**
 * `POST path` with a JSON or multipart body, read as JSON unless `reader` says otherwise (a
 * stream: `sse()`). The request object is built here directly, not through {@link call}: this is
 * the chat path. An action on a resource by its id (`batches/{batch_id}/cancel`) is a `call`.
 */
export function post<T = WithResponse<object>>(
  of: Feature,
  on: Target,
  path: string,
  body: object | MultipartForm | undefined,
  options: RequestOptions | undefined,
  reader: Reader<T> = json() as Reader<T>,
): Promise<T> {
  return send(
    on.client,
    {
      path,
      deployment: on.deployment,
      body,
      versions: of.versions?.(of.gate ?? path),
      feature: of.gate,
      userAgent: of.userAgent,
      options,
    },
    reader,
  );
}

/** `GET path` (a resource by its id), read as JSON unless `reader` says otherwise. */
export function get<T = WithResponse<object>>(
  of: Feature,
  on: Target,
  path: string,
  params: Readonly<Record<string, string>>,
  options: RequestOptions | undefined,
  reader: Reader<T> = json() as Reader<T>,
): Promise<T> {
  return call(of, on, path, { method: "GET", params }, options, reader);
}

/** `DELETE path`, read as JSON unless `reader` says otherwise. */
export function remove<T extends object>(
  of: Feature,
  on: Target,
  path: string,
  params: Readonly<Record<string, string>>,
  options: RequestOptions | undefined,
  reader: Reader<WithResponse<T>> = json<T>(),
): Promise<WithResponse<T>> {
  return call(of, on, path, { method: "DELETE", params }, options, reader);
}

/**
 * `GET path` as a list: a {@link PagePromise} that is awaited for one page or iterated across
 * pages (each page's request names the last item of the page before as `after`). `check` checks
 * the query when a request starts, so a bad one rejects rather than throws.
 */
export function list<T, Q extends ListQuery = ListQuery>(
  of: Feature,
  on: Target,
  path: string,
  query: Q,
  options: RequestOptions | undefined,
  check?: (query: Q) => void,
  params?: Readonly<Record<string, string>>,
): PagePromise<T> {
  return new PagePromise((after) => {
    check?.(query);
    return call(
      of,
      on,
      path,
      {
        method: "GET",
        params,
        query: { ...query, after: after ?? query.after } as unknown as Route["query"],
      },
      options,
      json<Page<T>>(),
    );
  });
}
