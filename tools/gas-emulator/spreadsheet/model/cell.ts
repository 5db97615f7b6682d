// What a cell stores: a typed value or a formula's text, plus formats kept in separate grids.

/** A formula as typed, with its leading '='. Its value is computed on every read. */
export class Formula {
  constructor(readonly text: string) {}
}

/**
 * A stored cell value. Dates and times are serial numbers under a date/time number format, as in Sheets.
 * The only object among them is a Formula, so hot loops test `typeof content === 'object'` (no class lookup).
 */
export type CellContent = string | number | boolean | Formula;

/** Presentation properties (fontWeight, background…): kept so the playground can show them; never affect values. */
export type CellStyle = Readonly<Record<string, string | number | boolean | null>>;

export const MAX_CELL_CHARS = 50_000;
export const MAX_BOOK_CELLS = 10_000_000;
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const GENERAL = 'General';
