import type { RequestOptions } from "@aoai/core";
import type { FileClient } from "@aoai/files";
import { jsonLines } from "./jsonl-lines.js";
import type { Batch, BatchResponseBody, BatchResultLine } from "./response-types.js";

/** Options of {@link readBatchResults}: core's per-call options apply to each download. */
export interface ReadBatchResultsOptions extends RequestOptions {
  /** Read only the output file or only the error file. @default both, output first */
  only?: "output" | "errors";
}

/**
 * Streams a finished batch's results as typed lines: the output file's, then the error file's,
 * each line parsed as it downloads, so a million-line output never sits in memory at once. Each
 * line carries the request's `custom_id`; `isBatchSuccess(line)` tells an answer from a failure.
 *
 * ```ts
 * for await (const line of readBatchResults<BatchChatCompletion>(files, batch)) {
 *   if (isBatchSuccess(line)) answers.set(line.custom_id, line.response.body.choices[0].message.content);
 * }
 * ```
 */
export async function* readBatchResults<B = BatchResponseBody>(
  files: FileClient,
  batch: Pick<Batch, "output_file_id" | "error_file_id">,
  options: ReadBatchResultsOptions = {},
): AsyncGenerator<BatchResultLine<B>, void, undefined> {
  const { only, ...request } = options;
  const ids = [
    only === "errors" ? undefined : batch.output_file_id,
    only === "output" ? undefined : batch.error_file_id,
  ];
  for (const id of ids) {
    if (!id) continue;
    const stream = await files.content(id, request);
    yield* jsonLines<BatchResultLine<B>>(stream, stream._response.requestId);
  }
}

/** True when the line is an answer with a 2xx status: `response.body` is then the endpoint's result. */
export function isBatchSuccess<B>(line: BatchResultLine<B>): line is BatchResultLine<B> & {
  custom_id: string;
  response: { status_code: number; request_id: string; body: B };
} {
  const status = line.response?.status_code;
  return line.error == null && status !== undefined && status >= 200 && status < 300;
}
