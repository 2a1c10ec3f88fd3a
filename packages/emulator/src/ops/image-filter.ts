import type { AzureErrorBody } from "../errors.js";
import type { ContentFilterFault, Fault, StatusFault } from "../faults.js";

/** The default results of a refused image prompt: violence filtered. */
const FILTERED = {
  hate: { filtered: false, severity: "safe" },
  jailbreak: { filtered: false, detected: false },
  self_harm: { filtered: false, severity: "safe" },
  sexual: { filtered: false, severity: "safe" },
  violence: { filtered: true, severity: "high" },
};

/**
 * Azure's 400 for a filtered image prompt. It differs from chat's: code `content_policy_violation`,
 * `inner_error` (with an underscore) holding `content_filter_results` (plural), as the specs'
 * `dalleErrorResponse` and the service's answers have it.
 */
function imageFilterBody(fault: ContentFilterFault): AzureErrorBody {
  return {
    error: {
      code: "content_policy_violation",
      inner_error: {
        code: "ResponsibleAIPolicyViolation",
        content_filter_results: fault.content_filter_result ?? FILTERED,
      },
      message:
        "Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.",
      type: "invalid_request_error",
    },
  } as AzureErrorBody;
}

/** A content-filter fault on an image operation answers in the images shape; other faults pass. */
export function imageFault(operation: string, fault: Fault | undefined): Fault | undefined {
  if (fault?.kind !== "content-filter" || !operation.startsWith("images/")) return fault;
  const status: StatusFault = { ...fault, kind: "status", status: 400, body: imageFilterBody(fault) };
  return status;
}
