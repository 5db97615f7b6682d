// Argument checks shared by the service classes: Google's signature error, range coordinates and A1 notation.
import { isDate } from '../../context';
import { fail, MESSAGES } from '../errors';
import { tokenize } from '../formula/tokens';
import type { BookData } from '../model/book';
import type { Area } from '../model/read';
import type { SheetData } from '../model/sheet-data';

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (isDate(value)) return 'Date';
  if (Array.isArray(value)) return `${value.length > 0 ? typeName(value[0]) : 'Object'}[]`;
  const tag = (value as { toString?: () => string }).toString?.();
  return typeof tag === 'string' && /^[A-Z][A-Za-z]*$/.test(tag) ? tag : 'Object';
}

/** `The parameters (String,number) don't match the method signature for SpreadsheetApp.Range.setValue.` */
export function signatureMismatch(method: string, args: readonly unknown[]): never {
  return fail(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`);
}

export function expectArgs(method: string, args: readonly unknown[], ok: boolean): void {
  if (!ok) signatureMismatch(method, args);
}

export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

export function is2d(value: unknown): value is unknown[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

/** Checks 1-based coordinates against the grid, with Google's messages, and returns the 0-based area. */
export function checkedArea(sheet: SheetData, row: number, column: number, rows: number, columns: number): Area {
  if (row < 1) fail(MESSAGES.rowTooSmall);
  if (column < 1) fail(MESSAGES.columnTooSmall);
  if (rows < 1) fail(MESSAGES.rowsAtLeastOne);
  if (columns < 1) fail(MESSAGES.columnsAtLeastOne);
  if (row + rows - 1 > sheet.maxRows || column + columns - 1 > sheet.maxColumns) fail(MESSAGES.outOfGrid);
  return { row: row - 1, column: column - 1, rows, columns };
}

/** Resolves A1 notation ('B2', 'A1:C3', "'My sheet'!A:C", '2:5', 'A2:C') against `sheet` or the named sheet. */
export function areaFromA1(book: BookData, sheet: SheetData | undefined, a1: string): { sheet: SheetData; area: Area } {
  const tokens = tokenize(a1.trim());
  const token = tokens[0];
  if (tokens.length !== 1 || token.kind !== 'ref') fail(MESSAGES.rangeNotFound);
  const ref = token.ref;
  const target = ref.sheet === null ? sheet : book.sheetForRef(ref.sheet);
  if (target === undefined) return fail(MESSAGES.rangeNotFound);
  const r1 = ref.r1 ?? 1;
  const c1 = ref.c1 ?? 1;
  const r2 = ref.r2 ?? target.maxRows;
  const c2 = ref.c2 ?? target.maxColumns;
  const [top, left] = [Math.min(r1, r2), Math.min(c1, c2)];
  return { sheet: target, area: checkedArea(target, top, left, Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1) };
}
