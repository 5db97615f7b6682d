// The status sheet's rows (pure): one per import, from its definition, its run records and its schedule status.

import type { ScheduleDescription } from '../schedule/describe';
import type { ImportDefinition, RunRecord } from '../shared/types';
import { isDate } from '../sheet/cells';
import type { StatusCell } from '../store/status-layout';
import { ENVIRONMENT_LABELS, filterSummary, OBJECT_LABELS, outcomeLabel, scheduleSummary } from './labels';

export const STATUS_SHEET = 'Lever status';

export const STATUS_HEADERS = [
  'Import',
  'Object',
  'Environment',
  'Sheet',
  'Filters',
  'Schedule',
  'Last success',
  'Rows',
  'Last run outcome',
  'Last error',
  'Next run',
  'Warning',
] as const;

/** 1-based columns holding instants (shown with a date-time format). */
export const STATUS_DATE_COLUMNS: readonly number[] = [
  STATUS_HEADERS.indexOf('Last success') + 1,
  STATUS_HEADERS.indexOf('Next run') + 1,
];

export interface ImportHealth {
  definition: ImportDefinition;
  /** The target sheet's current name (it may have been renamed since the import was saved); null when absent. */
  sheetName: string | null;
  lastRun: RunRecord | null;
  lastSuccess: RunRecord | null;
  schedule: ScheduleDescription;
}

function instant(iso: string | undefined): Date | '' {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date;
}

function sheetCell(health: ImportHealth): string {
  if (health.sheetName !== null) return health.sheetName;
  const { sheetName, sheetId } = health.definition;
  return sheetId === undefined ? `${sheetName} (created at the first run)` : `${sheetName} (deleted)`;
}

function successCells(success: RunRecord | null): [Date | '', number | ''] {
  if (!success) return ['', ''];
  return [instant(success.endedAt ?? success.startedAt), success.rowsWritten ?? success.rowsFetched];
}

function runCells(run: RunRecord | null): [string, string] {
  if (!run) return ['Never run', ''];
  return [outcomeLabel(run), run.status === 'failed' ? (run.message ?? run.errorCode ?? 'Failed') : ''];
}

/** One import's row, in STATUS_HEADERS order; raw values (cell escaping happens when written). */
export function statusRow(health: ImportHealth, timeZone: string): StatusCell[] {
  const { definition } = health;
  return [
    definition.name,
    OBJECT_LABELS[definition.object] ?? definition.object,
    ENVIRONMENT_LABELS[definition.environment] ?? definition.environment,
    sheetCell(health),
    filterSummary(definition.object, definition.filters),
    scheduleSummary(definition, timeZone),
    ...successCells(health.lastSuccess),
    ...runCells(health.lastRun),
    instant(health.schedule.nextRunAt),
    health.schedule.warning ?? '',
  ];
}

/** The whole sheet: the header, then one row per import in the order they were created. */
export function statusBlock(imports: readonly ImportHealth[], timeZone: string): StatusCell[][] {
  return [[...STATUS_HEADERS], ...imports.map((health) => statusRow(health, timeZone))];
}

function sameCell(current: unknown, wanted: StatusCell): boolean {
  // Sheets keeps instants as day fractions, so a read-back may differ in the last milliseconds.
  if (isDate(wanted)) return isDate(current) && Math.abs(current.getTime() - wanted.getTime()) < 1000;
  return (current ?? '') === wanted;
}

/** True when the sheet already shows exactly `block`, so rewriting it would only add to its edit history. */
export function sameBlock(current: readonly unknown[][], block: readonly StatusCell[][]): boolean {
  if (current.length !== block.length) return false;
  return block.every((row, r) => row.every((cell, c) => sameCell(current[r]?.[c], cell)));
}
