// What the Lever client knows of a key: a sealed credential and what Lever said about it at the last check.
import type { LeverEndpoint, LeverEnvironment } from '../shared/types';

export type ConfidentialAccess = boolean | 'unknown';

/** What Lever said about a key when it was last checked. */
export interface KeyCheck {
  checkedAt: string;
  permissions: Record<LeverEndpoint, boolean>;
  confidentialAccess: ConfidentialAccess;
  /** Lever's separate "Offers" read (offers have no list endpoint, so they are not in `permissions`). */
  offersAccess?: boolean;
}

/** A key "cannot tell yet" is treated as unable: its lookups ask without confidentiality=all. */
export function lookupsReadConfidential(access: ConfidentialAccess): boolean {
  return access === true;
}

/**
 * What makes cached tables and seeds one key's: environment, confidential access and check time (a new key, or a
 * new check of it, is a new scope, so what an earlier one cached is never read back).
 */
export function keyScope(environment: LeverEnvironment, check: Pick<KeyCheck, 'confidentialAccess' | 'checkedAt'>) {
  return `${environment}.${check.confidentialAccess}.${check.checkedAt}`;
}

/**
 * A key sealed in closures: callers can put it in the Authorization header and scrub it from text,
 * but cannot read it back.
 */
export interface LeverCredential {
  readonly environment: LeverEnvironment;
  authorizationHeader(): string;
  redact(text: string): string;
}
