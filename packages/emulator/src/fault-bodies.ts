import { STATUS_CODES } from "node:http";
import type { AzureErrorBody } from "./errors.js";
import type { ContentFilterFault } from "./faults.js";

/** The error bodies Azure sends for the statuses reliability tests care about. */
export function statusFaultBody(status: number, operation: string, apiVersion: string): AzureErrorBody {
  switch (status) {
    case 429:
      return {
        error: {
          code: "429",
          message: `Requests to the ${operationName(operation)} Operation under Azure OpenAI API version ${apiVersion} have exceeded token rate limit of your current AIServices S0 pricing tier. Please retry after 1 second. Please contact Azure support service if you would like to further increase the default rate limit.`,
        },
      };
    case 500:
      return {
        error: {
          code: "InternalServerError",
          message: "The server had an error while processing your request. Sorry about that!",
        },
      };
    case 503:
      return {
        error: {
          code: "ServiceUnavailable",
          message: "The service is temporarily unable to process your request. Please try again later.",
        },
      };
    case 504:
      return { error: { code: "Timeout", message: "The operation was timeout." } };
    default:
      return { error: { code: String(status), message: STATUS_CODES[status] ?? "Error" } };
  }
}

function operationName(operation: string): string {
  const names: Record<string, string> = {
    "chat/completions": "ChatCompletions_Create",
    completions: "Completions_Create",
    embeddings: "Embeddings_Create",
    "images/generations": "ImageGenerations_Create",
    "audio/speech": "AudioSpeech_Create",
    "audio/transcriptions": "AudioTranscriptions_Create",
    "audio/translations": "AudioTranslations_Create",
  };
  return names[operation] ?? operation;
}

/** Azure's prompt content-filter 400, as sent for a jailbreak attempt. */
export function contentFilterBody(fault: ContentFilterFault): AzureErrorBody {
  const results = fault.content_filter_result ?? {
    hate: { filtered: false, severity: "safe" },
    jailbreak: { filtered: true, detected: true },
    self_harm: { filtered: false, severity: "safe" },
    sexual: { filtered: false, severity: "safe" },
    violence: { filtered: true, severity: "medium" },
  };
  const message =
    "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766";
  if (fault.shape === "content_filters")
    return {
      error: {
        message,
        type: "invalid_request_error",
        param: fault.param ?? "prompt",
        code: "content_filter",
        innererror: { code: "ContentFiltered" },
        content_filters: [
          { blocked: true, source_type: "prompt", content_filter_raw: [], content_filter_results: results },
        ],
      },
    };
  return {
    error: {
      message,
      type: null,
      param: fault.param ?? "prompt",
      code: "content_filter",
      status: 400,
      innererror: { code: "ResponsibleAIPolicyViolation", content_filter_result: results },
    },
  };
}

/** What `event: error` carries when the fault names no payload. */
export const DEFAULT_SSE_ERROR = {
  error: {
    code: "server_error",
    message: "The server had an error while processing your request. Sorry about that!",
  },
};
