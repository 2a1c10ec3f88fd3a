import type { ApiVersion } from "@aoai/core";
import { versionTable } from "@aoai/core/internal";

/**
 * The API versions of each operation and versioned request field, as `name@rule` rows (core's
 * `versionsFrom` grammar; `~`: on the v1 API only with `api-version=preview`).
 *
 * Sources: the official inference specs 2024-10-21 (generations with prompt, n, size, quality,
 * style, response_format, user) and 2025-04-01-preview (adds output_format, output_compression,
 * background, and images/edits), the Azure OpenAI docs (gpt-image-1 needs 2025-04-01-preview or
 * later; the v1 API serves images only as `preview`).
 */
export const versions: (name: string) => readonly ApiVersion[] | undefined = /* @__PURE__ */ versionTable(
  "images/generations@*~,images/edits@2025-04~,output_format@2025-04~,output_compression@2025-04~,background@2025-04~",
);

/** Request fields whose presence is checked against {@link versions}. */
export const VERSIONED_FIELDS: readonly string[] = ["output_format", "output_compression", "background"];
