// Preview: the first matching records as the sheet would show them, without writing anything.
import type { LeverAccess, ListQuery } from '../lever/source';
import type { ImportDefinition, PreviewResult } from '../shared/types';
import { isDate } from '../sheet/cells';
import type { ZoneOffsetAt } from './local-days';
import { lookupsForRows } from './offers-phase';
import { planImport } from './plan';
import { dedupeAndSort, headerLabels, renderRow, stageRecord } from './rows';

export const PREVIEW_ROWS = 10;

export interface PreviewDeps {
  lever: LeverAccess;
  offsetAt: ZoneOffsetAt;
  /** Formats a date as the sheet shows it (in the spreadsheet's zone). */
  formatDate: (date: Date) => string;
  /** Epoch ms until which matching records may be counted; without it, only the first page is counted. */
  countDeadline?: number;
}

/**
 * Counts the query's records by paging through them (in parallel windows) until the deadline: exact when the
 * end is reached, a lower bound otherwise. A few seconds cover thousands of records at Lever's rate.
 */
export function countMatching(
  lever: LeverAccess,
  query: ListQuery,
  deadline: number,
): { count: number; exact: boolean } {
  const ids = new Set<string>();
  const progress = lever.source.next(lever.source.start(query), deadline, (records) => {
    for (const record of records) ids.add(record.id);
  });
  return { count: ids.size, exact: progress.done };
}

/** A cell as display text: dates in the sheet's zone, booleans as Sheets shows them. */
export function displayValue(value: unknown, formatDate: (date: Date) => string): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return formatDate(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

export function previewDefinition(
  definition: ImportDefinition,
  deps: PreviewDeps,
  limit = PREVIEW_ROWS,
): PreviewResult {
  const plan = planImport(definition, deps.offsetAt);
  const page = deps.lever.firstPage(plan.query, limit);
  const context = { environment: definition.environment };
  const staged = dedupeAndSort(page.records.map((record) => stageRecord(record, plan.specs, context)));
  const lookups = lookupsForRows(deps.lever, plan.specs, staged);
  const counted =
    page.hasMore && deps.countDeadline !== undefined
      ? countMatching(deps.lever, plan.query, deps.countDeadline)
      : { count: staged.length, exact: !page.hasMore };
  return {
    ...counted,
    headers: headerLabels(plan.specs, lookups),
    rows: staged.map((row) => renderRow(row, plan.specs, lookups).map((value) => displayValue(value, deps.formatDate))),
  };
}
