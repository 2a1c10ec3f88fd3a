import { badRequest, EmulatorHttpError } from "../errors.js";
import { familyOf, type ModelFamily } from "../models.js";

/** Azure's name of each operation in its "does not work with the specified model" 400. */
const OPERATION_NAMES: Readonly<Record<string, string>> = {
  "chat/completions": "chatCompletion",
  completions: "completion",
  embeddings: "embeddings",
  "images/generations": "imagesGeneration",
  "images/edits": "imagesEdit",
  "audio/speech": "speech",
  "audio/transcriptions": "transcription",
  "audio/translations": "translation",
  responses: "responses",
};

/** Refuses an operation the deployment's model does not serve, as Azure does. */
export function checkOperation(operation: string, model: string): void {
  const family = familyOf(model);
  if (family && !family.operations.includes(operation)) {
    const name = OPERATION_NAMES[operation] ?? operation;
    throw new EmulatorHttpError(400, {
      error: {
        code: "OperationNotSupported",
        message: `The ${name} operation does not work with the specified model, ${model}. Please choose different model and try again. You can learn more about which models can be used with each operation here: https://go.microsoft.com/fwlink/?linkid=2197993.`,
      },
    });
  }
}

/**
 * Refuses what the deployment's model does not take, as Azure does: parameters it does not
 * support, values outside its sizes, qualities, voices or formats. A model the table does not
 * know is not checked.
 */
export function checkModelRules(operation: string, model: string, body: Record<string, unknown>): void {
  const family = familyOf(model);
  if (!family?.operations.includes(operation)) return;
  checkParameters(family, body);
  if (family.embeddings && !family.embeddings.shortens && present(body.dimensions))
    throw badRequest("This model does not support specifying dimensions.", null, null);
  if (family.images) checkImage(family.images, body);
  if (family.speech) {
    const voice = first(body.voice);
    if (typeof voice === "string") oneOf("voice", voice, family.speech.voices);
    if (!family.speech.instructions && present(body.instructions)) throw unsupportedParameter("instructions");
  }
  if (family.transcription) {
    const t = family.transcription;
    const format = first(body.response_format);
    if (typeof format === "string") oneOf("response_format", format, t.formats);
    if (!t.stream && String(first(body.stream)) === "true") throw unsupportedParameter("stream");
    if (!t.logprobs && present(body["include[]"] ?? body.include)) throw unsupportedParameter("include");
  }
}

function checkParameters(family: ModelFamily, body: Record<string, unknown>): void {
  for (const [param, hint] of Object.entries(family.unsupported ?? {})) {
    if (present(body[param])) throw unsupportedParameter(param, hint);
  }
  for (const [param, value] of Object.entries(family.defaultOnly ?? {})) {
    const sent = body[param];
    if (present(sent) && sent !== value)
      throw badRequest(
        `Unsupported value: '${param}' does not support ${JSON.stringify(sent)} with this model. Only the default (${value}) value is supported.`,
        param,
        "unsupported_value",
      );
  }
}

function checkImage(rules: NonNullable<ModelFamily["images"]>, body: Record<string, unknown>): void {
  for (const param of rules.refuses) if (present(first(body[param]))) throw unsupportedParameter(param);
  const raw = first(body.n);
  const n = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof n === "number" && n > rules.maxN)
    throw badRequest(
      `Invalid 'n': integer above maximum value. Expected a value <= ${rules.maxN}, but got ${n} instead.`,
      "n",
      "integer_above_max_value",
    );
  const size = first(body.size);
  if (typeof size === "string") oneOf("size", size, rules.sizes);
  const quality = first(body.quality);
  if (typeof quality === "string") oneOf("quality", quality, rules.qualities);
  const format = first(body.response_format);
  if (typeof format === "string" && !rules.responseFormats.includes(format)) {
    if (rules.responseFormats.length === 1)
      throw badRequest(
        `Unsupported value: 'response_format' does not support '${format}' with this model. Only '${rules.responseFormats[0]}' is supported.`,
        "response_format",
        "unsupported_value",
      );
    oneOf("response_format", format, rules.responseFormats);
  }
}

function oneOf(param: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value))
    throw badRequest(
      `Invalid value: '${value}'. Supported values are: ${allowed.map((v) => `'${v}'`).join(", ")}.`,
      param,
      "invalid_value",
    );
}

function unsupportedParameter(param: string, hint = ""): EmulatorHttpError {
  return badRequest(
    `Unsupported parameter: '${param}' is not supported with this model.${hint ? ` ${hint}` : ""}`,
    param,
    "unsupported_parameter",
  );
}

/** Multipart fields may repeat; their first value counts. */
function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}
