import { versionTable } from "@aoai/core/internal";

/**
 * The API versions of the operation and of each versioned request feature, as `name@rule` rows
 * (the rule grammar is core's `versionsFrom`: `2024-09` = the previews from then on plus v1,
 * `+` = the GA versions from then on too). Top-level fields are named as on the wire; nested
 * features by their value (`developer` role, `json_schema` format, `mongo_db` data source).
 *
 * Sources: the official inference specs 2024-10-21 and 2025-04-01-preview, the Azure OpenAI API
 * version notes for the previews between them, and the live service: it accepts `stream_options`
 * on 2024-10-21 (its inference.yaml has it; the JSON file defines `chatCompletionStreamOptions`).
 */
export const versions: (name: string) => readonly import("@aoai/core").ApiVersion[] | undefined =
  /* @__PURE__ */ versionTable(
    "chat/completions@*,json_schema@2024-08+,max_completion_tokens@2024-09+,parallel_tool_calls@2024-09+," +
      "stream_options@2024-09+,elasticsearch@2024-08,pinecone@2024-08," +
      "mongo_db@2024-08,developer@2024-12,reasoning_effort@2024-12,store@2024-12," +
      "metadata@2024-12,input_audio@2025-01,modalities@2025-01,audio@2025-01,prediction@2025-01," +
      "user_security_context@2025-01",
  );

/** Top-level request fields whose presence is checked against {@link versions}. */
export const VERSIONED_FIELDS: readonly string[] = [
  "max_completion_tokens",
  "parallel_tool_calls",
  "stream_options",
  "reasoning_effort",
  "store",
  "metadata",
  "modalities",
  "audio",
  "prediction",
  "user_security_context",
];
