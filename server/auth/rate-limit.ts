/**
 * Failed sign-ins counted per key (the client's address, and address + login) in a sliding window:
 * past `max` failures the key waits until the oldest failure leaves the window. In memory: a
 * restart forgets, which only ever favours the user.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds until `key` may try again; 0 when it may now. */
  retryAfter(key: string, now: number): number {
    const recent = this.recent(key, now);
    return recent.length < this.max ? 0 : Math.ceil((recent[0]! + this.windowMs - now) / 1000);
  }

  /** Records a failure (or reserves an attempt) for `key`; returns how many are now in the window. */
  fail(key: string, now: number): number {
    if (this.failures.size > 10_000) for (const k of this.failures.keys()) if (this.recent(k, now).length === 0) this.failures.delete(k);
    const list = [...this.recent(key, now), now];
    this.failures.set(key, list);
    return list.length;
  }

  /** True when `count` failures (as `fail` returned it) are the ones that close the key. */
  closes(count: number): boolean {
    return count === this.max;
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  /** Takes back one attempt recorded at `at` (a reservation that turned out to be a success). */
  release(key: string, at: number): void {
    const list = this.failures.get(key);
    const i = list ? list.lastIndexOf(at) : -1;
    if (list && i >= 0) list.splice(i, 1);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }
}
