// The "Lever status" sheet: every import's health for every collaborator, rewritten in one batched write.
import { toAppError } from '../errors';
import { documentStore, type KeyValueStore } from '../gas/properties';
import { type SheetPort, type WorkbookPort, workbookPort } from '../gas/spreadsheet';
import { sharedScheduleContext } from '../schedule/context';
import { describeForEveryone } from '../schedule/status';
import { listDefinitions } from '../settings/imports-store';
import { lastSuccessfulRun, latestRun } from '../settings/runs-store';
import type { ImportDefinition } from '../shared/types';
import { checkCellBudget, safeRow } from '../sheet/cells';
import { DATE_TIME_FORMAT, ensureColumns, ensureRows, styleHeader } from '../sheet/grid';
import { findTarget } from '../sheet/target';
import {
  type ImportHealth,
  STATUS_DATE_COLUMNS,
  STATUS_HEADERS,
  STATUS_SHEET,
  type StatusCell,
  sameBlock,
  statusBlock,
} from './status-rows';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
const WIDTH = STATUS_HEADERS.length;
/** What Sheets gives a new sheet: its cells count toward the spreadsheet's limit at once. */
const NEW_SHEET_CELLS = 1000 * 26;

/** Every import's health as collaborators see it (no viewer: nobody's own trigger or quota). */
export function gatherHealth(
  workbook: WorkbookPort,
  store: KeyValueStore,
  now: number,
  targets: readonly ImportTarget[],
): ImportHealth[] {
  const context = sharedScheduleContext(
    store,
    targets.map((target) => target.definition),
    workbook.timeZone(),
  );
  return targets.map(({ definition, sheet }) => ({
    definition,
    sheetName: sheet?.name() ?? null,
    lastRun: latestRun(store, definition.id),
    lastSuccess: lastSuccessfulRun(store, definition.id),
    schedule: describeForEveryone(definition, now, context),
  }));
}

function createStatusSheet(workbook: WorkbookPort): SheetPort {
  checkCellBudget(workbook.totalCells(), NEW_SHEET_CELLS);
  const sheet = workbook.insertSheet(STATUS_SHEET);
  ensureColumns(sheet, WIDTH, () => workbook.totalCells());
  // The whole column, once: rows added later keep the format without another call.
  for (const column of STATUS_DATE_COLUMNS) sheet.setNumberFormat(2, column, sheet.maxRows() - 1, 1, DATE_TIME_FORMAT);
  return sheet;
}

export interface ImportTarget {
  definition: ImportDefinition;
  sheet: SheetPort | null;
}

/** An import that writes its own data into a sheet of this name must never be overwritten by the status. */
function usedAsTarget(statusSheet: SheetPort | null, targets: readonly ImportTarget[]): boolean {
  return targets.some(({ definition, sheet }) =>
    statusSheet ? sheet?.sheetId === statusSheet.sheetId : definition.sheetName === STATUS_SHEET,
  );
}

/** Writes the block over the sheet (one setValues), clearing rows a shorter block leaves; skips an identical sheet. */
export function writeStatusBlock(workbook: WorkbookPort, existing: SheetPort | null, block: StatusCell[][]): void {
  const sheet = existing ?? createStatusSheet(workbook);
  const oldRows = existing ? sheet.lastRow() : 0;
  if (oldRows === block.length && sameBlock(sheet.read(1, 1, oldRows, WIDTH), block)) return;
  ensureRows(sheet, block.length, () => workbook.totalCells());
  sheet.write(
    1,
    1,
    block.map((row) => safeRow(row)),
  );
  if (oldRows > block.length) sheet.clearContents(block.length + 1, 1, oldRows - block.length, WIDTH);
  if (!existing) styleHeader(sheet, WIDTH);
}

/** Rebuilds the status sheet from the document's store; creates it only once there is an import to show. */
export function refreshStatus(workbook: WorkbookPort, store: KeyValueStore, now: number): void {
  const existing = workbook.sheetByName(STATUS_SHEET);
  const definitions = listDefinitions(store);
  if (definitions.length === 0 && !existing) return;
  const targets = definitions.map((definition) => ({ definition, sheet: findTarget(workbook, definition) }));
  if (usedAsTarget(existing, targets)) return;
  writeStatusBlock(workbook, existing, statusBlock(gatherHealth(workbook, store, now, targets), workbook.timeZone()));
}

/** Asks about the Spreadsheet's own method: Apps Script objects may throw on reading a member they do not have. */
function isSpreadsheet(value: Spreadsheet | WorkbookPort): value is Spreadsheet {
  return typeof (value as Partial<Spreadsheet>).getSheetByName === 'function';
}

/**
 * Called after every run (manual, sidebar, menu or scheduled) and every schedule change. Never throws: the
 * status sheet is a view of the run records, and failing to redraw it must not fail the run it reports.
 */
export function refreshStatusSheet(ss: Spreadsheet | WorkbookPort): void {
  try {
    refreshStatus(isSpreadsheet(ss) ? workbookPort(ss) : ss, documentStore(), Date.now());
  } catch (error) {
    console.log(`The ${STATUS_SHEET} sheet was not updated: ${toAppError(error).message}`);
  }
}

/** refreshStatusSheet for one-line wiring after a run: refreshes, then hands the run's result back unchanged. */
export function refreshStatusAfter<T>(ss: Spreadsheet | WorkbookPort, result: T): T {
  refreshStatusSheet(ss);
  return result;
}
