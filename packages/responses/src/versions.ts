import type { ApiVersion } from "@aoai/core";
import { versionTable } from "@aoai/core/internal";

/**
 * The API versions of the Responses operations and of each versioned feature, as `name@rule` rows
 * (core's `versionsFrom` grammar; the rule `v1` names the v1 API alone, `v1` and `preview`, since
 * no dated version sorts after it). Evidence:
 * - `responses` (create, retrieve, delete, input_items): Azure's API version notes put the
 *   Responses API in 2025-03-01-preview; the committed 2025-04-01-preview spec has `/responses`,
 *   `/responses/{response_id}` and `/input_items` (not under a deployment); and the v1 API.
 * - `responses/cancel`, `responses/compact`, `background`, the `mcp` and `image_generation`
 *   tools and `include: ["reasoning.encrypted_content"]`: in neither dated spec (2025-04-01-preview
 *   knows three `include` values and the file_search, function and computer tools only); Azure
 *   documents them on the v1 API.
 * `code_interpreter` and `web_search_preview` are not gated: the dated spec lacks them too, but
 * Azure's notes do not say which version brought them, so the service judges.
 */
export const versions: (name: string) => readonly ApiVersion[] | undefined = /* @__PURE__ */ versionTable(
  "responses@2025-03,responses/cancel@v1,responses/compact@v1,background@v1,mcp@v1,image_generation@v1," +
    "reasoning.encrypted_content@v1",
);
