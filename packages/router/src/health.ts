import type { TargetHealth } from "./store.js";

/** Breaker settings with defaults applied. */
export interface HealthRules {
  failures: number;
  openMs: number;
  budgetMemoryMs: number;
}

/** What a change of health means for events: the breaker opened, or closed again. */
export type Transition = "tripped" | "recovered" | undefined;

/** A closed breaker passes calls; an open one none; a half-open one a single probe. */
export function breakerState(h: TargetHealth, now: number): "closed" | "open" | "half-open" {
  if (h.openUntil === 0) return "closed";
  return h.openUntil > now ? "open" : "half-open";
}

/**
 * True when the target may take a call now: not cooling down after a 429, its breaker not open
 * (half-open with no probe in flight is fine), and its last rate-limit reading leaves room.
 */
export function isAvailable(h: TargetHealth, now: number, tokens: number, rules: HealthRules): boolean {
  if (h.cooldownUntil > now) return false;
  const breaker = breakerState(h, now);
  if (breaker === "open" || (breaker === "half-open" && h.probeUntil > now)) return false;
  if (h.remainingAt !== undefined && now - h.remainingAt < rules.budgetMemoryMs) {
    if (h.remainingRequests !== undefined && h.remainingRequests <= 0) return false;
    if (h.remainingTokens !== undefined && h.remainingTokens < tokens) return false;
  }
  return true;
}

/** When the target is expected to take calls again (for choosing among targets that all cannot). */
export function availableAt(h: TargetHealth): number {
  return Math.max(h.cooldownUntil, h.openUntil, h.probeUntil);
}

/** Marks a half-open target's probe as in flight (for at most `leaseMs`). */
export function onChosen(h: TargetHealth, now: number, leaseMs: number): TargetHealth {
  return breakerState(h, now) === "half-open" ? { ...h, probeUntil: now + leaseMs } : h;
}

/** A 429: the target cools down for the wait the service asked for. */
export function onThrottled(h: TargetHealth, now: number, waitMs: number): TargetHealth {
  return { ...h, cooldownUntil: Math.max(h.cooldownUntil, now + waitMs), remainingAt: undefined };
}

/** A 5xx, a connection failure or a timeout: counts toward opening the breaker; a failed probe reopens it. */
export function onFailure(h: TargetHealth, now: number, rules: HealthRules): [TargetHealth, Transition] {
  const failures = h.failures + 1;
  const state = breakerState(h, now);
  if (state === "half-open" || (state === "closed" && failures >= rules.failures))
    return [{ ...h, failures, openUntil: now + rules.openMs, probeUntil: 0 }, "tripped"];
  return [{ ...h, failures }, undefined];
}

/** An answer that is not a failure (2xx, 4xx but 429): closes the breaker. */
export function onSuccess(h: TargetHealth): [TargetHealth, Transition] {
  const transition = h.openUntil !== 0 ? "recovered" : undefined;
  if (transition === undefined && h.failures === 0) return [h, undefined];
  return [{ ...h, failures: 0, openUntil: 0, probeUntil: 0 }, transition];
}

/** Records the `x-ratelimit-remaining-*` readings of a response, when it has them. */
export function onBudget(
  h: TargetHealth,
  headers: { get(name: string): string | undefined },
  now: number,
): TargetHealth {
  const requests = readCount(headers.get("x-ratelimit-remaining-requests"));
  const tokens = readCount(headers.get("x-ratelimit-remaining-tokens"));
  if (requests === undefined && tokens === undefined) return h;
  return { ...h, remainingRequests: requests, remainingTokens: tokens, remainingAt: now };
}

function readCount(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
