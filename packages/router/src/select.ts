import { availableAt, type HealthRules, isAvailable } from "./health.js";
import type { TargetHealth } from "./store.js";

/** What selection needs of a target. */
export interface Candidate {
  readonly priority: number;
  readonly weight: number;
}

/**
 * Picks the index of the target to try: the first priority group (lowest number) with a target
 * that may take a call, weighted within it; targets of weight 0 only when no weighted one may.
 * When none may, the one expected back soonest (its service then answers for itself). `excluded`
 * targets (already tried by this call) are never picked; undefined when all are.
 */
export function selectTarget(
  targets: readonly Candidate[],
  health: readonly TargetHealth[],
  excluded: ReadonlySet<number>,
  now: number,
  tokens: number,
  rules: HealthRules,
  random: () => number,
): number | undefined {
  let group: number[] = [];
  let groupPriority = Number.POSITIVE_INFINITY;
  for (let i = 0; i < targets.length; i++) {
    if (excluded.has(i) || !isAvailable(health[i]!, now, tokens, rules)) continue;
    const p = targets[i]!.priority;
    if (p < groupPriority) {
      groupPriority = p;
      group = [i];
    } else if (p === groupPriority) group.push(i);
  }
  if (group.length > 0) {
    const weighted = group.filter((i) => targets[i]!.weight > 0);
    const pool = weighted.length > 0 ? weighted : group;
    const total = pool.reduce((sum, i) => sum + Math.max(targets[i]!.weight, 0), 0);
    if (total === 0) return pool[0];
    let r = random() * total;
    for (const i of pool) {
      r -= targets[i]!.weight;
      if (r < 0) return i;
    }
    return pool[pool.length - 1];
  }
  let best: number | undefined;
  for (let i = 0; i < targets.length; i++) {
    if (excluded.has(i)) continue;
    if (best === undefined || availableAt(health[i]!) < availableAt(health[best]!)) best = i;
  }
  return best;
}
