/**
 * Browsers: {@link IdleWatch} with a timer per read. Node's (idle-watch.ts) keeps one timer per
 * idle period for speed; here the bytes count more than a timer per chunk.
 */
export class IdleWatch {
  readonly ms: number;
  /** True once the wait ran out and `onIdle` was called. */
  fired = false;
  readonly #onIdle: () => void;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(ms: number, onIdle: () => void) {
    this.ms = ms;
    this.#onIdle = onIdle;
  }

  /** A read starts waiting for data. */
  start(): void {
    if (this.ms > 0 && this.ms < Infinity)
      this.#timer = setTimeout(() => {
        this.fired = true;
        this.#onIdle();
      }, this.ms);
  }

  /** The read got its data (or ended). */
  stop(): void {
    clearTimeout(this.#timer);
  }

  /** The stream is over: no timer is left behind. */
  dispose(): void {
    clearTimeout(this.#timer);
  }
}
