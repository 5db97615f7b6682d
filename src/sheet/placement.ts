// Replace mode on a sheet where the user has columns right of the import: whole rows move with their Lever ID.
//
// Rewriting the import's columns by value would leave the user's cells where they were while the records under
// them are re-sorted. Instead the rows themselves move: new records get rows inserted below the block, every row
// gets its final position as a key (rows that go get the last keys), one Range.sort puts whole rows (import and
// user columns) in the result's order — Sheets moves formats and adjusts each moved formula's relative references,
// so `=C5*2` keeps pointing at its own record's row — one deleteRows drops the rows gathered at the bottom that go
// (vanished records with nothing of the user's), and only then are the import's columns written. Records that left the result keep their row (old values, marked) when the user has
// content in it, unless the import removes vanished rows.
import type { SheetPort } from '../ports/sheet';
import { type CellValue, safeRow } from './cells';
import { formatFor, PLAIN_FORMAT, writeBlock } from './grid';
import { growAndWrite } from './grow-and-write';
import { deleteRowsKeepingOne, REMOVED_LABEL } from './update-by-id';
import type { AppliedStyle, ResultBlock, WriteOptions, WriteSummary } from './write-block';

/** Where each row of the sheet goes (pure): the part of the design tests check without a sheet. */
export interface PlacementPlan {
  /** Old sheet rows (row 2 = first data row) that go: vanished records without user content (or all, on remove). */
  deleted: number[];
  /** Result indexes of records new to the sheet: rows inserted after the old ones, in this order. */
  inserted: number[];
  /**
   * The sort key of each row, top to bottom, for the old rows followed by the inserted ones: its final position
   * (0-based). Deleted rows get the last keys, so the sort gathers them below the final rows for one deleteRows.
   */
  keys: number[];
  /** Final rows, top to bottom: a result index, or the old data row (0-based) of a kept row. */
  final: Array<{ result: number } | { kept: number; marked: boolean }>;
  /** Kept rows of records no longer in the result. */
  marked: number;
}

/**
 * Plans a replace that keeps users' cells on their records. `oldIds` and `userContent` are per existing data row;
 * rows without an ID ('' — e.g. a row the user inserted) are kept below the result when they hold user content.
 */
export function planPlacement(
  oldIds: readonly string[],
  userContent: readonly boolean[],
  newIds: readonly string[],
  vanished: 'remove' | 'flag',
): PlacementPlan {
  const newIndex = new Map<string, number>();
  newIds.forEach((id, index) => {
    if (!newIndex.has(id)) newIndex.set(id, index);
  });
  const placed = new Set<number>();
  const deleted: number[] = [];
  const kept: Array<{ kept: number; marked: boolean }> = [];
  const fates = oldIds.map((id, index) => {
    const result = id === '' ? undefined : newIndex.get(id);
    if (result !== undefined && !placed.has(result)) {
      placed.add(result);
      return { result };
    }
    if (userContent[index] && !(vanished === 'remove' && id !== '')) {
      const entry = { kept: index, marked: id !== '' };
      kept.push(entry);
      return entry;
    }
    deleted.push(index + 2);
    return 'deleted' as const;
  });
  const inserted = newIds.map((_, index) => index).filter((index) => !placed.has(index));
  const keptKey = new Map(kept.map((entry, position) => [entry, newIds.length + position]));
  let nextDeletedKey = newIds.length + kept.length;
  const keys = [
    ...fates.map((fate) => {
      if (fate === 'deleted') return nextDeletedKey++;
      return 'result' in fate ? fate.result : (keptKey.get(fate) as number);
    }),
    ...inserted,
  ];
  const final = [...newIds.map((_, result) => ({ result })), ...kept];
  const marked = kept.filter((entry) => entry.marked).length;
  return { deleted, inserted, keys, final, marked };
}

/** True when the keys are already in order (no row needs to move, so the sort call is skipped). */
export function inOrder(keys: readonly number[]): boolean {
  return keys.every((key, index) => index === 0 || keys[index - 1] < key);
}

/** Whether a replace on this sheet must move rows: the user has content right of the import's previous block. */
export function hasUserColumns(sheet: SheetPort, options: WriteOptions, oldHeight: number): boolean {
  if (options.newSheet || options.previousWidth === undefined || oldHeight < 2) return false;
  return sheet.lastColumn() > options.previousWidth;
}

function hasContent(values: readonly unknown[], formulas: readonly string[] | undefined): boolean {
  return values.some((value, index) => (value !== '' && value !== null) || (formulas?.[index] ?? '') !== '');
}

function padded(values: readonly unknown[], width: number): unknown[] {
  return Array.from({ length: width }, (_, index) => values[index] ?? '');
}

/**
 * The rows move: a narrower block gives its columns back (the user's stay right beside it), rows are inserted for
 * new records (pushing down anything the user keeps under the block), one sort by key puts rows in the result's
 * order, and the rows that go, now one run right below the final ones, leave in one delete.
 */
function moveRows(
  sheet: SheetPort,
  plan: PlacementPlan,
  at: { width: number; previousWidth: number; lastColumn: number; oldHeight: number; height: number },
): void {
  if (at.width < at.previousWidth) sheet.deleteColumns(at.width + 1, at.previousWidth - at.width);
  const userLast = at.lastColumn + at.width - at.previousWidth;
  sheet.insertRowsAfter(at.oldHeight, plan.inserted.length);
  if (!inOrder(plan.keys)) {
    writeBlock(
      sheet,
      2,
      at.width,
      plan.keys.map((key) => [key]),
    );
    sheet.sortRows(2, 1, plan.keys.length, Math.max(userLast, at.width), at.width);
  }
  deleteRowsKeepingOne(
    sheet,
    plan.deleted.map((_, index) => at.height + 1 + index),
  );
}

/** Replace with rows moved, not rewritten: see the file comment. `oldHeight` is the previous block's last row. */
export function writeReplaceMovingRows(
  sheet: SheetPort,
  block: ResultBlock,
  options: WriteOptions,
  oldHeight: number,
): WriteSummary {
  const previousWidth = options.previousWidth as number;
  const lastColumn = sheet.lastColumn();
  const old = sheet.read(1, 1, oldHeight, lastColumn);
  const userFormulas = sheet.readFormulas(2, previousWidth + 1, oldHeight - 1, lastColumn - previousWidth);
  const oldDataWidth = old[0][previousWidth - 1] === REMOVED_LABEL ? previousWidth - 1 : previousWidth;
  const data = old.slice(1);
  const plan = planPlacement(
    data.map((row) => String(row[0] ?? '')),
    data.map((row, index) => hasContent(row.slice(previousWidth), userFormulas[index])),
    block.rows.map((row) => String(row[0] ?? '')),
    options.vanished,
  );
  const marker = plan.marked > 0;
  const header = marker ? [...block.header, REMOVED_LABEL] : block.header;
  const width = header.length;
  const height = 1 + plan.final.length;
  const rows: CellValue[][] = plan.final.map((entry) => {
    if ('result' in entry) return safeRow(marker ? [...block.rows[entry.result], false] : block.rows[entry.result]);
    const values = padded(data[entry.kept].slice(0, oldDataWidth), block.header.length);
    return safeRow(marker ? [...values, entry.marked] : values);
  });
  const formats = [...block.types.map(formatFor), ...(marker ? [PLAIN_FORMAT] : [])];
  const plannedRows = sheet.maxRows() + plan.inserted.length;
  growAndWrite(
    sheet,
    { height, width, previousWidth, totalCells: options.totalCells, plannedRows, rowsReady: true },
    {
      writes: [{ row: 1, values: [safeRow(header), ...rows] }],
      formats: { row: 2, count: height - 1, formats, newSheet: false },
    },
    () => moveRows(sheet, plan, { width, previousWidth, lastColumn, oldHeight, height }),
  );
  const style: AppliedStyle = { formats, formattedThrough: height, headerWidth: width, height };
  return {
    rowsWritten: block.rows.length,
    width,
    added: plan.inserted.length,
    removed: plan.deleted.length,
    flagged: plan.marked,
    style,
  };
}
