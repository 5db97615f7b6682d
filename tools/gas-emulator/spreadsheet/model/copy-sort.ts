// Range.copyTo and Range.sort on the model: cells move with their formats, formulas' relative references follow.
import { fail, MESSAGES } from '../errors';
import { copyOffset, rewriteFormula } from '../formula/adjust';
import { Evaluator } from '../formula/evaluate';
import { DateNum, type Scalar } from '../formula/values';
import type { BookData } from './book';
import { type CellContent, Formula } from './cell';
import type { Grid } from './grid';
import type { Area } from './read';
import type { SheetData } from './sheet-data';

export interface CopyOptions {
  contentsOnly?: boolean;
  formatOnly?: boolean;
}

/** The values of one grid inside `area`, as a dense 2-D array (a snapshot, so overlapping copies work). */
function snapshot<T>(grid: Grid<T>, area: Area): (T | undefined)[][] {
  const rows: (T | undefined)[][] = new Array(area.rows);
  for (let i = 0; i < area.rows; i++) {
    const cells = grid.row(area.row + i);
    rows[i] = cells === undefined ? new Array(area.columns) : cells.slice(area.column, area.column + area.columns);
  }
  return rows;
}

const NO_CELLS: unknown[] = [];

/** A source row addressed relative to the area's first column. */
function sourceLine(grid: Grid<unknown>, area: Area, index: number): readonly unknown[] {
  const row = grid.row(area.row + index);
  return row === undefined ? NO_CELLS : area.column === 0 ? row : row.slice(area.column, area.column + area.columns);
}

function moved(
  content: CellContent | undefined,
  hostSheet: string,
  rows: number,
  columns: number,
): CellContent | undefined {
  if (typeof content !== 'object' || (rows === 0 && columns === 0)) return content;
  return new Formula(rewriteFormula(content.text, hostSheet, copyOffset(rows, columns)));
}

type Mover = (value: unknown, rows: number, columns: number) => unknown;

/**
 * The grids a copy carries: contents (formulas adjusted) unless formatOnly; formats, styles and notes unless
 * contentsOnly. Whether Google's contentsOnly keeps number formats (a date staying a date) is unconfirmed; the
 * emulator takes the strict reading (it does not), so code that needs date formats must set them on the target.
 */
function carried(
  source: SheetData,
  target: SheetData,
  options: CopyOptions,
): Array<[Grid<unknown>, Grid<unknown>, Mover?]> {
  const pairs: Array<[Grid<unknown>, Grid<unknown>, Mover?]> = [];
  if (!options.formatOnly) {
    const mover: Mover = (v, rows, columns) => moved(v as CellContent, target.name, rows, columns);
    pairs.push([source.content, target.content, source.hasFormulas ? mover : undefined]);
    if (source.hasFormulas) target.hasFormulas = true;
  }
  if (!options.contentsOnly) pairs.push([source.formats, target.formats], [source.styles, target.styles]);
  if (!options.contentsOnly && !options.formatOnly) pairs.push([source.notes, target.notes]);
  return pairs;
}

/**
 * Copies `from` onto `to` (repeating the source when `to` is larger), row by row. Source rows are snapshotted
 * first so overlapping copies work; `rowOf(i)` picks the source row for target row i (sort uses a permutation).
 */
function copyGrid(
  source: Grid<unknown>,
  from: Area,
  target: Grid<unknown>,
  to: Area,
  rowOf: (i: number) => number,
  move?: Mover,
): void {
  const cells = source === target ? snapshot(source, from) : undefined;
  for (let i = 0; i < to.rows; i++) {
    const sourceIndex = rowOf(i);
    const line = cells ? cells[sourceIndex] : sourceLine(source, from, sourceIndex);
    const r = to.row + i;
    const dr = r - (from.row + sourceIndex);
    let row = target.row(r);
    for (let j = 0; j < to.columns; j++) {
      const c = to.column + j;
      let value = line[j % from.columns];
      if (value === undefined) {
        if (row !== undefined && c < row.length) row[c] = undefined;
        continue;
      }
      if (move !== undefined) value = move(value, dr, c - (from.column + (j % from.columns)));
      row ??= target.writableRow(r);
      row[c] = value;
    }
  }
}

/**
 * The area a copy fills: the source size from the destination's top-left, or the whole destination when it is
 * an exact multiple of the source (the source is then repeated, as in Sheets).
 */
export function copyTargetArea(source: Area, destination: Area): Area {
  const tiles = destination.rows % source.rows === 0 && destination.columns % source.columns === 0;
  return tiles && (destination.rows > source.rows || destination.columns > source.columns)
    ? destination
    : { row: destination.row, column: destination.column, rows: source.rows, columns: source.columns };
}

export function copyArea(source: SheetData, from: Area, target: SheetData, to: Area, options: CopyOptions): void {
  if (to.row + to.rows > target.maxRows || to.column + to.columns > target.maxColumns) fail(MESSAGES.outOfGrid);
  for (const [sourceGrid, targetGrid, move] of carried(source, target, options)) {
    copyGrid(sourceGrid, from, targetGrid, to, (i) => i % from.rows, move);
  }
}

export interface SortKey {
  /** 0-based sheet column. */
  column: number;
  ascending: boolean;
}

function rank(value: Scalar): number {
  if (value === null || value === '') return 5;
  if (typeof value === 'number' || value instanceof DateNum) return 1;
  if (typeof value === 'string') return 2;
  if (typeof value === 'boolean') return 3;
  return 4;
}

/** Sheets' sort order: numbers and dates, then text (case-insensitive), then booleans; blanks always last. */
function compareForSort(a: Scalar, b: Scalar, ascending: boolean): number {
  const [ra, rb] = [rank(a), rank(b)];
  if (ra === 5 || rb === 5) return ra - rb;
  let order = ra - rb;
  if (order === 0 && ra === 1)
    order = (a instanceof DateNum ? a.serial : (a as number)) - (b instanceof DateNum ? b.serial : (b as number));
  if (order === 0 && ra === 2) order = (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  if (order === 0 && ra === 3) order = Number(a) - Number(b);
  return ascending ? order : -order;
}

/** Stable sort of the area's rows by `keys`; every cell of a row moves together. */
export function sortArea(book: BookData, sheet: SheetData, area: Area, keys: SortKey[]): void {
  const ev = new Evaluator(book);
  const rows = Array.from({ length: area.rows }, (_, i) => ({
    index: i,
    // text keys are lower-cased once here: Sheets sorts text case-insensitively
    keys: keys.map((key) => {
      const value = ev.cell(sheet, area.row + i, key.column);
      return typeof value === 'string' ? value.toLowerCase() : value;
    }),
  }));
  rows.sort((x, y) => {
    for (let k = 0; k < keys.length; k++) {
      const order = compareForSort(x.keys[k], y.keys[k], keys[k].ascending);
      if (order !== 0) return order;
    }
    return x.index - y.index;
  });
  const order = rows.map((row) => row.index);
  if (area.column === 0 && sheet.grids().every((grid) => grid.widthOf(area.row, area.rows) <= area.columns)) {
    permuteWholeRows(sheet, area, order);
    return;
  }
  for (const [sourceGrid, targetGrid, move] of carried(sheet, sheet, {})) {
    copyGrid(sourceGrid, area, targetGrid, area, (i) => order[i], move);
  }
}

/** The fast path when the sorted area holds every stored cell of its rows: move row arrays, then fix formulas. */
function permuteWholeRows(sheet: SheetData, area: Area, order: number[]): void {
  for (const grid of sheet.grids()) grid.permuteRows(area.row, order);
  if (!sheet.hasFormulas) return;
  order.forEach((from, i) => {
    const cells = sheet.content.row(area.row + i);
    if (cells === undefined || from === i) return;
    for (let c = 0; c < cells.length; c++) cells[c] = moved(cells[c], sheet.name, i - from, 0);
  });
}
