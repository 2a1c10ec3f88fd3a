import type { RouterStore, TargetHealth } from "./store.js";

/**
 * The two Redis commands the store sends, as an `ioredis` client (or any client shaped like it)
 * has them. The router does not depend on a Redis client: the app brings its own.
 */
export interface RedisCommands {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, mode: "PX", ms: number): Promise<unknown>;
}

/** Options of {@link RedisStore}. */
export interface RedisStoreOptions {
  /** Prefix of every key. @default "aoai-router:" */
  prefix?: string;
  /** How long a target's health is kept after its last change, in ms. @default 600000 */
  ttlMs?: number;
  /**
   * How long one command may take before the router goes on with its own memory, in ms: a Redis
   * that does not answer must not hold calls back. @default 250
   */
  commandTimeoutMs?: number;
}

/**
 * A {@link RouterStore} in Redis, so the processes of a fleet share cooldowns, breaker states and
 * rate-limit readings: `new RedisStore(new Redis(url))` with `ioredis`. When Redis fails or is
 * slow, the router logs it and routes on this process's own state until Redis answers again.
 */
export class RedisStore implements RouterStore {
  readonly #redis: RedisCommands;
  readonly #prefix: string;
  readonly #ttlMs: number;
  readonly #timeoutMs: number;

  constructor(redis: RedisCommands, options: RedisStoreOptions = {}) {
    this.#redis = redis;
    this.#prefix = options.prefix ?? "aoai-router:";
    this.#ttlMs = options.ttlMs ?? 600_000;
    this.#timeoutMs = options.commandTimeoutMs ?? 250;
  }

  /** {@inheritDoc RouterStore.get} */
  async get(key: string): Promise<TargetHealth | undefined> {
    const raw = await this.#within(this.#redis.get(this.#prefix + key));
    return raw ? (JSON.parse(raw) as TargetHealth) : undefined;
  }

  /** {@inheritDoc RouterStore.set} */
  async set(key: string, health: TargetHealth): Promise<void> {
    await this.#within(this.#redis.set(this.#prefix + key, JSON.stringify(health), "PX", this.#ttlMs));
  }

  #within<T>(command: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis did not answer within ${this.#timeoutMs} ms`)),
        this.#timeoutMs,
      );
    });
    command.catch(() => {});
    return Promise.race([command, late]).finally(() => clearTimeout(timer));
  }
}
