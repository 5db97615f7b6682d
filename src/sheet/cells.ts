// Cell safety: Lever text is written so that Sheets stores it verbatim (never a formula, number or date), within limits.

import { AppError } from '../errors';
import type { CellValue } from '../ports/sheet';

/** What this add-on ever hands to Range.setValues. */
export type { CellValue };

export const MAX_CELL_CHARS = 50_000;
export const MAX_SPREADSHEET_CELLS = 10_000_000;
export const TRUNCATION_MARKER = ' [… truncated by Lever for Sheets]';

/** Text Sheets would turn into a formula or an error value when typed. */
const FORMULA_OR_ESCAPE_START = /^\s*[=+\-@'#]/;
/** Numbers, dates, times, percentages and currencies all contain a digit; booleans are the only other re-parse. */
const DIGIT = /\d/;
const BOOLEAN_WORD = /^\s*(true|false)\s*$/i;

/** True when typed text would not be stored as the same text, so it needs a leading apostrophe. */
export function needsApostrophe(text: string): boolean {
  return FORMULA_OR_ESCAPE_START.test(text) || DIGIT.test(text) || BOOLEAN_WORD.test(text);
}

/** Cuts text to `max` characters including the marker, never splitting a surrogate pair. */
export function truncateText(text: string, max: number = MAX_CELL_CHARS): string {
  if (text.length <= max) return text;
  let cut = max - TRUNCATION_MARKER.length;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return text.slice(0, cut) + TRUNCATION_MARKER;
}

/** A string as it must be written: apostrophe-prefixed when needed, and short enough for one cell. */
export function safeText(text: string): string {
  if (text === '') return '';
  if (!needsApostrophe(text)) return truncateText(text);
  return `'${truncateText(text, MAX_CELL_CHARS - 1)}`;
}

/** True for Dates from any realm (the emulator runs the bundle in its own). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Any value as a cell Sheets will store exactly: text escaped, invalid numbers and dates left empty. */
export function safeCell(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return safeText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  if (isDate(value)) return Number.isNaN(value.getTime()) ? '' : value;
  return safeText(JSON.stringify(value) ?? '');
}

export function safeRow(values: readonly unknown[]): CellValue[] {
  return values.map(safeCell);
}

/** Throws SHEET_TOO_BIG before a write that would take the spreadsheet past Google's cell limit. */
export function checkCellBudget(currentCells: number, addedCells: number): void {
  const total = currentCells + addedCells;
  if (addedCells <= 0 || total <= MAX_SPREADSHEET_CELLS) return;
  throw new AppError('SHEET_TOO_BIG', { reason: 'grow', added: addedCells, total, max: MAX_SPREADSHEET_CELLS });
}
