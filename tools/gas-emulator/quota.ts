// Per-user daily quotas (UrlFetch calls, trigger runtime, email recipients, property operations).
// Google resets a user's quota 24 hours after the first use in a window, so each user has a rolling window.

const DAY_MS = 24 * 60 * 60 * 1000;

interface Window {
  startedAt: number;
  used: number;
}

export class DailyQuota {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number) {}

  /** What `user` used of `kind` in the current window (0 once the window expired). */
  used(user: string, kind: string): number {
    const window = this.windows.get(`${kind}\u0000${user}`);
    if (!window || this.now() >= window.startedAt + DAY_MS) return 0;
    return window.used;
  }

  /** Adds `amount` if it fits under `limit`; returns false (and adds nothing) when it would not. */
  tryUse(user: string, kind: string, amount: number, limit: number): boolean {
    const current = this.used(user, kind);
    if (current + amount > limit) return false;
    this.add(user, kind, amount);
    return true;
  }

  /** Adds unconditionally (runtime is known only after the execution). */
  add(user: string, kind: string, amount: number): void {
    const key = `${kind}\u0000${user}`;
    const window = this.windows.get(key);
    if (!window || this.now() >= window.startedAt + DAY_MS) {
      this.windows.set(key, { startedAt: this.now(), used: amount });
    } else {
      window.used += amount;
    }
  }
}
