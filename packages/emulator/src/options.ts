/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** Accepted `api-key` header values. @default ["emulator-key"] */
  apiKeys?: string[];
  /**
   * Accepted `Authorization: Bearer` tokens; `"any"` accepts every non-empty token (a stand-in
   * for Entra ID tokens, which the emulator cannot verify). Pass `[]` to refuse bearer auth.
   * @default "any"
   */
  bearerTokens?: string[] | "any";
  /** Value of the `x-ms-region` header. @default "Local" */
  region?: string;
  /**
   * The deployments the emulator has, each with its model: `{ "chat": "gpt-4o-2024-11-20" }`. The
   * model (its name may carry a version) picks the rules a request must follow (models.ts) and is
   * the `model` responses report. Any other deployment gets Azure's 404 `DeploymentNotFound`.
   * Spread {@link DEFAULT_DEPLOYMENTS} to add to the defaults; `"any"` takes every name as a
   * deployment of the model of the same name.
   * @default DEFAULT_DEPLOYMENTS
   */
  deployments?: Readonly<Record<string, string>> | "any";
  /** Largest JSON body accepted; larger ones get 413. @default 8388608 (8 MiB) */
  maxJsonBodyBytes?: number;
  /** Largest multipart (audio upload) body accepted; larger ones get 413. @default 26214400 (25 MiB) */
  maxMultipartBodyBytes?: number;
  /** Largest file `files` uploads accept; a larger file gets 400. @default 209715200 (200 MiB) */
  maxFileBytes?: number;
  /** Bytes of files kept in memory; past it the oldest files are forgotten. @default 1073741824 (1 GiB) */
  fileStoreBytes?: number;
  /**
   * How fast files, batches and fine-tuning jobs move through their statuses: 1 runs the built-in
   * durations (a second or so per phase), 0.01 a hundred times faster, 0 ends each phase as soon
   * as it is looked at. The `x-aoai-emulator-time-scale` header sets it per created resource.
   * @default 1
   */
  timeScale?: number;
  /** How many recent requests `emulator.requests` keeps. @default 100 */
  requestLogSize?: number;
  /** Per-minute limits behind the `x-ratelimit-*` headers (never enforced). @default { requests: 1000, tokens: 1000000 } */
  rateLimits?: { requests: number; tokens: number };
  /**
   * Enforced quotas per deployment name: `{ ptu: { requestsPerMinute: 60, tokensPerMinute: 10000 } }`.
   * A request past one gets Azure's 429 with `retry-after-ms`, `retry-after` and `x-ratelimit-*`
   * headers; a deployment without a quota is never throttled. @default {}
   */
  quotas?: Readonly<Record<string, DeploymentQuota>>;
  /** The quota window in ms: a minute as on Azure; tests shorten it. @default 60000 */
  quotaWindowMs?: number;
}

/** {@link EmulatorOptions} with every default applied. */
export type ResolvedOptions = Required<EmulatorOptions>;

/** The api key accepted when none is configured. */
export const DEFAULT_API_KEY = "emulator-key";

import { DEFAULT_DEPLOYMENTS } from "./models.js";
import type { DeploymentQuota } from "./quotas.js";

export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  return {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    apiKeys: options.apiKeys ?? [DEFAULT_API_KEY],
    bearerTokens: options.bearerTokens ?? "any",
    region: options.region ?? "Local",
    deployments: options.deployments ?? DEFAULT_DEPLOYMENTS,
    maxJsonBodyBytes: options.maxJsonBodyBytes ?? 8 * 1024 * 1024,
    maxMultipartBodyBytes: options.maxMultipartBodyBytes ?? 25 * 1024 * 1024,
    maxFileBytes: options.maxFileBytes ?? 200 * 1024 * 1024,
    fileStoreBytes: options.fileStoreBytes ?? 1024 * 1024 * 1024,
    timeScale: options.timeScale ?? 1,
    requestLogSize: options.requestLogSize ?? 100,
    rateLimits: options.rateLimits ?? { requests: 1000, tokens: 1_000_000 },
    quotas: options.quotas ?? {},
    quotaWindowMs: options.quotaWindowMs ?? 60_000,
  };
}
