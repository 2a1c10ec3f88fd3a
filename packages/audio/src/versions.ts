import type { ApiVersion } from "@aoai/core";
import { versionTable } from "@aoai/core/internal";

/**
 * The API versions of each operation and versioned request field, as `name@rule` rows (core's
 * `versionsFrom` grammar: `2025-03` = the previews from then on plus v1 and preview; a trailing
 * `~` = on the v1 API only with `api-version=preview`).
 *
 * - Transcription and translation: every version (both official specs, all older ones).
 * - Speech: the previews (it came in 2024-02-15-preview, before the oldest version this SDK
 *   knows), absent from the GA specs 2024-06-01 and 2024-10-21; v1 serves it only as `preview`.
 * - `include`, `chunking_strategy`, `stream` (transcription) and `instructions` (speech) came with
 *   the gpt-4o transcribe and gpt-4o-mini-tts models, which Azure serves from 2025-03-01-preview
 *   and on v1. The 2025-04-01-preview spec does not list them yet (nor the newer voices); the
 *   service takes them there, so the gate allows them (versions.test.ts says so).
 * - `timestamp_granularities` is not gated: the 2024-10-21 spec omits it but the service honours
 *   it there (the .NET GA library's verbose transcription sample sends it on that version).
 */
export const versions: (name: string) => readonly ApiVersion[] | undefined = /* @__PURE__ */ versionTable(
  "audio/transcriptions@*,audio/translations@*,audio/speech@2024-08~," +
    "include@2025-03,chunking_strategy@2025-03,stream@2025-03,instructions@2025-03~",
);

/** Transcription fields whose presence is checked against {@link versions} (`stream` is the call's own). */
export const VERSIONED_FIELDS: readonly string[] = ["include", "chunking_strategy"];
