import { type LineContext, runLine } from "./batch-line.js";
import type { BatchErrorWire, BatchRecord } from "./batch-record.js";
import { seconds } from "./clock.js";
import { refreshFile, storeOutputFile } from "./files.js";
import { jsonlLines } from "./jsonl.js";
import type { ResourceStore } from "./store.js";

// Phase durations at time scale 1.
const VALIDATING_MS = 1000;
const IN_PROGRESS_MS = 2000;
const FINALIZING_MS = 500;
const CANCELLING_MS = 500;
/** The service's limit of requests in one batch file. */
const MAX_BATCH_LINES = 50_000;

const TERMINAL = new Set(["completed", "failed", "expired", "cancelled"]);

/**
 * Brings a batch up to `now`: validating -> in_progress -> finalizing -> completed, or failed
 * (an input file that is missing, empty, over 50,000 lines or with a repeated `custom_id`), or
 * cancelling -> cancelled. Lines run when a request finds them due (a share of the in-progress
 * time per line), so `request_counts` grow as the batch is watched and no work runs unobserved.
 */
export function advanceBatch(record: BatchRecord, store: ResourceStore, ctx: LineContext, now: number): void {
  const { batch } = record;
  const ms = (base: number) => base * record.scale;
  for (let step = 0; step < 4 && !TERMINAL.has(batch.status); step++) {
    if (batch.status === "validating") {
      const at = record.createdMs + ms(VALIDATING_MS);
      if (now < at) return;
      const problem = validate(record, store, now);
      if (problem) {
        batch.status = "failed";
        batch.failed_at = seconds(at);
        batch.errors = { object: "list", data: [problem] };
        record.lines = undefined;
        return;
      }
      batch.status = "in_progress";
      batch.in_progress_at = seconds(at);
      record.inProgressMs = at;
    } else if (batch.status === "in_progress") {
      const total = record.lines!.length;
      const span = ms(IN_PROGRESS_MS);
      const elapsed = now - record.inProgressMs;
      const due = elapsed >= span ? total : Math.floor((total * elapsed) / span);
      run(record, ctx, due);
      if (record.done < total || elapsed < span) return;
      batch.status = "finalizing";
      record.finalizingMs = record.inProgressMs + span;
      batch.finalizing_at = seconds(record.finalizingMs);
    } else if (batch.status === "finalizing") {
      const at = record.finalizingMs + ms(FINALIZING_MS);
      if (now < at) return;
      finish(record, store, at);
      batch.status = "completed";
      batch.completed_at = seconds(at);
    } else if (batch.status === "cancelling") {
      const at = record.cancellingMs + ms(CANCELLING_MS);
      if (now < at) return;
      finish(record, store, at);
      batch.status = "cancelled";
      batch.cancelled_at = seconds(at);
    }
  }
}

/** Starts cancelling: lines not yet run are dropped; what ran is still written out. */
export function cancelBatch(record: BatchRecord, now: number): void {
  record.batch.status = "cancelling";
  record.cancellingMs = now;
  record.batch.cancelling_at = seconds(now);
}

function validate(record: BatchRecord, store: ResourceStore, now: number): BatchErrorWire | undefined {
  const error = (code: string, message: string, line: number | null = null, param: string | null = null) => ({
    code,
    message,
    param,
    line,
  });
  const stored = store.files.get(record.batch.input_file_id);
  if (!stored) return error("invalid_file", "The input file no longer exists.", null, "input_file_id");
  refreshFile(stored, now);
  const lines = jsonlLines(stored.data);
  if (lines.length === 0) return error("empty_file", "The input file has no requests.");
  if (lines.length > MAX_BATCH_LINES)
    return error(
      "too_many_requests",
      `The input file has ${lines.length} requests; a batch takes at most ${MAX_BATCH_LINES}.`,
    );
  const seen = new Set<string>();
  for (const [i, line] of lines.entries()) {
    const id = customIdOf(line);
    if (id === undefined) continue;
    if (seen.has(id))
      return error(
        "duplicate_custom_id",
        `The custom_id '${id}' appears more than once.`,
        i + 1,
        "custom_id",
      );
    seen.add(id);
  }
  record.lines = lines;
  record.batch.request_counts.total = lines.length;
  return undefined;
}

// Malformed lines are not the validator's business: they fail on their own when run.
function customIdOf(line: string): string | undefined {
  try {
    const id = (JSON.parse(line) as { custom_id?: unknown } | null)?.custom_id;
    return typeof id === "string" ? id : undefined;
  } catch {
    return undefined;
  }
}

function run(record: BatchRecord, ctx: LineContext, upTo: number): void {
  const lines = record.lines!;
  const counts = record.batch.request_counts;
  for (; record.done < upTo; record.done++) {
    const result = runLine(lines[record.done]!, record.done, ctx);
    if (result.ok) {
      record.output.push(result.line);
      counts.completed++;
    } else {
      record.errors.push(result.line);
      counts.failed++;
    }
  }
}

function finish(record: BatchRecord, store: ResourceStore, at: number): void {
  const { batch } = record;
  const write = (lines: string[], name: string) =>
    lines.length === 0
      ? null
      : storeOutputFile(
          store,
          "batch_output",
          `${batch.id}_${name}.jsonl`,
          Buffer.from(`${lines.join("\n")}\n`),
          at,
        );
  batch.output_file_id = write(record.output, "output");
  batch.error_file_id = write(record.errors, "error");
  record.lines = undefined;
  record.output = [];
  record.errors = [];
}
