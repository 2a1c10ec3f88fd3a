/** Small statistics helpers; all take unsorted input and never mutate it. */

export function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Nearest-rank percentile, `p` in 0..100. NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = sorted(values);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Rounds to `digits` significant-ish decimals for display and JSON. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Element-wise median over repetitions of the same record shape. */
export function medianRecord<K extends string>(runs: readonly Record<K, number>[]): Record<K, number> {
  const out = {} as Record<K, number>;
  if (runs.length === 0) return out;
  for (const key of Object.keys(runs[0]!) as K[]) out[key] = median(runs.map((r) => r[key]));
  return out;
}
