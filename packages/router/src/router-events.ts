/** What the router tells `onEvent`. Never carries a key, token or request content. */
export type RouterEvent =
  | { type: "chosen"; pool: string; target: string; probe: boolean }
  | { type: "throttled"; pool: string; target: string; cooldownMs: number }
  | { type: "tripped"; pool: string; target: string; reason: string; openMs: number }
  | { type: "recovered"; pool: string; target: string };
