// Computes formula values on read (no caching across calls): references, operators and a small function library.
import { fail } from '../errors';
import type { BookData } from '../model/book';
import type { Formula } from '../model/cell';
import type { SheetData } from '../model/sheet-data';
import { formatKind } from '../values/number-format';
import { callFunction } from './functions';
import { type Node, parseFormula } from './parse';
import type { Ref } from './tokens';
import {
  type Arg,
  compareValues,
  DateNum,
  ERR,
  FormulaError,
  isRange,
  type RangeArg,
  type Scalar,
  toNumber,
  toText,
} from './values';

const MAX_DEPTH = 1500;
const COMPARISONS: Record<string, (c: number) => boolean> = {
  '=': (c) => c === 0,
  '<>': (c) => c !== 0,
  '<': (c) => c < 0,
  '>': (c) => c > 0,
  '<=': (c) => c <= 0,
  '>=': (c) => c >= 0,
};

/** Evaluates cells of one book for the duration of one read; memoises within that read. */
export class Evaluator {
  private readonly visiting = new Set<string>();
  private readonly memo = new Map<SheetData, Map<number, Scalar>>();

  constructor(readonly book: BookData) {}

  /** The value of a cell (0-based) as formulas see it: blank is null, date cells are DateNum. */
  cell(sheet: SheetData, row: number, column: number): Scalar {
    const content = sheet.content.get(row, column);
    if (content === undefined) return null;
    if (typeof content === 'object') return this.formulaCell(sheet, row, column, content);
    if (typeof content === 'number') {
      const format = sheet.formats.get(row, column);
      return format !== undefined && formatKind(format) === 'date' ? new DateNum(content, format) : content;
    }
    return content;
  }

  private formulaCell(sheet: SheetData, row: number, column: number, formula: Formula): Scalar {
    let sheetMemo = this.memo.get(sheet);
    if (sheetMemo === undefined) {
      sheetMemo = new Map();
      this.memo.set(sheet, sheetMemo);
    }
    const memoKey = row * 32768 + column;
    const known = sheetMemo.get(memoKey);
    if (known !== undefined) return known;
    const key = `${sheet.sheetId}:${memoKey}`;
    if (this.visiting.has(key)) return ERR.ref; // circular dependency
    if (this.visiting.size > MAX_DEPTH) fail('Unsupported in the emulator: a formula dependency chain this deep');
    this.visiting.add(key);
    try {
      const value = this.formula(formula.text, sheet);
      sheetMemo.set(memoKey, value);
      return value;
    } finally {
      this.visiting.delete(key);
    }
  }

  /** The value of formula text as if it sat in `sheet` (#ERROR! when it does not parse). */
  formula(text: string, sheet: SheetData): Scalar {
    const node = parseFormula(text);
    if (node === null) return ERR.error;
    return this.scalar(this.evaluate(node, sheet));
  }

  /** A range used where one value is expected: a single cell gives its value, anything larger #VALUE!. */
  scalar(arg: Arg): Scalar {
    if (!isRange(arg)) return arg;
    if (arg.r1 === arg.r2 && arg.c1 === arg.c2) return this.cell(arg.sheet, arg.r1, arg.c1);
    return ERR.value;
  }

  evaluate(node: Node, sheet: SheetData): Arg {
    switch (node.t) {
      case 'lit':
        return node.v;
      case 'ref':
        return this.reference(node.ref, sheet);
      case 'name':
        return ERR.name;
      case 'neg':
        return negate(this.scalar(this.evaluate(node.a, sheet)));
      case 'pct': {
        const n = toNumber(this.scalar(this.evaluate(node.a, sheet)));
        return n instanceof FormulaError ? n : n / 100;
      }
      case 'bin':
        return binary(node.op, this.scalar(this.evaluate(node.a, sheet)), this.scalar(this.evaluate(node.b, sheet)));
      case 'call':
        return callFunction(node.name, node.args, sheet, this);
    }
  }

  private reference(ref: Ref, sheet: SheetData): Arg {
    const target = ref.sheet === null ? sheet : this.book.sheetForRef(ref.sheet);
    if (target === undefined) return ERR.ref;
    const r1 = (ref.r1 ?? 1) - 1;
    const c1 = (ref.c1 ?? 1) - 1;
    const r2 = (ref.r2 ?? target.maxRows) - 1;
    const c2 = (ref.c2 ?? target.maxColumns) - 1;
    if (Math.max(r1, r2) >= target.maxRows || Math.max(c1, c2) >= target.maxColumns) return ERR.ref;
    if (!ref.range) return this.cell(target, r1, c1);
    const range: RangeArg = {
      kind: 'range',
      sheet: target,
      r1: Math.min(r1, r2),
      c1: Math.min(c1, c2),
      r2: Math.max(r1, r2),
      c2: Math.max(c1, c2),
    };
    return range;
  }

  /** Visits each value of a range row by row; blanks beyond the stored content are skipped. */
  forEachInRange(range: RangeArg, visit: (value: Scalar, row: number, column: number) => void): void {
    const lastRow = Math.min(range.r2, range.sheet.content.rowSpan() - 1);
    for (let r = range.r1; r <= lastRow; r++) {
      const cells = range.sheet.content.row(r);
      const lastColumn = Math.min(range.c2, (cells?.length ?? 0) - 1);
      for (let c = range.c1; c <= lastColumn; c++) visit(this.cell(range.sheet, r, c), r, c);
    }
  }
}

function negate(value: Scalar): Scalar {
  const n = toNumber(value);
  return n instanceof FormulaError ? n : -n;
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  const compare = COMPARISONS[op];
  if (compare !== undefined) return compare(compareValues(a, b));
  if (op === '&') return (toText(a) as string) + (toText(b) as string);
  const x = toNumber(a);
  const y = toNumber(b);
  if (x instanceof FormulaError) return x;
  if (y instanceof FormulaError) return y;
  return arithmetic(op, x, y, a, b);
}

function arithmetic(op: string, x: number, y: number, a: Scalar, b: Scalar): Scalar {
  const dateA = a instanceof DateNum ? a : null;
  const dateB = b instanceof DateNum ? b : null;
  switch (op) {
    case '+':
      return dated(x + y, dateA ?? dateB, dateA !== null && dateB !== null);
    case '-':
      return dated(x - y, dateA, dateB !== null);
    case '*':
      return x * y;
    case '/':
      return y === 0 ? ERR.div0 : x / y;
    default: {
      const power = x ** y;
      return Number.isFinite(power) ? power : ERR.num;
    }
  }
}

/** date ± days stays a date; date - date (or date + date) is a plain number. */
function dated(value: number, source: DateNum | null, bothDates: boolean): Scalar {
  return source !== null && !bothDates ? new DateNum(value, source.format) : value;
}
