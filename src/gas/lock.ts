// One import at a time per document: a lease in the document's state sheet (works with no document context),
// claimed and released inside a milliseconds-long script lock; BUSY when another live run holds it.
import { AppError, sentenceFor } from '../errors';
import type { LockPort } from '../ports/lock';
import { LEASE_KEY, readJson, writeJson } from '../ports/store';
import { EXECUTION_LIMIT_MS, executionBudget } from './clock';
import { currentDocument, type SheetStore, stateStore, withScriptLock } from './state-sheet';

/** Short: a second request is told at once rather than queued behind a run that may take minutes. */
export const LOCK_WAIT_MS = 1_000;

/** What a BUSY refusal reads, for callers that compare against it. */
export const BUSY_MESSAGE = sentenceFor('BUSY', {});

/**
 * A lease is claimed inside one execution and released at its end (a continuing run claims it again in its next
 * execution), so it never spans executions and needs no renewal. It expires when its execution must be over:
 * Apps Script kills every execution at 6 minutes from its start, and the bundle's clock starts after Google's, so
 * bundle start + 6 minutes is at or after the kill. A lease past that belongs to a killed execution: taken over.
 */
function leaseExpiry(): number {
  return executionBudget().startedAt + EXECUTION_LIMIT_MS;
}

export interface Lease {
  holder: string;
  user: string;
  expiresAt: number;
}

/** Runs `work` holding `lock`; throws BUSY without running it when the lock is taken. */
export function withLock<T>(lock: LockPort, work: () => T, waitMs: number = LOCK_WAIT_MS): T {
  if (!lock.tryLock(waitMs)) throw new AppError('BUSY', {});
  try {
    return work();
  } finally {
    releaseQuietly(lock);
  }
}

/**
 * A release that fails (the script lock busy past its wait) must not replace the work's result or error: a finished
 * import would read as BUSY and a scheduled slot would run again. The lease expires with its execution anyway.
 */
function releaseQuietly(lock: LockPort): void {
  try {
    lock.releaseLock();
  } catch {
    // Left to expire at the execution's end (6 minutes from its start at most).
  }
}

function newHolder(): string {
  return `${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`;
}

function liveLease(store: SheetStore, now: number): Lease | null {
  const lease = readJson<Lease>(store, LEASE_KEY);
  return lease?.holder && lease.expiresAt > now ? lease : null;
}

/**
 * Claims the lease in one script-lock hold, on a fresh read: 'busy' when another live run holds it, 'refused' when
 * `admit` (asked in the same hold, after that read) says no, then no lease is written. What `admit` writes (a
 * scheduled slot's claim) lands with the lease, so no execution ever sees the lease taken and the claim not made.
 */
function claimLease(
  store: SheetStore,
  holder: string,
  user: string,
  admit: () => boolean,
): 'taken' | 'busy' | 'refused' {
  return withScriptLock(() => {
    store.refresh();
    const current = liveLease(store, Date.now());
    if (current && current.holder !== holder) return 'busy';
    if (!admit()) return 'refused';
    writeJson(store, LEASE_KEY, { holder, user, expiresAt: leaseExpiry() } satisfies Lease);
    return 'taken';
  });
}

/** A LockPort over the document's lease: sidebar runs and scheduled runs of every user share it. */
export function leaseLock(store: SheetStore, user: string): LockPort {
  return admittedLeaseLock(store, user, () => true).lock;
}

/** leaseLock whose claim also asks `admit`; `refused()` tells a refusal (tryLock false) from a busy lease. */
function admittedLeaseLock(store: SheetStore, user: string, admit: () => boolean) {
  const holder = newHolder();
  let refused = false;
  const lock: LockPort = {
    tryLock: () => {
      refused = false;
      const claim = claimLease(store, holder, user, admit);
      refused = claim === 'refused';
      return claim === 'taken';
    },
    releaseLock: () =>
      withScriptLock(() => {
        // While this execution's lease is live nobody else can have claimed it (a claim refuses a live lease), so
        // the lease read at the claim is still the sheet's: reading the whole sheet again would only cost calls.
        if (Date.now() >= leaseExpiry()) store.refresh();
        // Written in place rather than deleted: the row stays the lease's, so the sheet does not grow per run.
        if (readJson<Lease>(store, LEASE_KEY)?.holder === holder)
          writeJson(store, LEASE_KEY, { holder: '', user: '', expiresAt: 0 } satisfies Lease);
      }),
  };
  return { lock, refused: () => refused };
}

function effectiveUser(): string {
  try {
    return Session.getEffectiveUser().getEmail();
  } catch {
    return '';
  }
}

/** Runs `work` under this document's import lease (shared by every editor and trigger of the document). */
export function withDocumentLock<T>(work: () => T, waitMs: number = LOCK_WAIT_MS): T {
  return withLock(leaseLock(stateStore(currentDocument()), effectiveUser()), work, waitMs);
}

/**
 * withDocumentLock for a run that must be admitted first: `admit` is asked inside the lease's own claim, on its
 * fresh read, and its writes land with the lease (see claimLease). Null, with no lease taken, when it refuses.
 */
export function withAdmittedDocumentLock<T>(admit: () => boolean, work: () => T): T | null {
  const { lock, refused } = admittedLeaseLock(stateStore(currentDocument()), effectiveUser(), admit);
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    if (refused()) return null;
    throw new AppError('BUSY', {});
  }
  try {
    return work();
  } finally {
    releaseQuietly(lock);
  }
}
