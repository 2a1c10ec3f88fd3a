import { checkNumber, invalid } from "../checks.js";
import type { RequestOptions } from "../client-options.js";
import { APIUserAbortError } from "../errors/connection-errors.js";
import { WaitTimeoutError } from "../errors/wait-timeout-error.js";
import { delay } from "./delay.js";

/** How a wait polls: the calls' own options (`signal`, `maxRetries`…) apply to every poll. */
export interface WaitOptions extends RequestOptions {
  /**
   * The longest the whole wait may take, in ms; past it the wait throws `WaitTimeoutError` (the
   * resource goes on). Distinct from `timeout`, which bounds each poll request. Every duration
   * option is in ms and named without a unit, as the client's (`timeout`, `maxRetryAfter`).
   */
  waitTimeout?: number;
  /** @deprecated Renamed `waitTimeout`; this name is read until the next minor release. */
  timeoutMs?: number;
  /** The first pause between polls, in ms; each pause is 1.5 times the one before. */
  pollInterval?: number;
  /** The longest pause between polls, in ms. */
  maxPollInterval?: number;
}

/** A wait's defaults, per resource. */
export interface PollDefaults {
  /** What is waited for, for messages: `File file-1`. */
  what: string;
  timeoutMs: number;
  pollInterval: number;
  maxPollInterval: number;
}

// setTimeout takes at most 2^31 - 1 ms; longer deadlines are re-armed.
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Polls with `get` until `done`, pausing with backoff between polls, and returns the last value.
 * The caller's `signal` stops it with `APIUserAbortError`, `waitTimeout` with `WaitTimeoutError`;
 * either also aborts a poll in flight. `onPoll` sees every value (a throw from it ends the wait).
 */
export async function pollUntil<T>(
  get: (options: RequestOptions) => Promise<T>,
  done: (value: T) => boolean,
  options: WaitOptions,
  defaults: PollDefaults,
  onPoll?: (value: T) => void,
): Promise<T> {
  const {
    waitTimeout,
    timeoutMs: deprecatedTimeout,
    pollInterval = defaults.pollInterval,
    maxPollInterval,
    ...request
  } = options;
  const timeoutMs = waitTimeout ?? deprecatedTimeout ?? defaults.timeoutMs;
  const maxInterval = maxPollInterval ?? Math.max(defaults.maxPollInterval, pollInterval);
  checkNumber(
    timeoutMs,
    waitTimeout === undefined && deprecatedTimeout !== undefined ? "timeoutMs" : "waitTimeout",
    Number.MIN_VALUE,
    Number.POSITIVE_INFINITY,
  );
  checkNumber(pollInterval, "pollInterval", Number.MIN_VALUE, MAX_TIMER_MS);
  checkNumber(maxInterval, "maxPollInterval", Number.MIN_VALUE, MAX_TIMER_MS);
  if (maxInterval < pollInterval)
    invalid("maxPollInterval", `must be at least pollInterval (${pollInterval}).`);
  const user = options.signal;
  if (user?.aborted) throw new APIUserAbortError();

  const deadline = new AbortController();
  const end = Date.now() + timeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    const left = end - Date.now();
    timer = left > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(() => deadline.abort(), left);
  };
  if (Number.isFinite(timeoutMs)) arm();
  const signal = user ? AbortSignal.any([user, deadline.signal]) : deadline.signal;
  let last: T | undefined;
  const stopped = (cause?: unknown) =>
    user?.aborted
      ? new APIUserAbortError()
      : new WaitTimeoutError<T>(defaults.what, timeoutMs, last, { cause });
  try {
    for (let interval = pollInterval; ; interval = Math.min(interval * 1.5, maxInterval)) {
      try {
        last = await get({ ...request, signal });
      } catch (error) {
        if (signal.aborted) throw stopped(error);
        throw error;
      }
      onPoll?.(last);
      if (done(last)) return last;
      if (!(await delay(interval, signal))) throw stopped();
    }
  } finally {
    clearTimeout(timer);
  }
}

/** How a resource is waited for: {@link PollDefaults}, when it has ended, and which end is a failure. */
export interface WaitPlan<T> extends PollDefaults {
  /** The statuses that end the wait. */
  ended: ReadonlySet<string>;
  /** The error to throw for an end that is a failure (`failed`), else `undefined`. */
  failure?: (value: T) => Error | undefined;
  /** Sees every value polled. */
  onPoll?: ((value: T) => void) | undefined;
}

/**
 * Polls a resource with `get` until its `status` is one of `plan.ended` and returns it, or throws
 * the plan's `failure` for it: every `waitFor…` of a resource client is one call of this.
 */
export async function waitFor<T extends { status: string }>(
  get: (options: RequestOptions) => Promise<T>,
  options: WaitOptions,
  plan: WaitPlan<T>,
): Promise<T> {
  const value = await pollUntil(get, (v) => plan.ended.has(v.status), options, plan, plan.onPoll);
  const failure = plan.failure?.(value);
  if (failure) throw failure;
  return value;
}
