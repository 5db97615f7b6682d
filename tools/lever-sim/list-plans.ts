// For each list endpoint: the ordered records it walks, the filter a record must pass and how it is presented.

import { CreatedOrderIndex, createdSource, type Dated } from './created-index';
import type { DatasetWatch } from './dataset-watch';
import { notFound } from './errors';
import { opportunityExpander, postingExpander, requisitionExpander } from './expand';
import { acceptsAll, type CompiledFilter, type Predicate } from './filter-kit';
import type { IdMaps } from './id-maps';
import {
  compileArchiveReasonFilter,
  compilePostingFilter,
  compileRequisitionFieldFilter,
  compileRequisitionFilter,
  compileUserFilter,
} from './lookup-filters';
import { compileOpportunityFilter } from './opportunity-filters';
import { type OrderedSource, positionalSource } from './pagination';
import type { QueryParams } from './params';
import type { LeverReadings } from './readings';
import type { LeverDataset, Opportunity, Posting, Requisition, SimEndpoint, TextCount, User } from './types';

export interface ListPlan<T> {
  source: OrderedSource<T>;
  accept: (record: T) => boolean;
  present: (record: T) => unknown;
}

export interface PlanContext {
  watch: DatasetWatch;
  maps: IdMaps;
  now: number;
  canSeeConfidential: boolean;
  readings: LeverReadings;
  changedAt?: Record<string, number>;
}

const identity = (record: unknown) => record;

/** Sorted indexes of the createdAt-ordered lists, kept across requests. */
export class ListIndexes {
  readonly opportunities = new CreatedOrderIndex<Opportunity>();
  readonly requisitions = new CreatedOrderIndex<Requisition>();
  readonly users = new CreatedOrderIndex<User>();
  readonly postings = new CreatedOrderIndex<Posting>();
}

/** Builds the plan for `endpoint`, validating the query (400/403 are thrown from here). */
export function planList(
  endpoint: SimEndpoint,
  params: QueryParams,
  context: PlanContext,
  indexes: ListIndexes,
): ListPlan<unknown> {
  const { watch, maps, canSeeConfidential, readings } = context;
  switch (endpoint) {
    case 'opportunities': {
      const filter = compileOpportunityFilter(params, context);
      return datedPlan(indexes.opportunities, watch, 'opportunities', filter, opportunityExpander(params, maps));
    }
    case 'requisitions': {
      const filter = compileRequisitionFilter(params, canSeeConfidential, readings);
      return datedPlan(indexes.requisitions, watch, 'requisitions', filter, requisitionExpander(params, maps));
    }
    case 'users':
      return datedPlan(indexes.users, watch, 'users', { predicates: compileUserFilter(params) }, null);
    case 'postings': {
      const filter = { predicates: compilePostingFilter(params, canSeeConfidential, readings) };
      return datedPlan(indexes.postings, watch, 'postings', filter, postingExpander(params, maps));
    }
    case 'stages':
      return positionalPlan(watch.raw('stages'), []);
    case 'archive_reasons':
      return positionalPlan(watch.raw('archiveReasons'), compileArchiveReasonFilter(params));
    case 'requisition_fields':
      return positionalPlan(watch.raw('requisitionFields'), compileRequisitionFieldFilter(params));
    case 'sources':
      return positionalPlan(
        textCounts(watch, 'sources', (opportunity) => opportunity.sources),
        [],
      );
    case 'tags':
      return positionalPlan(
        textCounts(watch, 'tags', (opportunity) => opportunity.tags),
        [],
      );
    case 'offers':
      // Offers are listed per opportunity (offers.ts), never as a top-level list.
      throw notFound('Unknown resource: GET /v1/offers');
  }
}

function datedPlan<T extends Dated>(
  index: CreatedOrderIndex<T>,
  watch: DatasetWatch,
  name: 'opportunities' | 'requisitions' | 'users' | 'postings',
  filter: CompiledFilter<T>,
  expander: ((record: T) => T) | null,
): ListPlan<unknown> {
  const items = index.sorted(watch.raw(name) as unknown as T[], watch.version());
  const plan: ListPlan<T> = {
    source: createdSource(index, items, filter),
    accept: (record) => acceptsAll(filter.predicates, record),
    present: expander ?? identity,
  };
  return plan as ListPlan<unknown>;
}

function positionalPlan<T>(items: readonly T[], predicates: Predicate<T>[]): ListPlan<unknown> {
  const plan: ListPlan<T> = {
    source: positionalSource(items),
    accept: (record) => acceptsAll(predicates, record),
    present: identity,
  };
  return plan as ListPlan<unknown>;
}

/** The dataset's own `/sources` or `/tags` list, or one counted from the opportunities (most used first). */
function textCounts(
  watch: DatasetWatch,
  name: keyof Pick<LeverDataset, 'sources' | 'tags'>,
  read: (opportunity: Opportunity) => readonly string[],
): TextCount[] {
  const given = watch.given(name);
  if (given) return given;
  const counts = new Map<string, number>();
  for (const opportunity of watch.raw('opportunities')) {
    for (const text of read(opportunity)) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}
