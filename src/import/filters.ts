// An import's filters as the Lever list query that returns exactly the matching records (pure).
import type { LeverQueryParams, ListQuery } from '../lever/source';
import type { ImportFilters, ImportObject, TriState } from '../shared/types';
import { endOfLocalDay, parseIsoDay, startOfLocalDay, type ZoneOffsetAt } from './local-days';

/** Lever's tri-state booleans: exclude → false, only → true, include → the parameter is left out. */
export function triStateParam(value: TriState): boolean | undefined {
  if (value === 'exclude') return false;
  if (value === 'only') return true;
  return undefined;
}

/** Lever returns only non-confidential records unless asked: include → all, only → confidential. */
export function confidentialityParam(value: TriState): string | undefined {
  if (value === 'include') return 'all';
  if (value === 'only') return 'confidential';
  return undefined;
}

function setIfDefined(params: LeverQueryParams, key: string, value: string | boolean | undefined): void {
  if (value !== undefined) params[key] = value;
}

function setList(params: LeverQueryParams, key: string, values: readonly string[] | undefined): void {
  const cleaned = (values ?? []).filter((value) => value !== '');
  if (cleaned.length > 0) params[key] = [...new Set(cleaned)];
}

function opportunityParams(filters: ImportFilters, expandApplications: boolean): LeverQueryParams {
  const params: LeverQueryParams = {};
  // Hires are archived records: "Hires only" reads them whatever the archived choice says.
  if (!filters.hiresOnly) setIfDefined(params, 'archived', triStateParam(filters.archived));
  setIfDefined(params, 'snoozed', triStateParam(filters.snoozed));
  setList(params, 'stage_id', filters.stageIds);
  setList(params, 'posting_id', filters.postingIds);
  setList(params, 'tag', filters.tags);
  // Posting titles live on applications; expanding them avoids one request per opportunity.
  if (expandApplications) params.expand = ['applications'];
  return params;
}

/** Statuses of a requisition import: one is sent to Lever, several are filtered locally (see ListQuery.statusIn). */
function requisitionStatuses(filters: ImportFilters): string[] {
  return [...new Set((filters.requisitionStatus ?? []).filter((value: string) => value !== ''))];
}

function requisitionParams(filters: ImportFilters): LeverQueryParams {
  const params: LeverQueryParams = {};
  const statuses = requisitionStatuses(filters);
  if (statuses.length === 1) params.status = statuses;
  return params;
}

/** "Hires only" (resolved into archive reasons by the Lever access) and the hired-on range (Lever's archived_at). */
function addHireFilters(query: ListQuery, filters: ImportFilters, offsetAt: ZoneOffsetAt): void {
  if (filters.hiresOnly) query.hiresOnly = true;
  const after = filters.hiredAfter ? parseIsoDay(filters.hiredAfter) : null;
  const before = filters.hiredBefore ? parseIsoDay(filters.hiredBefore) : null;
  if (after) query.params.archived_at_start = startOfLocalDay(after, offsetAt);
  if (before) query.params.archived_at_end = endOfLocalDay(before, offsetAt);
}

export interface QueryInput {
  object: ImportObject;
  filters: ImportFilters;
  /** True when a selected column needs opportunities' applications expanded (posting titles). */
  expandApplications?: boolean;
}

/** The list query for an import; dates are whole days in the spreadsheet's zone, both ends inclusive. */
export function buildListQuery(input: QueryInput, offsetAt: ZoneOffsetAt): ListQuery {
  const { filters } = input;
  const params =
    input.object === 'opportunities'
      ? opportunityParams(filters, input.expandApplications === true)
      : requisitionParams(filters);
  setIfDefined(params, 'confidentiality', confidentialityParam(filters.confidential));
  const query: ListQuery = { object: input.object, params };
  if (input.object === 'requisitions' && requisitionStatuses(filters).length > 1) {
    query.statusIn = requisitionStatuses(filters);
  }
  if (input.object === 'opportunities') addHireFilters(query, filters, offsetAt);
  const after = filters.createdAfter ? parseIsoDay(filters.createdAfter) : null;
  const before = filters.createdBefore ? parseIsoDay(filters.createdBefore) : null;
  if (after) query.createdFrom = startOfLocalDay(after, offsetAt);
  if (before) query.createdTo = endOfLocalDay(before, offsetAt);
  return query;
}
