// Classifies Sheets number formats and renders numbers under them (General, 0.00, #,##0, 0%, "$"#,##0.00, 0.00E+00).

export type FormatKind = 'general' | 'text' | 'date' | 'number';

const kinds = new Map<string, FormatKind>();

/** General and unset formats are 'general'; '@' is plain text; anything with date/time letters is 'date'. */
export function formatKind(format: string | undefined): FormatKind {
  if (format === undefined) return 'general';
  let kind = kinds.get(format);
  if (kind === undefined) {
    kind = classify(format);
    kinds.set(format, kind);
  }
  return kind;
}

function classify(format: string): FormatKind {
  if (format === '' || format.toLowerCase() === 'general') return 'general';
  if (format === '@') return 'text';
  const bare = stripLiterals(format.split(';')[0]);
  return /[dmyhs]/i.test(bare) ? 'date' : 'number';
}

function stripLiterals(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '');
}

/** How Sheets shows a number in a General cell: integers as is, otherwise about 10 significant digits. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1e15 || abs < 1e-9) return exponential(value, 5, 2).replace(/\.?0+E/, 'E');
  return String(Number(value.toPrecision(10)));
}

function exponential(value: number, decimals: number, expDigits: number): string {
  const [mantissa, exponent] = value.toExponential(decimals).split('e');
  const exp = Number(exponent);
  return `${mantissa}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(expDigits, '0')}`;
}

interface NumberPattern {
  prefix: string;
  suffix: string;
  intZeros: number;
  grouping: boolean;
  minDecimals: number;
  maxDecimals: number;
  percent: number;
  expDigits: number;
}

const patterns = new Map<string, NumberPattern>();

/** Literal text at `i` (quoted, escaped, or a single ordinary character) and where it ends; '' for padding marks. */
function literalAt(section: string, i: number): { text: string; end: number } {
  const ch = section[i];
  if (ch === '"') {
    const close = section.indexOf('"', i + 1);
    return close < 0
      ? { text: section.slice(i + 1), end: section.length }
      : { text: section.slice(i + 1, close), end: close + 1 };
  }
  if (ch === '\\') return { text: section[i + 1] ?? '', end: i + 2 };
  if (ch === '[') return { text: '', end: Math.max(i, section.indexOf(']', i)) + 1 };
  if (ch === '_' || ch === '*') return { text: '', end: i + 2 };
  return { text: ch, end: i + 1 };
}

function emptyPattern(): NumberPattern {
  return {
    prefix: '',
    suffix: '',
    intZeros: 0,
    grouping: false,
    minDecimals: 0,
    maxDecimals: 0,
    percent: 0,
    expDigits: 0,
  };
}

function parseSection(section: string): NumberPattern {
  const p = emptyPattern();
  let seenDigit = false;
  let inDecimals = false;
  let i = 0;
  while (i < section.length) {
    const ch = section[i];
    if (ch === '0' || ch === '#' || ch === '?') {
      seenDigit = true;
      if (inDecimals) p.maxDecimals++;
      if (ch !== '#' && inDecimals) p.minDecimals++;
      else if (ch !== '#') p.intZeros++;
    } else if (ch === '.' && !inDecimals) {
      inDecimals = true;
      seenDigit = true;
    } else if (ch === ',' && seenDigit && !inDecimals) p.grouping = true;
    else if ((ch === 'E' || ch === 'e') && /[+-]/.test(section[i + 1] ?? '')) {
      const zeros = /^[0#]+/.exec(section.slice(i + 2))?.[0] ?? '';
      p.expDigits = Math.max(1, zeros.length);
      i += 1 + zeros.length;
    } else {
      const literal = literalAt(section, i);
      if (literal.text === '%') p.percent++;
      if (seenDigit) p.suffix += literal.text;
      else p.prefix += literal.text;
      i = literal.end;
      continue;
    }
    i++;
  }
  return p;
}

function renderFixed(abs: number, p: NumberPattern): string {
  const fixed = abs.toFixed(p.maxDecimals);
  let [intPart, decPart = ''] = fixed.split('.');
  while (decPart.length > p.minDecimals && decPart.endsWith('0')) decPart = decPart.slice(0, -1);
  if (intPart === '0' && p.intZeros === 0) intPart = '';
  intPart = intPart.padStart(p.intZeros, '0');
  if (p.grouping) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return decPart === '' ? intPart : `${intPart}.${decPart}`;
}

/** Renders `value` under a numeric format; sections are positive;negative;zero. */
export function formatNumber(value: number, format: string): string {
  const sections = format.split(';');
  let section = sections[0];
  let sign = value < 0 ? '-' : '';
  if (value < 0 && sections.length > 1) [section, sign] = [sections[1], ''];
  else if (value === 0 && sections.length > 2) section = sections[2];
  let p = patterns.get(section);
  if (p === undefined) {
    p = parseSection(section);
    patterns.set(section, p);
  }
  const abs = Math.abs(value) * 100 ** p.percent;
  const body = p.expDigits > 0 ? exponential(abs, p.maxDecimals, p.expDigits) : renderFixed(abs, p);
  return `${sign}${p.prefix}${body}${p.suffix}`;
}
