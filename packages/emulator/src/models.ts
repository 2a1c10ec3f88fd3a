/**
 * The one table of what each model serves and refuses, as Azure OpenAI has them. A deployment
 * names a model (`gpt-4o`, or with its version, `gpt-4o-2024-11-20`); the first family whose
 * `match` fits the model name gives its rules. Sources: the Azure OpenAI model and how-to docs
 * (reasoning models, image generation, embeddings, text to speech) and error bodies Azure sent,
 * quoted in other SDKs' issue trackers; packages/emulator/README.md lists what each rule rests on.
 */

/** Image generation and editing limits of one model. */
interface ImageRules {
  /** Allowed `n` (inclusive). */
  maxN: number;
  sizes: readonly string[];
  qualities: readonly string[];
  /** `response_format` values; empty when the model answers base64 only. */
  responseFormats: readonly string[];
  /** Body fields the model does not take. */
  refuses: readonly string[];
  /** The `quality` used when the request has none. */
  defaultQuality: string;
}

/** A model family and its rules. */
export interface ModelFamily {
  /** Fits the model names of the family. */
  match: RegExp;
  /** Operations a deployment of the model serves. */
  operations: readonly string[];
  /**
   * Body parameters the model refuses outright ("Unsupported parameter"), with the hint Azure
   * appends, if any.
   */
  unsupported?: Readonly<Record<string, string>>;
  /** Parameters the model takes only at their default value ("Unsupported value"). */
  defaultOnly?: Readonly<Record<string, number>>;
  /** Embedding models: native dimensions and whether `dimensions` may shorten them. */
  embeddings?: { dimensions: number; shortens: boolean };
  images?: ImageRules;
  /** Speech: the voices it has, and whether it takes `instructions`. */
  speech?: { voices: readonly string[]; instructions: boolean };
  /** Transcription: the `response_format` values it has, and whether it streams. */
  transcription?: { formats: readonly string[]; stream: boolean; logprobs: boolean };
}

const CHAT = ["chat/completions", "responses"];
const TTS_VOICES = ["alloy", "echo", "fable", "onyx", "nova", "shimmer"];

/**
 * Reasoning models (o-series, gpt-5 except gpt-5-chat): Azure's reasoning-model docs list
 * `max_tokens`, `logprobs`, `top_logprobs` and `logit_bias` as not supported, and sampling
 * parameters only at their defaults.
 */
const REASONING: Pick<ModelFamily, "unsupported" | "defaultOnly"> = {
  unsupported: {
    max_tokens: "Use 'max_completion_tokens' instead.",
    logprobs: "",
    top_logprobs: "",
    logit_bias: "",
  },
  defaultOnly: { temperature: 1, top_p: 1, presence_penalty: 0, frequency_penalty: 0 },
};

/** Families, most specific first. */
const MODEL_FAMILIES: readonly ModelFamily[] = [
  { match: /^gpt-5(\.\d+)?-chat/, operations: CHAT },
  {
    match: /^(o\d(-mini|-pro)?|gpt-5(\.\d+)?(-mini|-nano|-pro|-codex)?)(-\d{4}-\d{2}-\d{2})?$/,
    operations: CHAT,
    ...REASONING,
  },
  { match: /^(gpt-realtime|gpt-4o(-mini)?-realtime)/, operations: [] },
  {
    match: /^gpt-4o(-mini)?-tts/,
    operations: ["audio/speech"],
    speech: {
      voices: [...TTS_VOICES, "ash", "ballad", "coral", "sage", "verse", "marin", "cedar"],
      instructions: true,
    },
  },
  {
    match: /^tts(-hd)?(-\d+)?$/,
    operations: ["audio/speech"],
    speech: { voices: TTS_VOICES, instructions: false },
  },
  {
    match: /^gpt-4o(-mini)?-transcribe/,
    operations: ["audio/transcriptions"],
    transcription: { formats: ["json", "text"], stream: true, logprobs: true },
  },
  {
    match: /^whisper/,
    operations: ["audio/transcriptions", "audio/translations"],
    transcription: {
      formats: ["json", "text", "srt", "vtt", "verbose_json"],
      stream: false,
      logprobs: false,
    },
  },
  {
    match: /^text-embedding-ada-002/,
    operations: ["embeddings"],
    embeddings: { dimensions: 1536, shortens: false },
  },
  {
    match: /^text-embedding-3-small/,
    operations: ["embeddings"],
    embeddings: { dimensions: 1536, shortens: true },
  },
  {
    match: /^text-embedding-3-large/,
    operations: ["embeddings"],
    embeddings: { dimensions: 3072, shortens: true },
  },
  {
    match: /^dall-e-3/,
    operations: ["images/generations"],
    images: {
      maxN: 1,
      sizes: ["1024x1024", "1792x1024", "1024x1792"],
      qualities: ["standard", "hd"],
      responseFormats: ["url", "b64_json"],
      refuses: ["output_format", "output_compression", "background", "moderation", "partial_images"],
      defaultQuality: "standard",
    },
  },
  {
    match: /^gpt-image-1/,
    operations: ["images/generations", "images/edits"],
    images: {
      maxN: 10,
      sizes: ["auto", "1024x1024", "1536x1024", "1024x1536"],
      qualities: ["low", "medium", "high", "auto"],
      responseFormats: ["b64_json"],
      refuses: ["style"],
      defaultQuality: "auto",
    },
  },
  { match: /^(gpt-35-turbo-instruct|davinci-002|babbage-002)/, operations: ["completions"] },
  { match: /^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-4|gpt-35-turbo|gpt-oss)/, operations: CHAT },
];

/** Rules of a model, or undefined for a model the table does not know (then nothing is checked). */
export function familyOf(model: string): ModelFamily | undefined {
  return MODEL_FAMILIES.find((f) => f.match.test(model));
}

/**
 * Deployments an emulator has unless told otherwise: deployment name -> model. They cover the
 * names the SDK's tests, examples, benchmarks and reliability suite use, and one deployment of
 * each model family.
 */
export const DEFAULT_DEPLOYMENTS: Readonly<Record<string, string>> = {
  "gpt-4o": "gpt-4o",
  "gpt-4o-mini": "gpt-4o-mini",
  "gpt-4o-mini-2024-07-18": "gpt-4o-mini-2024-07-18",
  "gpt-4o-batch": "gpt-4o",
  "my-gpt-4o-deployment": "gpt-4o",
  "gpt-4": "gpt-4",
  "gpt-35-turbo": "gpt-35-turbo",
  "gpt-4.1": "gpt-4.1",
  "gpt-4.1-mini": "gpt-4.1-mini",
  "gpt-4.1-nano": "gpt-4.1-nano",
  o1: "o1",
  "o1-mini": "o1-mini",
  o3: "o3",
  "o3-mini": "o3-mini",
  "o4-mini": "o4-mini",
  "gpt-5": "gpt-5",
  "gpt-5-mini": "gpt-5-mini",
  "gpt-5-nano": "gpt-5-nano",
  "gpt-5-chat": "gpt-5-chat",
  "gpt-realtime": "gpt-realtime",
  "gpt-realtime-mini": "gpt-realtime-mini",
  "gpt-4o-realtime-preview": "gpt-4o-realtime-preview",
  "gpt-4o-mini-realtime-preview": "gpt-4o-mini-realtime-preview",
  "gpt-35-turbo-instruct": "gpt-35-turbo-instruct",
  "text-embedding-ada-002": "text-embedding-ada-002",
  "text-embedding-3-small": "text-embedding-3-small",
  "text-embedding-3-large": "text-embedding-3-large",
  "text-embedding-3-small-batch": "text-embedding-3-small",
  "emb-batch": "text-embedding-3-small",
  "dall-e-3": "dall-e-3",
  "gpt-image-1": "gpt-image-1",
  tts: "tts",
  "tts-hd": "tts-hd",
  "gpt-4o-mini-tts": "gpt-4o-mini-tts",
  whisper: "whisper",
  "gpt-4o-transcribe": "gpt-4o-transcribe",
  "gpt-4o-mini-transcribe": "gpt-4o-mini-transcribe",
};

/** The model of `deployment`, or undefined when the emulator has no such deployment. */
export function modelOf(
  deployments: Readonly<Record<string, string>> | "any",
  deployment: string,
): string | undefined {
  if (deployments === "any") return deployment;
  return Object.hasOwn(deployments, deployment) ? deployments[deployment] : undefined;
}
