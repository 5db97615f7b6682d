// The function library the emulator evaluates; any other name is #NAME?, as for an unknown function in Sheets.
import type { SheetData } from '../model/sheet-data';
import { matchesCriterion, parseCriterion } from './criteria';
import type { Evaluator } from './evaluate';
import type { Node } from './parse';
import {
  type Arg,
  compareValues,
  DateNum,
  ERR,
  FormulaError,
  isRange,
  numeric,
  type RangeArg,
  type Scalar,
  toBoolean,
  toNumber,
  toText,
} from './values';

type Fn = (args: Arg[], ev: Evaluator) => Scalar;

export function callFunction(name: string, nodes: Node[], sheet: SheetData, ev: Evaluator): Scalar {
  const arg = (i: number): Scalar => (i < nodes.length ? ev.scalar(ev.evaluate(nodes[i], sheet)) : null);
  if (name === 'IF') {
    const condition = toBoolean(arg(0));
    if (condition instanceof FormulaError) return condition;
    return condition ? arg(1) : nodes.length > 2 ? arg(2) : false;
  }
  if (name === 'IFERROR') {
    const value = arg(0);
    return value instanceof FormulaError ? (nodes.length > 1 ? arg(1) : '') : value;
  }
  const fn = FUNCTIONS[name];
  if (fn === undefined) return ERR.name;
  return fn(
    nodes.map((node) => ev.evaluate(node, sheet)),
    ev,
  );
}

/** Every value of the arguments: numbers from ranges only when numeric, scalars as given. */
function collect(args: Arg[], ev: Evaluator, visit: (value: Scalar, fromRange: boolean) => void): void {
  for (const arg of args) {
    if (isRange(arg)) ev.forEachInRange(arg, (value) => visit(value, true));
    else visit(arg, false);
  }
}

/** Numbers for SUM/AVERAGE/MIN/MAX: text and booleans in ranges are skipped, scalars are coerced. */
function numbers(args: Arg[], ev: Evaluator): { values: number[]; dateFormat?: string } | FormulaError {
  const values: number[] = [];
  let error: FormulaError | undefined;
  let dateFormat: string | undefined;
  collect(args, ev, (value, fromRange) => {
    if (value instanceof FormulaError) error ??= value;
    else if (value instanceof DateNum) dateFormat ??= value.format;
    const n = fromRange ? numeric(value) : value === null ? null : toNumber(value);
    if (n instanceof FormulaError) error ??= n;
    else if (n !== null) values.push(n);
  });
  return error ?? { values, dateFormat };
}

function aggregate(reduce: (values: number[]) => number | FormulaError, keepsDate: boolean): Fn {
  return (args, ev) => {
    const result = numbers(args, ev);
    if (result instanceof FormulaError) return result;
    const value = reduce(result.values);
    if (value instanceof FormulaError || !keepsDate || result.dateFormat === undefined) return value;
    return new DateNum(value, result.dateFormat);
  };
}

function count(test: (value: Scalar) => boolean): Fn {
  return (args, ev) => {
    let n = 0;
    collect(args, ev, (value) => {
      if (test(value)) n++;
    });
    return n;
  };
}

function countIf(args: Arg[], ev: Evaluator): Scalar {
  const [range, criterion] = args;
  if (!isRange(range)) return ERR.value;
  const test = parseCriterion(ev.scalar(criterion));
  let n = 0;
  ev.forEachInRange(range, (value) => {
    if (matchesCriterion(test, value)) n++;
  });
  return n;
}

function sumIf(args: Arg[], ev: Evaluator): Scalar {
  const [range, criterion, sumRange] = args;
  if (!isRange(range) || (sumRange !== undefined && !isRange(sumRange))) return ERR.value;
  const test = parseCriterion(ev.scalar(criterion));
  const target = (sumRange as RangeArg | undefined) ?? range;
  let total = 0;
  ev.forEachInRange(range, (value, r, c) => {
    if (!matchesCriterion(test, value)) return;
    const n = numeric(ev.cell(target.sheet, target.r1 + (r - range.r1), target.c1 + (c - range.c1)));
    if (n !== null) total += n;
  });
  return total;
}

function vlookup(args: Arg[], ev: Evaluator): Scalar {
  const [keyArg, table, indexArg, sortedArg] = args;
  const key = ev.scalar(keyArg);
  if (key instanceof FormulaError) return key;
  if (!isRange(table)) return ERR.value;
  const index = toNumber(ev.scalar(indexArg ?? null));
  if (index instanceof FormulaError) return index;
  if (index < 1) return ERR.value;
  if (table.c1 + index - 1 > table.c2) return ERR.ref;
  const sorted = sortedArg === undefined ? true : toBoolean(ev.scalar(sortedArg));
  if (sorted instanceof FormulaError) return sorted;
  const row = findRow(table, key, sorted, ev);
  return row < 0 ? ERR.na : ev.cell(table.sheet, row, table.c1 + index - 1);
}

/** Exact match: first equal key. Sorted: last row whose key is <= the search key (same type). */
function findRow(table: RangeArg, key: Scalar, sorted: boolean, ev: Evaluator): number {
  let found = -1;
  const lastRow = Math.min(table.r2, table.sheet.content.rowSpan() - 1);
  for (let r = table.r1; r <= lastRow; r++) {
    const value = ev.cell(table.sheet, r, table.c1);
    if (value === null || value instanceof FormulaError) continue;
    const sameType = typeof value === typeof key || (numeric(value) !== null && numeric(key) !== null);
    if (!sameType) continue;
    const order = compareValues(value, key);
    if (order === 0 && !sorted) return r;
    if (sorted && order <= 0) found = r;
    if (sorted && order > 0) break;
  }
  return found;
}

function len(args: Arg[], ev: Evaluator): Scalar {
  const text = toText(ev.scalar(args[0] ?? null));
  return text instanceof FormulaError ? text : text.length;
}

const FUNCTIONS: Record<string, Fn> = {
  SUM: aggregate((v) => v.reduce((a, b) => a + b, 0), false),
  AVERAGE: aggregate((v) => (v.length === 0 ? ERR.div0 : v.reduce((a, b) => a + b, 0) / v.length), false),
  MIN: aggregate((v) => (v.length === 0 ? 0 : v.reduce((a, b) => Math.min(a, b))), true),
  MAX: aggregate((v) => (v.length === 0 ? 0 : v.reduce((a, b) => Math.max(a, b))), true),
  COUNT: count((v) => numeric(v) !== null),
  COUNTA: count((v) => v !== null),
  COUNTIF: countIf,
  SUMIF: sumIf,
  VLOOKUP: vlookup,
  LEN: len,
};
