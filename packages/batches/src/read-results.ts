import { InvalidResponseError, type RequestOptions } from "@aoai/core";
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
 * Given the batch with its `request_counts` (what `retrieve` and `waitForCompletion` return),
 * reading both files checks that they hold `completed + failed` lines: a file cut at a line end,
 * or one with lines too many, ends the loop with `InvalidResponseError` after the lines read,
 * rather than passing for the whole result. A line that is not a JSON object throws it too, with
 * the line's number. Pass only the file ids to skip the count check.
 *
 * ```ts
 * for await (const line of readBatchResults<BatchChatCompletion>(files, batch)) {
 *   if (isBatchSuccess(line)) answers.set(line.custom_id, line.response.body.choices[0].message.content);
 * }
 * ```
 */
export async function* readBatchResults<B = BatchResponseBody>(
  files: FileClient,
  batch: Pick<Batch, "output_file_id" | "error_file_id" | "request_counts">,
  options: ReadBatchResultsOptions = {},
): AsyncGenerator<BatchResultLine<B>, void, undefined> {
  const { only, ...request } = options;
  const ids = [
    only === "errors" ? undefined : batch.output_file_id,
    only === "output" ? undefined : batch.error_file_id,
  ];
  let count = 0;
  let requestId: string | undefined;
  for (const id of ids) {
    if (!id) continue;
    const stream = await files.content(id, request);
    requestId = stream._response.requestId;
    for await (const line of jsonLines<BatchResultLine<B>>(stream, requestId)) {
      count++;
      yield line;
    }
  }
  const counts = batch.request_counts;
  // Known when the service counted any; each file alone could split them either way.
  const expected = counts && counts.total > 0 && !only ? counts.completed + counts.failed : undefined;
  if (expected !== undefined && count !== expected)
    throw new InvalidResponseError(
      `The batch's files hold ${count} result lines, but its request_counts say ${expected} (completed ${counts!.completed} + failed ${counts!.failed}): a download was cut or altered.`,
      "",
      requestId,
    );
}

/** True when the line is an answer with a 2xx status: `response.body` is then the endpoint's result. */
export function isBatchSuccess<B>(line: BatchResultLine<B>): line is BatchResultLine<B> & {
  custom_id: string;
  response: { status_code: number; request_id: string; body: B };
} {
  // Not a TypeError for a value that is no line at all.
  if (typeof line !== "object" || line === null) return false;
  const status = line.response?.status_code;
  return line.error == null && typeof status === "number" && status >= 200 && status < 300;
}
