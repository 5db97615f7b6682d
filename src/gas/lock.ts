// One import at a time per document: the document lock, always released, and BUSY when another run holds it.
import { AppError } from '../errors';

export interface LockPort {
  tryLock(timeoutMs: number): boolean;
  releaseLock(): void;
}

/** Short: a second request is told at once rather than queued behind a run that may take minutes. */
export const LOCK_WAIT_MS = 1_000;

export const BUSY_MESSAGE =
  'An import is already running in this spreadsheet. Wait for it to finish (its progress shows in the sidebar), then try again.';

/** Runs `work` holding `lock`; throws BUSY without running it when the lock is taken. */
export function withLock<T>(lock: LockPort, work: () => T, waitMs: number = LOCK_WAIT_MS): T {
  if (!lock.tryLock(waitMs)) throw new AppError('BUSY', BUSY_MESSAGE);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

function documentLock(): LockPort {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new AppError('INTERNAL', 'The document lock is unavailable outside a spreadsheet.');
  return lock;
}

/** Runs `work` under this document's lock (shared by every editor and trigger of the document). */
export function withDocumentLock<T>(work: () => T, waitMs: number = LOCK_WAIT_MS): T {
  return withLock(documentLock(), work, waitMs);
}
