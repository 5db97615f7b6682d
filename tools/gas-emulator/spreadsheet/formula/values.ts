// Values inside formula evaluation (errors, dates-as-serials, ranges) and Sheets' coercion and comparison rules.
import type { SheetData } from '../model/sheet-data';
import { formatGeneral } from '../values/number-format';

export class FormulaError {
  constructor(readonly code: string) {}
}

export const ERR = {
  ref: new FormulaError('#REF!'),
  name: new FormulaError('#NAME?'),
  value: new FormulaError('#VALUE!'),
  div0: new FormulaError('#DIV/0!'),
  na: new FormulaError('#N/A'),
  num: new FormulaError('#NUM!'),
  error: new FormulaError('#ERROR!'),
} as const;

/** A number that came from a date/time cell; it keeps the cell's format so the result reads back as a Date. */
export class DateNum {
  constructor(
    readonly serial: number,
    readonly format: string,
  ) {}
}

/** null is a blank cell. */
export type Scalar = number | string | boolean | null | FormulaError | DateNum;

/** A rectangle of a sheet, 0-based and inclusive. */
export interface RangeArg {
  readonly kind: 'range';
  readonly sheet: SheetData;
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

export type Arg = Scalar | RangeArg;

export function isRange(value: unknown): value is RangeArg {
  return typeof value === 'object' && value !== null && (value as RangeArg).kind === 'range';
}

export function numeric(value: Scalar): number | null {
  if (typeof value === 'number') return value;
  return value instanceof DateNum ? value.serial : null;
}

export function toNumber(value: Scalar): number | FormulaError {
  if (value instanceof FormulaError) return value;
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return 0;
    const n = Number(trimmed);
    return Number.isFinite(n) ? n : ERR.value;
  }
  return numeric(value) as number;
}

export function toText(value: Scalar): string | FormulaError {
  if (value instanceof FormulaError) return value;
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  return formatGeneral(numeric(value) as number);
}

export function toBoolean(value: Scalar): boolean | FormulaError {
  if (value instanceof FormulaError) return value;
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const upper = value.toUpperCase();
    return upper === 'TRUE' ? true : upper === 'FALSE' ? false : ERR.value;
  }
  return numeric(value) !== 0;
}

function rank(value: Scalar): number {
  if (typeof value === 'string') return 2;
  if (typeof value === 'boolean') return 3;
  return 1;
}

/** Sheets' ordering: numbers < text (case-insensitive) < booleans; a blank equals 0, '' and FALSE. */
export function compareValues(a: Scalar, b: Scalar): number {
  const [x, y] = [a ?? blankLike(b), b ?? blankLike(a)];
  const [rx, ry] = [rank(x), rank(y)];
  if (rx !== ry) return rx - ry;
  if (rx === 1) return (numeric(x) as number) - (numeric(y) as number);
  if (rx === 3) return Number(x) - Number(y);
  const [sx, sy] = [(x as string).toLowerCase(), (y as string).toLowerCase()];
  return sx < sy ? -1 : sx > sy ? 1 : 0;
}

function blankLike(other: Scalar): Scalar {
  if (typeof other === 'string') return '';
  if (typeof other === 'boolean') return false;
  return 0;
}
