// Builds Lever access for the running user from the key in their UserProperties (the only entry point for it).
import { AppError } from '../errors';
import { userCache } from '../gas/cache';
import { appsScriptClock, executionBudget } from '../gas/clock';
import { appsScriptBase64, appsScriptHttp } from '../gas/http';
import { userStore } from '../gas/properties';
import { createLeverAccess, noticingConfidential } from '../lever/access';
import { type LastUse, LeverClient } from '../lever/client';
import { type KeyCheck, keyScope, type LeverCredential, lookupsReadConfidential } from '../lever/credential';
import { FetchSeedCache } from '../lever/fetch-seed';
import { LookupCache } from '../lever/lookup-cache';
import type { LeverAccess, LookupTables } from '../lever/source';
import { countingHttp } from '../schedule/urlfetch-quota';
import type { LeverEnvironment } from '../shared/types';
import { loadCredential, markConfidentialReadable } from '../store/key-store';

export interface LeverFactoryOptions {
  /** Windows paged at once (1: sequential paging, for comparison). */
  maxParallel?: number;
}

export function noKeyError(): AppError {
  return new AppError('NO_KEY', { reason: 'connect' });
}

const LAST_USE_KEY = 'lever.lastRequestAt';

/** This user's last Lever request, in their own cache (any key, any document: the conservative reading). */
function lastLeverUse(): LastUse {
  const cache = userCache();
  return {
    read: () => {
      const [at, latencyMs] = String(cache.get(LAST_USE_KEY)).split(',').map(Number);
      if (!(at > 0)) return null;
      return latencyMs > 0 ? { at, latencyMs } : { at };
    },
    write: (at, latencyMs) => cache.put(LAST_USE_KEY, `${at},${latencyMs}`, 6 * 60 * 60),
  };
}

/** A client over UrlFetchApp (each call counted against the user's day) and the execution's clock; retries are logged. */
export function clientFor(credential: LeverCredential, readable?: Partial<Record<string, boolean>>): LeverClient {
  return new LeverClient({
    http: countingHttp(appsScriptHttp, userStore(), () => appsScriptClock.now()),
    clock: appsScriptClock,
    credential,
    readable,
    log: (line) => console.log(line),
    lastUse: lastLeverUse(),
  });
}

/** Throws NO_KEY when the running user has not connected Lever. */
export function leverForUser(options: LeverFactoryOptions = {}): LeverAccess {
  const saved = loadCredential(userStore(), appsScriptBase64);
  if (!saved) throw noKeyError();
  // The user's own cache; a new key is a new check, so tables and seeds of an earlier key are never read back.
  const scope = keyScope(saved.credential.environment, saved.check);
  const access = createLeverAccess({
    client: clientFor(saved.credential, saved.check.permissions),
    clock: appsScriptClock,
    confidentialAccess: lookupsReadConfidential(saved.check.confidentialAccess),
    deadline: () => executionBudget().deadline,
    maxParallel: options.maxParallel,
    lookupCache: new LookupCache(userCache(), scope),
    seeds: new FetchSeedCache(userCache(), scope),
  });
  if (saved.check.confidentialAccess !== 'unknown') return access;
  // Not known at the key check: a confidential record coming back settles it ("can read") for this user's key.
  return { ...access, source: noticingConfidential(access.source, () => markConfidentialReadable(userStore())) };
}

/**
 * Keeps the tables a key check read in full where the next run's lookups look first (the user's cache, under the
 * new check's scope). Only a saving: a failure leaves the run to fetch them and never fails the check.
 */
export function keepCheckedLookups(
  environment: LeverEnvironment,
  check: KeyCheck,
  tables: Partial<LookupTables>,
): void {
  try {
    new LookupCache(userCache(), keyScope(environment, check)).save(tables);
  } catch (_error) {}
}
