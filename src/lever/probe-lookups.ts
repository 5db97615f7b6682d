// The key check's list pages as lookup tables: asked as the lookups ask, a complete one is not asked again.
import type { LeverEndpoint } from '../shared/types';
import type { PageOutcome, PageRequest } from './client';
import { type ConfidentialAccess, lookupsReadConfidential } from './credential';
import { addLookupEntries, lookupRequest, lookupsOn } from './lookups';
import type { LookupTables, PagedLookupName } from './source';

/**
 * The check's request for one endpoint: the first page its lookup tables would ask for, with the parameters of a
 * key without confidential access (the check does not know the key's yet, and any key may send them); one record
 * of a list no table reads (opportunities: the offers check asks about its first one).
 */
export function probeRequest(endpoint: LeverEndpoint): PageRequest {
  const [name] = lookupsOn(`/${endpoint}`);
  return name ? lookupRequest(name, false) : { path: `/${endpoint}`, params: { limit: 1 } };
}

function sameRequest(a: PageRequest, b: PageRequest): boolean {
  return a.path === b.path && JSON.stringify(a.params) === JSON.stringify(b.params);
}

/**
 * The tables a single page holds in full (no next page), of those whose import request is the one the check sent
 * for this key: postings and requisitions are asked with confidentiality=all by a key that reads confidential data,
 * so the check's plain page is not their table then.
 */
export function probedLookups(
  endpoints: readonly LeverEndpoint[],
  outcomes: readonly PageOutcome[],
  access: ConfidentialAccess,
): Partial<LookupTables> {
  const tables: Partial<Record<PagedLookupName, LookupTables[PagedLookupName]>> = {};
  endpoints.forEach((endpoint, index) => {
    const outcome = outcomes[index];
    if (outcome?.kind !== 'page' || outcome.page.hasNext) return;
    for (const name of lookupsOn(`/${endpoint}`)) {
      const asked = lookupRequest(name, lookupsReadConfidential(access));
      if (!sameRequest(asked, probeRequest(endpoint))) continue;
      const table = {};
      addLookupEntries(name, table, outcome.page.data);
      tables[name] = table;
    }
  });
  return tables as Partial<LookupTables>;
}
