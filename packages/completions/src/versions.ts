import { versionTable } from "@aoai/core/internal";

/**
 * The API versions of each versioned request field, as `name@rule` rows (the rule grammar is
 * core's `versionsFrom`: `2024-09+` = the previews from 2024-09-01-preview on, v1 and preview,
 * plus the GA versions from then on). The operation itself is in every version, so it has no row.
 *
 * `stream_options`: the official 2024-08-01-preview inference.yaml has no `stream_options` on the
 * completions request; the 2024-10-21 inference.yaml has it (`chatCompletionStreamOptions`, as on
 * chat/completions). The JSON specs (2024-10-21, 2025-04-01-preview) leave it out of the
 * completions request altogether, so they cannot be the evidence; chat's row is the same.
 */
export const versions: (name: string) => readonly import("@aoai/core").ApiVersion[] | undefined =
  /* @__PURE__ */ versionTable("stream_options@2024-09+");

/** Top-level request fields whose presence is checked against {@link versions}. */
export const VERSIONED_FIELDS: readonly string[] = ["stream_options"];
