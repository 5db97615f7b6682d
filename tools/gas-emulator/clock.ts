// The emulator's virtual clock: every execution, trigger and quota window reads time from here, never from the host.

export interface Clock {
  now(): number;
  advance(ms: number): void;
  set(ms: number): void;
}

/** Keeps fractional milliseconds internally (cell costs are fractions of a millisecond) and reports whole ones. */
export class VirtualClock implements Clock {
  private current: number;

  constructor(start: number) {
    if (!Number.isFinite(start)) throw new Error(`VirtualClock: invalid start time ${start}`);
    this.current = start;
  }

  now(): number {
    return Math.floor(this.current);
  }

  /** The exact (fractional) time, for the execution meter. */
  exact(): number {
    return this.current;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`VirtualClock: cannot advance by ${ms} ms`);
    this.current += ms;
  }

  /** Moves to `ms`, backwards too: tests may rewind, executions only ever move forward through advance/forwardTo. */
  set(ms: number): void {
    if (!Number.isFinite(ms)) throw new Error(`VirtualClock: invalid time ${ms}`);
    this.current = ms;
  }

  /** Moves forward to `ms` if it is later than now; never rewinds. */
  forwardTo(ms: number): void {
    if (ms > this.current) this.current = ms;
  }
}
