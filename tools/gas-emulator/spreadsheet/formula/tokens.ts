// Splits formula text into tokens; cell and range references become structured refs that can be re-rendered.
import { columnLetters, columnNumber } from './a1';

/** A reference as written. Rows and columns are 1-based; null means open (A:A has no rows, 2:5 no columns). */
export interface Ref {
  sheet: string | null;
  r1: number | null;
  c1: number | null;
  r2: number | null;
  c2: number | null;
  absR1: boolean;
  absC1: boolean;
  absR2: boolean;
  absC2: boolean;
  /** Written with a colon (A1:A1 stays a range). */
  range: boolean;
}

export type Token =
  | { kind: 'ref'; text: string; ref: Ref }
  | { kind: 'num'; text: string; value: number }
  | { kind: 'str'; text: string; value: string }
  | { kind: 'func' | 'name' | 'err' | 'op' | 'ws' | 'bad'; text: string }
  | { kind: '(' | ')' | ','; text: string };

const SHEET_PREFIX = /^(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*))!/;
const CELL = '(\\$?)([A-Za-z]{1,3})(\\$?)(\\d+)';
const AREA = new RegExp(`^${CELL}(?::${CELL})?`);
const OPEN_AREA = new RegExp(`^${CELL}:(\\$?)([A-Za-z]{1,3})(?![\\w.])`);
const COLUMNS = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w.(])/;
const ROWS = /^(\$?)(\d+):(\$?)(\d+)(?![\w.])/;
const ERROR = /^#(?:REF!|NAME\?|N\/A|VALUE!|DIV\/0!|NUM!|NULL!|ERROR!)/i;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const IDENT = /^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*/;
const OPERATORS = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '&', '=', '<', '>', '%', '@', ':'];

/** Tokens of a formula body (the text after '='). Never throws: unknown characters become 'bad' tokens. */
export function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < body.length) {
    const token = readToken(body.slice(i));
    tokens.push(token);
    i += token.text.length;
  }
  return tokens;
}

function readToken(rest: string): Token {
  const ch = rest[0];
  if (/\s/.test(ch)) return { kind: 'ws', text: /^\s+/.exec(rest)![0] };
  if (ch === '"') return readString(rest);
  if (ch === '(' || ch === ')' || ch === ',') return { kind: ch, text: ch };
  const ref = readRef(rest);
  if (ref) return ref;
  const error = ERROR.exec(rest);
  if (error) return { kind: 'err', text: error[0] };
  const number = NUMBER.exec(rest);
  if (number) return { kind: 'num', text: number[0], value: Number(number[0]) };
  const ident = IDENT.exec(rest);
  if (ident) return { kind: /^\s*\(/.test(rest.slice(ident[0].length)) ? 'func' : 'name', text: ident[0] };
  const op = OPERATORS.find((o) => rest.startsWith(o));
  return op ? { kind: 'op', text: op } : { kind: 'bad', text: ch };
}

function readString(rest: string): Token {
  let i = 1;
  let value = '';
  while (i < rest.length) {
    if (rest[i] === '"') {
      if (rest[i + 1] !== '"') return { kind: 'str', text: rest.slice(0, i + 1), value };
      i++;
    }
    value += rest[i++];
  }
  return { kind: 'bad', text: rest };
}

function readRef(rest: string): Token | null {
  const prefix = SHEET_PREFIX.exec(rest);
  const sheet = prefix ? (prefix[1] !== undefined ? prefix[1].replace(/''/g, "'") : prefix[2]) : null;
  const body = prefix ? rest.slice(prefix[0].length) : rest;
  const parsed = parseArea(body);
  if (parsed === null) return null;
  const after = body.slice(parsed.length);
  if (/^[\w.]/.test(after) || (!prefix && /^\s*\(/.test(after))) return null;
  return { kind: 'ref', text: (prefix?.[0] ?? '') + body.slice(0, parsed.length), ref: { ...parsed.ref, sheet } };
}

function parseArea(body: string): { ref: Omit<Ref, 'sheet'>; length: number } | null {
  let m = COLUMNS.exec(body);
  if (m) return area(m[0], null, false, col(m[2]), !!m[1], null, false, col(m[4]), !!m[3]);
  m = ROWS.exec(body);
  if (m) return area(m[0], +m[2], !!m[1], null, false, +m[4], !!m[3], null, false);
  m = OPEN_AREA.exec(body);
  if (m) return area(m[0], +m[4], !!m[3], col(m[2]), !!m[1], null, false, col(m[6]), !!m[5]);
  m = AREA.exec(body);
  if (!m || +m[4] < 1) return null;
  if (m[5] === undefined) return { ref: cell(+m[4], !!m[3], col(m[2]), !!m[1]), length: m[0].length };
  return area(m[0], +m[4], !!m[3], col(m[2]), !!m[1], +m[8], !!m[7], col(m[6]), !!m[5]);
}

function col(letters: string): number {
  return columnNumber(letters);
}

function cell(r: number, absR: boolean, c: number, absC: boolean): Omit<Ref, 'sheet'> {
  return { r1: r, c1: c, r2: r, c2: c, absR1: absR, absC1: absC, absR2: absR, absC2: absC, range: false };
}

function area(
  text: string,
  r1: number | null,
  absR1: boolean,
  c1: number | null,
  absC1: boolean,
  r2: number | null,
  absR2: boolean,
  c2: number | null,
  absC2: boolean,
): { ref: Omit<Ref, 'sheet'>; length: number } {
  return { ref: { r1, c1, r2, c2, absR1, absC1, absR2, absC2, range: true }, length: text.length };
}

/** Renders a ref as Sheets writes it (upper-case columns, sheet names quoted when needed). */
export function renderRef(ref: Ref): string {
  const prefix = ref.sheet === null ? '' : `${quoteSheetName(ref.sheet)}!`;
  const first = part(ref.r1, ref.absR1, ref.c1, ref.absC1);
  return ref.range ? `${prefix}${first}:${part(ref.r2, ref.absR2, ref.c2, ref.absC2)}` : prefix + first;
}

function part(row: number | null, absRow: boolean, column: number | null, absColumn: boolean): string {
  const c = column === null ? '' : (absColumn ? '$' : '') + columnLetters(column);
  const r = row === null ? '' : (absRow ? '$' : '') + row;
  return c + r;
}

export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Upper-cases function names and references the way Sheets shows a typed formula. */
export function normalizeFormula(text: string): string {
  const tokens = tokenize(text.slice(1));
  return `=${tokens.map(normalizedText).join('')}`;
}

function normalizedText(token: Token): string {
  if (token.kind === 'func' || token.kind === 'err') return token.text.toUpperCase();
  if (token.kind === 'name' && /^(true|false)$/i.test(token.text)) return token.text.toUpperCase();
  if (token.kind === 'ref') return renderRef(token.ref);
  return token.text;
}
