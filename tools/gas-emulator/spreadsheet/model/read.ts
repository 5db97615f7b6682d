// Reads rectangles of a sheet the way getValues/getDisplayValues/getFormulas/getNumberFormats return them.
import { Evaluator } from '../formula/evaluate';
import { DateNum, FormulaError, type Scalar } from '../formula/values';
import { formatDate } from '../values/date-format';
import { formatGeneral, formatKind, formatNumber } from '../values/number-format';
import { instantOfSerial } from '../values/serial';
import type { BookData } from './book';
import { type CellContent, GENERAL } from './cell';
import type { SheetData } from './sheet-data';

/** A rectangle, 0-based start and size. */
export interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

type MakeDate = (ms: number) => Date;

/** Reads each cell of `area` through `read`, row by row, without allocating per empty row. */
function mapArea<T>(
  sheet: SheetData,
  area: Area,
  read: (content: CellContent | undefined, format: string | undefined, r: number, c: number) => T,
): T[][] {
  const out: T[][] = new Array(area.rows);
  for (let i = 0; i < area.rows; i++) {
    const r = area.row + i;
    const cells = sheet.content.row(r);
    const formats = sheet.formats.row(r);
    const line: T[] = new Array(area.columns);
    for (let j = 0; j < area.columns; j++) {
      const c = area.column + j;
      line[j] = read(cells?.[c], formats?.[c], r, c);
    }
    out[i] = line;
  }
  return out;
}

/** The computed value of a cell and the format it shows under (a formula inherits a date source's format). */
export function cellScalar(ev: Evaluator, sheet: SheetData, r: number, c: number): { value: Scalar; format?: string } {
  const format = sheet.formats.get(r, c);
  const value = ev.cell(sheet, r, c);
  if (format === undefined && value instanceof DateNum) return { value, format: value.format };
  return { value, format };
}

/** What getValues returns for a computed value: '' for blank, Date for date/time formats, error codes as text. */
export function apiValue(value: Scalar, format: string | undefined, timeZone: string, makeDate: MakeDate): unknown {
  if (value === null) return '';
  if (value instanceof FormulaError) return value.code;
  const n = value instanceof DateNum ? value.serial : value;
  if (typeof n !== 'number') return n;
  return format !== undefined && formatKind(format) === 'date' ? makeDate(instantOfSerial(n, timeZone)) : n;
}

export function readValues(book: BookData, sheet: SheetData, area: Area, makeDate: MakeDate): unknown[][] {
  let ev: Evaluator | undefined;
  const out: unknown[][] = new Array(area.rows);
  // A direct loop rather than mapArea: this is the hot path for 100,000-row reads.
  for (let i = 0; i < area.rows; i++) {
    const r = area.row + i;
    const cells = sheet.content.row(r);
    const formats = sheet.formats.row(r);
    const line: unknown[] = new Array(area.columns);
    for (let j = 0; j < area.columns; j++) {
      const c = area.column + j;
      const content = cells?.[c];
      if (content === undefined) line[j] = '';
      else if (typeof content === 'object') {
        ev ??= new Evaluator(book);
        const computed = cellScalar(ev, sheet, r, c);
        line[j] = apiValue(computed.value, computed.format, book.timeZone, makeDate);
      } else line[j] = typeof content === 'number' ? apiValue(content, formats?.[c], book.timeZone, makeDate) : content;
    }
    out[i] = line;
  }
  return out;
}

/** The text Sheets shows for a computed value under `format`. */
export function displayText(value: Scalar, format: string | undefined): string {
  if (value === null) return '';
  if (value instanceof FormulaError) return value.code;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const n = value instanceof DateNum ? value.serial : value;
  const kind = formatKind(format);
  if (kind === 'date') return formatDate(n, format as string);
  if (kind === 'number') return formatNumber(n, format as string);
  return formatGeneral(n);
}

export function readDisplayValues(book: BookData, sheet: SheetData, area: Area): string[][] {
  let ev: Evaluator | undefined;
  return mapArea(sheet, area, (content, _format, r, c) => {
    if (content === undefined) return '';
    if (typeof content === 'string') return content;
    ev ??= new Evaluator(book);
    const computed = cellScalar(ev, sheet, r, c);
    return displayText(computed.value, computed.format);
  });
}

export function readFormulas(sheet: SheetData, area: Area): string[][] {
  return mapArea(sheet, area, (content) => (typeof content === 'object' ? content.text : ''));
}

export function readNumberFormats(sheet: SheetData, area: Area): string[][] {
  return mapArea(sheet, area, (_content, format) => format ?? GENERAL);
}

export function readNotes(sheet: SheetData, area: Area): string[][] {
  return mapArea(sheet, area, (_content, _format, r, c) => sheet.notes.get(r, c) ?? '');
}

export function isAreaBlank(sheet: SheetData, area: Area): boolean {
  for (let r = area.row; r < area.row + area.rows; r++) {
    for (let c = area.column; c < area.column + area.columns; c++) {
      if (sheet.content.get(r, c) !== undefined) return false;
    }
  }
  return true;
}
