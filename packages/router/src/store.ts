/** What the router knows about one target, shared among processes through a {@link RouterStore}. */
export interface TargetHealth {
  /** Throttled until this time (ms since the epoch); 0 when not. */
  cooldownUntil: number;
  /** Failures in a row (5xx, connection failures, timeouts). */
  failures: number;
  /** The breaker is open until this time; past it, half-open (one probe). 0 when closed. */
  openUntil: number;
  /** A half-open probe is in flight until this time; 0 when none. */
  probeUntil: number;
  /** The last `x-ratelimit-remaining-requests` reading, and when it was read. */
  remainingRequests?: number;
  /** The last `x-ratelimit-remaining-tokens` reading. */
  remainingTokens?: number;
  /** When the readings were taken (ms since the epoch). */
  remainingAt?: number;
}

/**
 * Where the router keeps each target's {@link TargetHealth}, keyed by a string that names the
 * target (endpoint and deployment, no secret). An in-memory store serves one process; a shared
 * one (Redis…) lets a fleet share what each process learns. Methods may return promises.
 */
export interface RouterStore {
  /** The target's health, or undefined when nothing is known of it. */
  get(key: string): TargetHealth | undefined | Promise<TargetHealth | undefined>;
  /** Records the target's health. */
  set(key: string, health: TargetHealth): void | Promise<void>;
}

/** The default store: this process's memory. */
export class MemoryStore implements RouterStore {
  readonly #map = new Map<string, TargetHealth>();

  /** {@inheritDoc RouterStore.get} */
  get(key: string): TargetHealth | undefined {
    return this.#map.get(key);
  }

  /** {@inheritDoc RouterStore.set} */
  set(key: string, health: TargetHealth): void {
    this.#map.set(key, health);
  }
}

export const HEALTHY: TargetHealth = Object.freeze({
  cooldownUntil: 0,
  failures: 0,
  openUntil: 0,
  probeUntil: 0,
});
