/** An error of a batch that failed validation, as the wire has it. */
export interface BatchErrorWire {
  code: string;
  message: string;
  param: string | null;
  line: number | null;
}

/** The batch object on the wire. */
export interface BatchWire {
  id: string;
  object: "batch";
  endpoint: string;
  errors: { object: "list"; data: BatchErrorWire[] } | null;
  input_file_id: string;
  completion_window: string;
  status: string;
  output_file_id: string | null;
  error_file_id: string | null;
  created_at: number;
  in_progress_at: number | null;
  expires_at: number;
  finalizing_at: number | null;
  completed_at: number | null;
  failed_at: number | null;
  expired_at: number | null;
  cancelling_at: number | null;
  cancelled_at: number | null;
  request_counts: { total: number; completed: number; failed: number };
  metadata: Record<string, string> | null;
}

/** A batch and its progress, which requests move forward as time passes. */
export interface BatchRecord {
  batch: BatchWire;
  /** ms since the epoch. */
  createdMs: number;
  scale: number;
  /** The input lines, once validated; dropped when the batch ends. */
  lines: string[] | undefined;
  /** How many lines have been run. */
  done: number;
  output: string[];
  errors: string[];
  inProgressMs: number;
  finalizingMs: number;
  cancellingMs: number;
}
