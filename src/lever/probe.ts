// Checks what an API key may read: the first page of every endpoint, all in a single fetchAll.
import { AppError } from '../errors';
import { LEVER_ENDPOINTS, type LeverEndpoint } from '../shared/types';
import type { LeverClient, PageOutcome, PageRequest } from './client';
import type { ConfidentialAccess, KeyCheck } from './credential';
import { probedLookups, probeRequest } from './probe-lookups';
import type { LookupTables } from './source';

/** What the check found, and the lookup tables its pages held in full (for the first import: see probe-lookups). */
export interface KeyProbe {
  check: KeyCheck;
  lookups: Partial<LookupTables>;
}

/** Objects whose confidential records the probe asks for, in order of preference. */
const CONFIDENTIAL_PROBES: readonly LeverEndpoint[] = ['requisitions', 'opportunities'];

function probeRequests(): PageRequest[] {
  const plain = LEVER_ENDPOINTS.map(probeRequest);
  const confidential = CONFIDENTIAL_PROBES.map((endpoint) => ({
    path: `/${endpoint}`,
    params: { confidentiality: 'confidential', limit: 1 },
  }));
  return [...plain, ...confidential];
}

/** Readable (a page), not readable (403), or an error worth showing: the key is then not saved. */
function readable(outcome: PageOutcome): boolean {
  if (outcome.kind === 'page') return true;
  if (outcome.kind === 'deferred') {
    throw new AppError('TIME_BUDGET', { reason: 'probe' });
  }
  if (outcome.status === 403) return false;
  throw outcome.error;
}

/** True when the page holds a record Lever marks confidential (a record answering the confidential probe). */
export function holdsConfidential(records: readonly unknown[]): boolean {
  return records.some(
    (record) =>
      typeof record === 'object' &&
      record !== null &&
      (record as { confidentiality?: unknown }).confidentiality !== 'non-confidential',
  );
}

/**
 * "Can read" only when a confidential record actually came back; a 403 on the confidential request (for an
 * object the key can read at all) means it cannot. An empty answer says nothing: Lever may leave confidential
 * records out silently for a key without access, or the account may have none (unknowns 3).
 */
function confidentialAccessOf(
  permissions: Record<LeverEndpoint, boolean>,
  outcomes: readonly PageOutcome[],
): ConfidentialAccess {
  const probed = outcomes.filter((_, index) => permissions[CONFIDENTIAL_PROBES[index]]);
  if (probed.some((outcome) => outcome.kind === 'page' && holdsConfidential(outcome.page.data))) return true;
  if (probed.some((outcome) => outcome.kind === 'failed' && outcome.status === 403)) return false;
  return 'unknown';
}

/**
 * Offers have no list: the first opportunity's offers are asked for (one more request). With no opportunity
 * to ask about there is nothing an offer column could miss, so the key counts as able to read them.
 */
function offersReadable(client: LeverClient, opportunities: PageOutcome, deadline: number): boolean {
  const first =
    opportunities.kind === 'page' ? (opportunities.page.data[0] as { id?: unknown } | undefined) : undefined;
  if (typeof first?.id !== 'string') return true;
  const outcome = client.getPage(
    { path: `/opportunities/${encodeURIComponent(first.id)}/offers`, params: { limit: 1 } },
    deadline,
  );
  if (outcome.kind === 'failed' && outcome.status === 404) return true;
  return readable(outcome);
}

/** Throws LEVER_AUTH when Lever rejects the key outright, so a wrong key is never saved. */
export function probeKey(client: LeverClient, deadline: number, now: () => number): KeyProbe {
  const outcomes = client.getPages(probeRequests(), deadline);
  const rejected = outcomes.find((outcome) => outcome.kind === 'failed' && outcome.status === 401);
  if (rejected?.kind === 'failed') throw rejected.error;
  const permissions = {} as Record<LeverEndpoint, boolean>;
  LEVER_ENDPOINTS.forEach((endpoint, index) => {
    permissions[endpoint] = readable(outcomes[index]);
  });
  const confidentialAccess = confidentialAccessOf(permissions, outcomes.slice(LEVER_ENDPOINTS.length));
  const check = {
    checkedAt: new Date(now()).toISOString(),
    permissions,
    confidentialAccess,
    offersAccess: offersReadable(client, outcomes[LEVER_ENDPOINTS.indexOf('opportunities')], deadline),
  };
  return { check, lookups: probedLookups(LEVER_ENDPOINTS, outcomes, confidentialAccess) };
}
