// Rewrites references inside formula text as Sheets does when rows/columns move, sheets are renamed or deleted, or a formula is copied.
import { type Ref, renderRef, tokenize } from './tokens';

/** Maps one ref whose target sheet is `target`: undefined leaves it, null turns it into #REF!. */
export type RefMap = (ref: Ref, target: string) => Ref | null | undefined;
export type Axis = 'row' | 'column';

/** Returns the formula with every mapped reference rewritten (the same string when nothing changed). */
export function rewriteFormula(text: string, hostSheet: string, map: RefMap): string {
  let changed = false;
  const parts = tokenize(text.slice(1)).map((token) => {
    if (token.kind !== 'ref') return token.text;
    const mapped = map(token.ref, token.ref.sheet ?? hostSheet);
    if (mapped === undefined) return token.text;
    changed = true;
    return mapped === null ? '#REF!' : renderRef(mapped);
  });
  return changed ? `=${parts.join('')}` : text;
}

function sameSheet(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function keys(axis: Axis): ['r1' | 'c1', 'r2' | 'c2'] {
  return axis === 'row' ? ['r1', 'r2'] : ['c1', 'c2'];
}

/** `count` rows/columns inserted so that the first new one has 1-based index `at`. */
export function shiftForInsert(axis: Axis, sheet: string, at: number, count: number): RefMap {
  const [k1, k2] = keys(axis);
  const shift = (v: number | null) => (v !== null && v >= at ? v + count : v);
  return (ref, target) => {
    if (!sameSheet(target, sheet)) return undefined;
    const [a, b] = [shift(ref[k1]), shift(ref[k2])];
    return a === ref[k1] && b === ref[k2] ? undefined : { ...ref, [k1]: a, [k2]: b };
  };
}

/** Rows/columns at..at+count-1 (1-based) deleted: later ones move up, ranges shrink, lost cells become #REF!. */
export function shiftForDelete(axis: Axis, sheet: string, at: number, count: number): RefMap {
  const [k1, k2] = keys(axis);
  const end = at + count - 1;
  const moveStart = (v: number) => (v < at ? v : v > end ? v - count : at);
  const moveEnd = (v: number) => (v < at ? v : v > end ? v - count : at - 1);
  return (ref, target) => {
    if (!sameSheet(target, sheet)) return undefined;
    const a = ref[k1];
    const b = ref[k2];
    if (a === null) return undefined;
    if (b === null) return a >= at ? { ...ref, [k1]: moveStart(a) } : undefined;
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    if (lo >= at && hi <= end) return null;
    const [newLo, newHi] = [moveStart(lo), moveEnd(hi)];
    return newLo === lo && newHi === hi ? undefined : { ...ref, [k1]: newLo, [k2]: newHi };
  };
}

export function renameSheet(oldName: string, newName: string): RefMap {
  return (ref) => (ref.sheet !== null && sameSheet(ref.sheet, oldName) ? { ...ref, sheet: newName } : undefined);
}

export function deleteSheet(name: string): RefMap {
  return (ref) => (ref.sheet !== null && sameSheet(ref.sheet, name) ? null : undefined);
}

/** A formula copied `rows` down and `columns` right: relative parts move, absolute ($) parts stay. */
export function copyOffset(rows: number, columns: number): RefMap {
  const move = (v: number | null, absolute: boolean, delta: number) => (v === null || absolute ? v : v + delta);
  return (ref) => {
    if (rows === 0 && columns === 0) return undefined;
    const moved: Ref = {
      ...ref,
      r1: move(ref.r1, ref.absR1, rows),
      r2: move(ref.r2, ref.absR2, rows),
      c1: move(ref.c1, ref.absC1, columns),
      c2: move(ref.c2, ref.absC2, columns),
    };
    const values = [moved.r1, moved.r2, moved.c1, moved.c2];
    return values.some((v) => v !== null && v < 1) ? null : moved;
  };
}
