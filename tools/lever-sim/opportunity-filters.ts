// The `/opportunities` list filters (Lever docs §2.1): union within a filter, AND across filters, inclusive ranges.

import {
  type CompiledFilter,
  confidentialityFilter,
  type Predicate,
  present,
  rangeFilter,
  triStateFilter,
  unionFilter,
} from './filter-kit';
import type { IdMaps } from './id-maps';
import type { QueryParams } from './params';
import type { LeverReadings } from './readings';
import type { Application, Opportunity, Origin } from './types';

export const ORIGINS: readonly Origin[] = ['agency', 'applied', 'internal', 'referred', 'sourced', 'university'];

export interface FilterContext {
  now: number;
  canSeeConfidential: boolean;
  maps: IdMaps;
  readings: Pick<LeverReadings, 'confidentialDenial' | 'updatedFilter'>;
  /** The dataset's `changedAt` (changes that leave `updatedAt` alone). */
  changedAt?: Record<string, number>;
}

/** Compiles the query's filters; throws a 400 for a malformed value and a 403 for confidential data without access. */
export function compileOpportunityFilter(params: QueryParams, context: FilterContext): CompiledFilter<Opportunity> {
  params.manyOf('origin', ORIGINS);
  const predicates = present<Predicate<Opportunity>>([
    confidentialityFilter(
      params,
      context.canSeeConfidential,
      (opportunity) => opportunity.confidentiality,
      context.readings.confidentialDenial,
    ),
    triStateFilter(params, 'archived', (opportunity) => opportunity.archived !== null),
    triStateFilter(params, 'snoozed', (opportunity) => isSnoozed(opportunity, context.now)),
    unionFilter(params, 'stage_id', (opportunity) => opportunity.stage),
    unionFilter(params, 'tag', (opportunity) => opportunity.tags),
    unionFilter(params, 'email', (opportunity) => opportunity.emails, canonicalEmail),
    unionFilter(params, 'origin', (opportunity) => opportunity.origin),
    unionFilter(params, 'source', (opportunity) => opportunity.sources),
    unionFilter(params, 'archive_reason_id', (opportunity) => opportunity.archived?.reason),
    unionFilter(params, 'contact_id', (opportunity) => opportunity.contact),
    unionFilter(params, 'location', (opportunity) => opportunity.opportunityLocation),
    unionFilter(params, 'posting_id', (opportunity) => postingIds(opportunity, context.maps, false)),
    unionFilter(params, 'archived_posting_id', (opportunity) => postingIds(opportunity, context.maps, true)),
    rangeFilter(params, 'updated_at', updatedReader(context)),
    rangeFilter(params, 'advanced_at', (opportunity) => opportunity.lastAdvancedAt),
    rangeFilter(params, 'archived_at', (opportunity) => opportunity.archived?.archivedAt),
  ]);
  return {
    createdFrom: params.timestamp('created_at_start'),
    createdTo: params.timestamp('created_at_end'),
    predicates,
  };
}

/** What `updated_at_start/_end` compare, per the `updatedFilter` reading. */
function updatedReader(context: FilterContext): (opportunity: Opportunity) => number | null {
  const changedAt = context.changedAt;
  if (context.readings.updatedFilter === 'field' || !changedAt) return (opportunity) => opportunity.updatedAt;
  return (opportunity) => {
    const hidden = changedAt[opportunity.id];
    return hidden === undefined ? opportunity.updatedAt : Math.max(hidden, opportunity.updatedAt ?? hidden);
  };
}

/** Lever's "snoozed" is a snooze that has not ended yet. */
export function isSnoozed(opportunity: Opportunity, now: number): boolean {
  return opportunity.snoozedUntil !== null && opportunity.snoozedUntil > now;
}

function canonicalEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Postings applied to; with `archivedOnly`, those whose application (or the whole opportunity) was archived. */
function postingIds(opportunity: Opportunity, maps: IdMaps, archivedOnly: boolean): string[] {
  const ids: string[] = [];
  const applications = maps.applications();
  for (const applicationId of opportunity.applications) {
    const application: Application | undefined = applications.get(applicationId);
    if (!application?.posting) continue;
    if (archivedOnly && application.archived === null && opportunity.archived === null) continue;
    ids.push(application.posting);
  }
  return ids;
}
