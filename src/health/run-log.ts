// The "Lever run log" sheet: the last 50 unattended runs, newest first, rewritten in one batched write.
import type { SheetPort } from '../ports/sheet';
import type { RunTrigger } from '../shared/types';
import { safeRow } from '../sheet/cells';
import { rewriteBlock } from '../sheet/grid';

export const RUN_LOG_SHEET = 'Lever run log';
export const RUN_LOG_LIMIT = 50;
export const RUN_LOG_HEADERS = ['Time', 'Import', 'Trigger', 'Outcome', 'Rows', 'Duration (s)', 'Message', 'Run as'];
const COLUMNS = RUN_LOG_HEADERS.length;

export type LogOutcome = 'succeeded' | 'failed' | 'skipped';

export interface LogEntry {
  at: number;
  importName: string;
  trigger: RunTrigger;
  outcome: LogOutcome;
  rows?: number;
  durationMs?: number;
  message?: string;
  user: string;
}

/** The part of the workbook and sheet ports the log needs (tests pass a small fake). */
export type LogSheet = Pick<SheetPort, 'readUsed' | 'write' | 'clearContents'>;
export interface LogWorkbook {
  sheetByName(name: string): LogSheet | null;
  insertSheet(name: string): LogSheet;
}

const OUTCOME_LABELS: Record<LogOutcome, string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  skipped: 'Skipped',
};

export function logRow(entry: LogEntry): unknown[] {
  return [
    new Date(entry.at),
    entry.importName,
    entry.trigger,
    OUTCOME_LABELS[entry.outcome],
    entry.rows ?? '',
    entry.durationMs === undefined ? '' : Math.round(entry.durationMs / 1000),
    entry.message ?? '',
    entry.user,
  ];
}

/** New entries (oldest first, as they happened) go on top, newest first, and the log is cut to `limit` rows. */
export function mergeLog(
  entries: readonly LogEntry[],
  existing: readonly unknown[][],
  limit = RUN_LOG_LIMIT,
): unknown[][] {
  const fresh = entries.map(logRow).reverse();
  const kept = existing.filter((row) => row.some((cell) => cell !== '' && cell !== null));
  return [...fresh, ...kept].slice(0, limit);
}

function logSheet(workbook: LogWorkbook): LogSheet {
  // Inserted at the end, out of the way of the user's own sheets.
  return workbook.sheetByName(RUN_LOG_SHEET) ?? workbook.insertSheet(RUN_LOG_SHEET);
}

/** Adds entries to the log sheet (created when missing): one read and one write, plus a clear only if it shrank. */
export function appendToRunLog(workbook: LogWorkbook, entries: readonly LogEntry[]): void {
  if (entries.length === 0) return;
  const sheet = logSheet(workbook);
  const used = sheet.readUsed();
  const lastRow = used.length;
  const existing = used
    .slice(1, 1 + RUN_LOG_LIMIT)
    .map((row) => Array.from({ length: COLUMNS }, (_, i) => row[i] ?? ''));
  // Every text cell is escaped again on each rewrite: values read back have lost their apostrophes.
  const rows = [RUN_LOG_HEADERS, ...mergeLog(entries, existing)].map((row) => safeRow(row));
  rewriteBlock(sheet, rows, lastRow, COLUMNS);
}
