// Lever's opportunity list filters evaluated locally on a fetched record, so a changes-only run can tell which
// changed records still belong to the result (pure; mirrors Lever's server filters: union within a filter, AND
// across filters, inclusive created_at bounds, snoozed = snoozedUntil in the future).

import type { LeverQueryParams, LeverRecord, ListQuery } from '../lever/source';
import { field, idOf } from './column-values';

type Test = (record: LeverRecord) => boolean;

function list(params: LeverQueryParams, name: string): string[] | null {
  const value = params[name];
  if (value === undefined) return null;
  return (Array.isArray(value) ? value : [value]).map(String);
}

function union(params: LeverQueryParams, name: string, read: (record: LeverRecord) => string[]): Test | null {
  const wanted = list(params, name);
  if (!wanted) return null;
  const set = new Set(wanted);
  return (record) => read(record).some((value) => set.has(value));
}

function triState(params: LeverQueryParams, name: string, test: Test): Test | null {
  const value = params[name];
  if (value === undefined) return null;
  const wanted = value === true || value === 'true';
  return (record) => test(record) === wanted;
}

function confidentiality(params: LeverQueryParams): Test | null {
  const asked = params.confidentiality;
  if (asked === 'all') return null;
  const wanted = asked === 'confidential' ? 'confidential' : 'non-confidential';
  return (record) => (record.confidentiality === 'confidential' ? 'confidential' : 'non-confidential') === wanted;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => idOf(item)) : [];
}

/** Postings applied to, from expanded applications (`{posting}`). */
function postings(record: LeverRecord): string[] {
  const applications = Array.isArray(record.applications) ? record.applications : [];
  return applications.map((application) => idOf(field(application, 'posting'))).filter((id) => id !== '');
}

function createdWithin(query: ListQuery): Test | null {
  const { createdFrom, createdTo } = query;
  if (createdFrom === undefined && createdTo === undefined) return null;
  const from = createdFrom ?? Number.NEGATIVE_INFINITY;
  const to = createdTo ?? Number.POSITIVE_INFINITY;
  return (record) => record.createdAt >= from && record.createdAt <= to;
}

/**
 * A test that says whether `record` is in the result of the full import's `query` at `now`. Posting filters need
 * the records fetched with `expand=applications` (the changes query asks for it then).
 */
export function recordMatcher(query: ListQuery, now: number): Test {
  const { params } = query;
  const tests = [
    confidentiality(params),
    triState(params, 'archived', (record) => record.archived !== null && typeof record.archived === 'object'),
    triState(params, 'snoozed', (record) => typeof record.snoozedUntil === 'number' && record.snoozedUntil > now),
    union(params, 'stage_id', (record) => [idOf(record.stage)]),
    union(params, 'tag', (record) => strings(record.tags)),
    union(params, 'posting_id', postings),
    createdWithin(query),
  ].filter((test): test is Test => test !== null);
  return (record) => tests.every((test) => test(record));
}
