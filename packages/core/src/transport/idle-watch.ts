/**
 * Ends a wait for data that lasts longer than `ms`: a stream that stalls (the peer keeps the
 * socket open and sends nothing) would otherwise wait forever. Reads mark when they start and
 * stop; one timer runs per idle period rather than one per chunk (a timer per read costs about as
 * much as decoding an event), and time the caller spends between reads never counts.
 */
export class IdleWatch {
  readonly ms: number;
  /** True once the wait ran out and `onIdle` was called. */
  fired = false;
  readonly #onIdle: () => void;
  #since = 0;
  #waiting = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(ms: number, onIdle: () => void) {
    this.ms = ms;
    this.#onIdle = onIdle;
  }

  /** A read starts waiting for data. */
  start(): void {
    if (!(this.ms > 0 && this.ms < Infinity)) return;
    this.#since = Date.now();
    this.#waiting = true;
    if (!this.#timer) this.#arm(this.ms);
  }

  /** The read got its data (or ended). */
  stop(): void {
    this.#waiting = false;
  }

  dispose(): void {
    this.#waiting = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(delay: number): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!this.#waiting) return;
      const left = this.#since + this.ms - Date.now();
      if (left > 0) return this.#arm(left);
      this.fired = true;
      this.#onIdle();
    }, delay);
    // The stream's socket keeps a process alive while it matters; this timer alone must not.
    (this.#timer as { unref?: () => void }).unref?.();
  }
}
