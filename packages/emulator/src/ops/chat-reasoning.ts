import { invalidRequest } from "../errors.js";

// Reasoning models by model name: the o-series (o1, o3-mini, o4-mini…) and the gpt-5 family.
const O_SERIES = /^o\d/i;
const GPT_5 = /^gpt-5/i;

/**
 * Azure's 400s for the sampling parameters reasoning models refuse: `max_tokens` (they take
 * `max_completion_tokens`), and `temperature`, which the o-series refuses outright and gpt-5 takes
 * only at its default of 1.
 */
export function checkReasoningParams(model: string, body: Record<string, unknown>): void {
  const oSeries = O_SERIES.test(model);
  if (!oSeries && !GPT_5.test(model)) return;
  if (body.max_tokens != null)
    throw invalidRequest(
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      "max_tokens",
      "unsupported_parameter",
    );
  const { temperature } = body;
  if (temperature == null) return;
  if (oSeries)
    throw invalidRequest(
      "Unsupported parameter: 'temperature' is not supported with this model.",
      "temperature",
      "unsupported_parameter",
    );
  if (temperature !== 1)
    throw invalidRequest(
      `Unsupported value: 'temperature' does not support ${temperature} with this model. Only the default (1) value is supported.`,
      "temperature",
      "unsupported_value",
    );
}
