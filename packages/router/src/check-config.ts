import { RouterConfigError } from "./router-config-error.js";
import type { RouterTarget } from "./router-options.js";

const NAME = /^[\w.:/-]+$/;

/**
 * Refuses a pool configuration that cannot work, naming the offending field: an empty pool, a
 * target without endpoint or deployment, a duplicate (same endpoint and deployment, or same
 * name), a bad priority or weight, or a weight of 0 where nothing else could take the calls.
 */
export function checkPools(pools: Readonly<Record<string, readonly RouterTarget[]>> | undefined): void {
  if (pools === null || typeof pools !== "object")
    throw new RouterConfigError("pools must map logical deployment names to targets.", "pools");
  const names = Object.keys(pools);
  if (names.length === 0) throw new RouterConfigError("pools has no logical deployment.", "pools");
  for (const logical of names) {
    const targets = pools[logical];
    const at = `pools[${JSON.stringify(logical)}]`;
    if (!Array.isArray(targets) || targets.length === 0)
      throw new RouterConfigError(`${at} has no target.`, at);
    const seen = new Set<string>();
    const seenNames = new Set<string>();
    targets.forEach((t: RouterTarget, i) => {
      const here = `${at}[${i}]`;
      if (typeof t?.endpoint !== "string" || t.endpoint === "")
        throw new RouterConfigError(`${here}.endpoint is missing.`, `${here}.endpoint`);
      if (typeof t.deployment !== "string" || t.deployment === "")
        throw new RouterConfigError(`${here}.deployment is missing.`, `${here}.deployment`);
      const key = `${t.endpoint.replace(/\/+$/, "").toLowerCase()} ${t.deployment}`;
      if (seen.has(key))
        throw new RouterConfigError(
          `${here} repeats deployment ${JSON.stringify(t.deployment)} of ${t.endpoint}.`,
          here,
        );
      seen.add(key);
      if (t.name !== undefined) {
        if (!NAME.test(t.name))
          throw new RouterConfigError(
            `${here}.name may have letters, digits and .:/_- only.`,
            `${here}.name`,
          );
        if (seenNames.has(t.name))
          throw new RouterConfigError(`${here}.name ${JSON.stringify(t.name)} is taken.`, `${here}.name`);
        seenNames.add(t.name);
      }
      if (t.priority !== undefined && !(Number.isInteger(t.priority) && t.priority >= 0))
        throw new RouterConfigError(`${here}.priority must be a whole number >= 0.`, `${here}.priority`);
      if (t.weight !== undefined && !(Number.isFinite(t.weight) && t.weight >= 0))
        throw new RouterConfigError(`${here}.weight must be a number >= 0.`, `${here}.weight`);
    });
    const groups = new Map<number, number[]>();
    for (const t of targets) {
      const p = t.priority ?? 1;
      groups.set(p, [...(groups.get(p) ?? []), t.weight ?? 1]);
    }
    for (const [priority, weights] of groups)
      if (weights.every((w) => w === 0))
        throw new RouterConfigError(
          `${at} priority ${priority}: every target has weight 0, so none would take calls.`,
          `${at}.weight`,
        );
  }
}
