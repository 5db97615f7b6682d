// The lock port: one holder at a time, taken with a short wait.

export interface LockPort {
  tryLock(timeoutMs: number): boolean;
  releaseLock(): void;
}
