// Rows of the shared "Lever changes" sheet: one per added or removed record and per changed field (pure).
import type { ImportObject } from '../shared/types';
import type { Change } from './diff';

export const CHANGES_SHEET_NAME = 'Lever changes';
export const CHANGES_HEADER = [
  'Refreshed at',
  'Import',
  'Object',
  'Lever ID',
  'Name',
  'Change',
  'Field',
  'Old value',
  'New value',
] as const;

/** The sheet keeps the newest rows only: older ones are trimmed, in one call, as new ones arrive. */
export const MAX_CHANGE_ROWS = 5_000;

/** The Change column's word for the row that marks where tracking (re)started. */
export const BASELINE_CHANGE = 'tracking started';

export type ChangeRow = [Date, string, string, string, string, string, string, string, string];

export interface RefreshContext {
  refreshedAt: Date;
  importName: string;
  object: ImportObject;
  /** Field key → the label shown in the Field column. */
  labels: Record<string, string>;
}

function objectWord(object: ImportObject): string {
  return object === 'opportunities' ? 'opportunity' : 'requisition';
}

function rowFor(change: Change, context: RefreshContext): ChangeRow {
  const field = change.field ? (context.labels[change.field] ?? change.field) : '';
  return [
    context.refreshedAt,
    context.importName,
    objectWord(context.object),
    change.id,
    change.name,
    change.kind,
    field,
    change.oldValue ?? '',
    change.newValue ?? '',
  ];
}

/**
 * One row per change, at most `max`: when a refresh changes more than the sheet keeps, the last row says how many
 * were left out (the target sheet has them all).
 */
export function changeRows(changes: readonly Change[], context: RefreshContext, max = MAX_CHANGE_ROWS): ChangeRow[] {
  if (changes.length <= max) return changes.map((change) => rowFor(change, context));
  const kept = changes.slice(0, Math.max(0, max - 1)).map((change) => rowFor(change, context));
  const left = changes.length - kept.length;
  const note = `${left} more changes in this refresh are not listed (the sheet keeps ${max} rows)`;
  return [...kept, [context.refreshedAt, context.importName, objectWord(context.object), '', '', note, '', '', '']];
}

/** The row marking that tracking (re)started from `description` (e.g. "120 requisitions"). */
export function baselineRow(context: RefreshContext, description: string): ChangeRow {
  const { refreshedAt, importName, object } = context;
  return [refreshedAt, importName, objectWord(object), '', '', BASELINE_CHANGE, '', '', description];
}
