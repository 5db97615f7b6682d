// Writes into rectangles of a sheet: typed values, formulas, number formats, notes, styles, and clearing.
import { dataDimensionMismatch, fail } from '../errors';
import { normalizeFormula } from '../formula/tokens';
import { parseTyped, type TypingContext } from '../values/typing';
import type { BookData } from './book';
import { type CellStyle, Formula, GENERAL } from './cell';
import type { Area } from './read';
import type { SheetData } from './sheet-data';

/** Google checks the row count first, then every row's length. */
export function checkDimensions(data: readonly (readonly unknown[])[], area: Area): void {
  if (data.length !== area.rows) fail(dataDimensionMismatch('rows', data.length, area.rows));
  for (const row of data) {
    if (row.length !== area.columns) fail(dataDimensionMismatch('columns', row.length, area.columns));
  }
}

/** Parses each value like typing (formulas, numbers, dates…) and stores it; an unformatted cell gets the auto format. */
export function writeTyped(
  book: BookData,
  sheet: SheetData,
  area: Area,
  data: readonly (readonly unknown[])[],
  now: number,
): void {
  const context: TypingContext = { cellFormat: undefined, timeZone: book.timeZone, now };
  for (let i = 0; i < area.rows; i++) {
    const r = area.row + i;
    const line = data[i];
    const formats = sheet.formats.row(r);
    let cells = sheet.content.row(r);
    for (let j = 0; j < area.columns; j++) {
      const c = area.column + j;
      context.cellFormat = formats?.[c];
      const content = parseTyped(line[j], context);
      if (content === undefined) {
        if (cells !== undefined && c < cells.length) cells[c] = undefined;
      } else {
        cells ??= sheet.content.writableRow(r);
        cells[c] = content;
        if (typeof content === 'object') sheet.hasFormulas = true;
      }
      if (context.autoFormat !== undefined && context.cellFormat === undefined)
        sheet.formats.set(r, c, context.autoFormat);
    }
  }
}

/** setFormula(s): text starting with '=' is stored as a formula whatever the cell's format; other text is typed. */
export function writeFormulas(
  book: BookData,
  sheet: SheetData,
  area: Area,
  data: readonly (readonly unknown[])[],
  now: number,
): void {
  for (let i = 0; i < area.rows; i++) {
    for (let j = 0; j < area.columns; j++) {
      const text = data[i][j];
      const cell = { row: area.row + i, column: area.column + j, rows: 1, columns: 1 };
      if (typeof text === 'string' && text.startsWith('='))
        sheet.setContent(cell.row, cell.column, new Formula(normalizeFormula(text)));
      else writeTyped(book, sheet, cell, [[text]], now);
    }
  }
}

/** Calls `write` for every cell of the area with the matching item of `data` (or `data` itself when not 2-D). */
function eachCell<T>(
  area: Area,
  data: T | readonly (readonly T[])[],
  grid: boolean,
  write: (r: number, c: number, value: T) => void,
): void {
  for (let i = 0; i < area.rows; i++) {
    for (let j = 0; j < area.columns; j++) {
      const value = grid ? (data as readonly (readonly T[])[])[i][j] : (data as T);
      write(area.row + i, area.column + j, value);
    }
  }
}

export function writeNumberFormats(
  sheet: SheetData,
  area: Area,
  formats: string | readonly (readonly string[])[],
): void {
  eachCell(area, formats, Array.isArray(formats), (r, c, format) => {
    sheet.formats.set(r, c, format === GENERAL || format === '' ? undefined : String(format));
  });
}

export function writeNotes(sheet: SheetData, area: Area, notes: string | readonly (readonly string[])[]): void {
  eachCell(area, notes, Array.isArray(notes), (r, c, note) => {
    sheet.notes.set(r, c, note === '' || note === null || note === undefined ? undefined : String(note));
  });
}

/** Merges one style property (or one per cell) into the style grid; null resets it. */
export function writeStyle(sheet: SheetData, area: Area, key: string, values: unknown, perCell: boolean): void {
  eachCell(area, values, perCell, (r, c, value) => {
    const current: Record<string, unknown> = { ...(sheet.styles.get(r, c) ?? {}) };
    if (value === null || value === undefined) delete current[key];
    else current[key] = value;
    sheet.styles.set(r, c, Object.keys(current).length === 0 ? undefined : (current as CellStyle));
  });
}

export interface ClearWhat {
  contents: boolean;
  formats: boolean;
  notes?: boolean;
}

export function clearArea(sheet: SheetData, area: Area, what: ClearWhat): void {
  const [r2, c2] = [area.row + area.rows - 1, area.column + area.columns - 1];
  if (what.contents) sheet.content.clear(area.row, area.column, r2, c2);
  if (what.formats) {
    sheet.formats.clear(area.row, area.column, r2, c2);
    sheet.styles.clear(area.row, area.column, r2, c2);
  }
  if (what.notes) sheet.notes.clear(area.row, area.column, r2, c2);
}
