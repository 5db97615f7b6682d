// After a successful commit: what changed since the import's last refresh, logged to "Lever changes" and summarised.
import { sentenceOf, toAppError } from '../errors';
import type { WorkbookPort } from '../ports/sheet';
import type { ImportDefinition } from '../shared/types';
import { diffStates } from './diff';
import { baselineRow, changeRows, MAX_CHANGE_ROWS, type RefreshContext } from './log-rows';
import { appendChanges, readSnapshotSheet, writeSnapshot } from './sheets';
import { encodeSnapshot, snapshotScope } from './snapshot';
import { baselineSummary, recordCount, summariseChanges } from './summary';
import { fieldLabels } from './tracked-fields';
import type { TrackedState } from './tracked-state';

/** Run records live in DocumentProperties, 9 KB per import: the summary must stay a line. */
const MAX_SUMMARY_CHARS = 300;

export interface ChangeSummary {
  /** One line for the sidebar and the run record. */
  text: string;
  /** True when this refresh only recorded the starting point (first refresh, or the filters changed). */
  baseline: boolean;
  added: number;
  removed: number;
  /** Field changes (a record with two changed fields counts two). */
  changed: number;
  /** Rows appended to the changes sheet. */
  rowsLogged: number;
}

function contextFor(definition: ImportDefinition, refreshedAt: Date): RefreshContext {
  return {
    refreshedAt,
    importName: definition.name,
    object: definition.object,
    labels: fieldLabels(definition.object),
  };
}

/**
 * Compares a successful refresh's tracked state with the import's snapshot, appends the changes to the
 * "Lever changes" sheet, then replaces the snapshot: one read, one append, one rewrite. Changes are logged before
 * the snapshot moves on, so a failure in between can repeat a refresh's rows but never lose them.
 */
export function recordChanges(
  workbook: WorkbookPort,
  definition: ImportDefinition,
  current: TrackedState,
  refreshedAt: Date,
): ChangeSummary {
  const scope = snapshotScope(definition);
  const read = readSnapshotSheet(workbook, definition.id);
  const previous = read.stored;
  const context = contextFor(definition, refreshedAt);
  const snapshot = encodeSnapshot(current, scope, refreshedAt);
  if (!previous || previous.scope !== scope) {
    const count = current.records.length;
    appendChanges(workbook, [baselineRow(context, recordCount(definition.object, count))], MAX_CHANGE_ROWS);
    writeSnapshot(workbook, definition.id, snapshot, read);
    const text = baselineSummary(definition.object, count, previous !== null);
    return { text, baseline: true, added: 0, removed: 0, changed: 0, rowsLogged: 1 };
  }
  const changes = diffStates(previous.state, current);
  const rows = changeRows(changes, context);
  appendChanges(workbook, rows, MAX_CHANGE_ROWS);
  writeSnapshot(workbook, definition.id, snapshot, read);
  const count = (kind: string) => changes.filter((change) => change.kind === kind).length;
  return {
    text: summariseChanges(definition.object, changes),
    baseline: false,
    added: count('added'),
    removed: count('removed'),
    changed: count('changed'),
    rowsLogged: rows.length,
  };
}

/**
 * For the engine, after the target sheet is written: the summary line, or why changes could not be recorded. It
 * never fails the run (the sheet is already refreshed), and the snapshot stays at the last recorded refresh, so
 * the next one reports everything since.
 */
export function changeSummaryAfterCommit(
  workbook: WorkbookPort,
  definition: ImportDefinition,
  current: TrackedState,
  refreshedAt: Date,
): string {
  try {
    return recordChanges(workbook, definition, current, refreshedAt).text;
  } catch (error) {
    const text = `The sheet was refreshed, but its changes could not be recorded: ${sentenceOf(toAppError(error))}`;
    return text.length > MAX_SUMMARY_CHARS ? `${text.slice(0, MAX_SUMMARY_CHARS - 1)}…` : text;
  }
}
