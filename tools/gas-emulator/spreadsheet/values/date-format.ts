// Renders a serial under a Sheets date/time pattern (yyyy, mmm, d, h, mm, ss, AM/PM, quoted literals).
import { MONTH_NAMES as MONTHS } from '../../timezone';
import { type WallParts, wallParts } from './serial';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Token = { kind: 'y' | 'm' | 'd' | 'h' | 's' | 'minute'; width: number } | { kind: 'ampm'; text: string } | Literal;
type Literal = { kind: 'lit'; text: string };

const cache = new Map<string, Token[]>();

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    const lower = ch.toLowerCase();
    const ampm = /^(am\/pm|a\/p)/i.exec(pattern.slice(i));
    if (ampm) {
      tokens.push({ kind: 'ampm', text: ampm[0] });
      i += ampm[0].length;
    } else if ('ymdhs'.includes(lower)) {
      let width = 1;
      while (pattern[i + width]?.toLowerCase() === lower) width++;
      tokens.push({ kind: lower as 'y' | 'm' | 'd' | 'h' | 's', width });
      i += width;
    } else {
      const literal = readLiteral(pattern, i);
      tokens.push({ kind: 'lit', text: literal.text });
      i = literal.end;
    }
  }
  return resolveMinutes(tokens);
}

function readLiteral(pattern: string, i: number): { text: string; end: number } {
  if (pattern[i] === '"') {
    const close = pattern.indexOf('"', i + 1);
    const end = close < 0 ? pattern.length : close;
    return { text: pattern.slice(i + 1, end), end: end + 1 };
  }
  if (pattern[i] === '\\') return { text: pattern[i + 1] ?? '', end: i + 2 };
  return { text: pattern[i], end: i + 1 };
}

/** An 'm' run right after hours or right before seconds means minutes, as in Sheets. */
function resolveMinutes(tokens: Token[]): Token[] {
  const fields = tokens.filter((t) => t.kind !== 'lit');
  fields.forEach((token, index) => {
    if (token.kind !== 'm' || token.width > 2) return;
    if (fields[index - 1]?.kind === 'h' || fields[index + 1]?.kind === 's') (token as { kind: string }).kind = 'minute';
  });
  return tokens;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function renderField(token: Token, p: WallParts, twelveHour: boolean): string {
  switch (token.kind) {
    case 'y':
      return token.width <= 2 ? pad(p.year % 100, 2) : String(p.year);
    case 'm':
      if (token.width >= 5) return MONTHS[p.month - 1][0];
      if (token.width >= 3) return token.width === 3 ? MONTHS[p.month - 1].slice(0, 3) : MONTHS[p.month - 1];
      return pad(p.month, token.width);
    case 'd':
      if (token.width >= 3) return token.width === 3 ? WEEKDAYS[p.weekDay].slice(0, 3) : WEEKDAYS[p.weekDay];
      return pad(p.day, token.width);
    case 'h':
      return pad(twelveHour ? ((p.hour + 11) % 12) + 1 : p.hour, Math.min(token.width, 2));
    case 'minute':
      return pad(p.minute, Math.min(token.width, 2));
    case 's':
      return pad(p.second, Math.min(token.width, 2));
    case 'ampm':
      return renderAmPm(token.text, p.hour);
    default:
      return token.text;
  }
}

function renderAmPm(text: string, hour: number): string {
  const pm = hour >= 12;
  if (text.length === 3) return text.split('/')[pm ? 1 : 0];
  const word = pm ? 'PM' : 'AM';
  return text[0] === 'a' ? word.toLowerCase() : word;
}

export function formatDate(serial: number, pattern: string): string {
  let tokens = cache.get(pattern);
  if (tokens === undefined) {
    tokens = tokenize(pattern);
    cache.set(pattern, tokens);
  }
  const parts = wallParts(serial);
  const twelveHour = tokens.some((t) => t.kind === 'ampm');
  return tokens.map((token) => renderField(token, parts, twelveHour)).join('');
}
