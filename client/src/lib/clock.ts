// The server owns time. Each view carries the server's clock; the offset to ours makes countdowns agree across devices.

/** Server clock minus client clock, from the freshest few samples. */
export class ClockOffset {
  #samples: number[] = [];
  readonly #keep: number;

  constructor(keep = 5) {
    this.#keep = keep;
  }

  /** A view stamped `serverNow` arrived at local time `clientNow`. */
  sample(serverNow: number, clientNow: number): number {
    if (!Number.isFinite(serverNow)) return this.offset;
    this.#samples = [...this.#samples, serverNow - clientNow].slice(-this.#keep);
    return this.offset;
  }

  /** Network delay only ever makes a sample too small, so the largest recent one is the closest. */
  get offset(): number {
    return this.#samples.length > 0 ? Math.max(...this.#samples) : 0;
  }
}
