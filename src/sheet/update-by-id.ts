// Update by ID: rows stay where they are (so a user's columns stay with their IDs), new IDs are appended, vanished
// IDs are removed (whole rows, bottom-up) or flagged.
import type { SheetPort } from '../ports/sheet';
import { type CellValue, safeRow } from './cells';
import { formatFor, lastFilledRow, PLAIN_FORMAT } from './grid';
import { growAndWrite } from './grow-and-write';
import type { ResultBlock, WriteOptions, WriteSummary } from './write-block';

export const REMOVED_LABEL = 'Removed from Lever';

/** What happens to each existing row and which new rows are appended (pure). */
export interface UpdatePlan {
  /** Per existing data row, in order: the index of its new row, 'vanished', or 'blank' (no ID: left as it is). */
  existing: Array<number | 'vanished' | 'blank'>;
  /** Indexes of new rows whose ID is not in the sheet yet, in result order. */
  appended: number[];
}

export function planUpdate(existingIds: readonly string[], newIds: readonly string[]): UpdatePlan {
  const newIndex = new Map<string, number>(newIds.map((id, index) => [id, index]));
  const present = new Set<string>();
  const existing = existingIds.map((id) => {
    if (id === '') return 'blank' as const;
    present.add(id);
    return newIndex.get(id) ?? ('vanished' as const);
  });
  const appended = newIds.map((id, index) => (present.has(id) ? -1 : index)).filter((index) => index >= 0);
  return { existing, appended };
}

/** Contiguous runs of row numbers, bottom-up, so each deleteRows leaves the rows above untouched. */
export function rowRunsBottomUp(rows: readonly number[]): Array<{ start: number; count: number }> {
  const sorted = [...rows].sort((a, b) => b - a);
  const runs: Array<{ start: number; count: number }> = [];
  for (const row of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start - 1 === row) {
      last.start = row;
      last.count += 1;
    } else runs.push({ start: row, count: 1 });
  }
  return runs;
}

/** Deletes the given sheet rows (bottom-up runs), keeping the one row Google insists a sheet keeps. */
export function deleteRowsKeepingOne(sheet: SheetPort, sheetRows: number[]): void {
  if (sheetRows.length === 0) return;
  // Google refuses to delete every non-frozen row; a spare empty row at the end keeps that from happening.
  if (sheet.maxRows() - sheetRows.length <= Math.max(sheet.frozenRows(), 1)) sheet.insertRowsAfter(sheet.maxRows(), 1);
  for (const run of rowRunsBottomUp(sheetRows)) sheet.deleteRows(run.start, run.count);
}

function padded(values: readonly unknown[], width: number): unknown[] {
  return Array.from({ length: width }, (_, index) => values[index] ?? '');
}

interface Assembly {
  rows: CellValue[][];
  deleteSheetRows: number[];
  flagged: number;
}

function assembleRows(old: unknown[][], block: ResultBlock, plan: UpdatePlan, options: WriteOptions): Assembly {
  const flag = options.vanished === 'flag';
  const dataWidth = block.header.length;
  const width = dataWidth + (flag ? 1 : 0);
  const withFlag = (values: unknown[], removed: boolean) => (flag ? [...values, removed] : values);
  const assembly: Assembly = { rows: [], deleteSheetRows: [], flagged: 0 };
  plan.existing.forEach((fate, index) => {
    if (fate === 'blank') assembly.rows.push(safeRow(padded(old[index], width)));
    else if (typeof fate === 'number') assembly.rows.push(safeRow(withFlag(block.rows[fate], false)));
    else if (flag) {
      assembly.flagged += 1;
      assembly.rows.push(safeRow(withFlag(padded(old[index], dataWidth), true)));
    } else assembly.deleteSheetRows.push(index + 2);
  });
  for (const index of plan.appended) assembly.rows.push(safeRow(withFlag(block.rows[index], false)));
  return assembly;
}

export function writeUpdateById(sheet: SheetPort, block: ResultBlock, options: WriteOptions): WriteSummary {
  const flag = options.vanished === 'flag';
  const header = flag ? [...block.header, REMOVED_LABEL] : block.header;
  const width = header.length;
  const oldHeight = lastFilledRow(sheet, 1);
  const readWidth = Math.min(width, options.previousWidth ?? width);
  const old = oldHeight > 1 ? sheet.read(2, 1, oldHeight - 1, readWidth) : [];
  const plan = planUpdate(
    old.map((row) => String(row[0] ?? '')),
    block.rows.map((row) => String(row[0] ?? '')),
  );
  const assembly = assembleRows(old, block, plan, options);
  const { previousWidth, totalCells, newSheet } = options;
  const formats = [...block.types.map(formatFor), ...(flag ? [PLAIN_FORMAT] : [])];
  growAndWrite(
    sheet,
    { height: 1 + assembly.rows.length, width, previousWidth, totalCells },
    {
      writes: [{ row: 1, values: [safeRow(header), ...assembly.rows] }],
      formats: { row: 2, count: assembly.rows.length, formats, newSheet },
    },
    () => deleteRowsKeepingOne(sheet, assembly.deleteSheetRows),
  );
  return {
    rowsWritten: block.rows.length,
    width,
    added: plan.appended.length,
    removed: assembly.deleteSheetRows.length,
    flagged: assembly.flagged,
  };
}
