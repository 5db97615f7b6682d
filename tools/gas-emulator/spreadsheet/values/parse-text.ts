// Recognises what Sheets (en_US locale) turns typed text into: numbers, percents, currency, booleans, dates, times.
import { currentYear, serialOf } from './serial';

export interface Recognised {
  value: number | boolean;
  /** The number format Sheets applies to an unformatted cell for this kind of input. */
  format?: string;
}

const NUMBER = /^([+-])?(\$)?(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?(%)?$/;

/** Numbers start with a digit, a sign, a decimal point, a currency sign or spaces. */
const NUMBER_START = /^[\s\d+\-.$]/;

export function recogniseNumber(text: string): Recognised | null {
  if (!NUMBER_START.test(text)) return null;
  const m = NUMBER.exec(text.trim());
  if (m === null) return null;
  const [, sign, currency, intPart, decimals, exponent, percent] = m;
  if (intPart === '' && (decimals === undefined || decimals === '')) return null;
  if (currency && (percent || exponent !== undefined)) return null;
  const digits = `${intPart.replace(/,/g, '') || '0'}.${decimals ?? ''}`;
  let value = Number(digits) * 10 ** Number(exponent ?? 0);
  if (percent) value /= 100;
  if (sign === '-') value = -value;
  return { value, format: numberFormatFor(intPart.includes(','), decimals, currency, percent, exponent) };
}

function numberFormatFor(
  grouped: boolean,
  decimals: string | undefined,
  currency: string | undefined,
  percent: string | undefined,
  exponent: string | undefined,
): string | undefined {
  const hasDecimals = decimals !== undefined && decimals !== '';
  if (currency) return '"$"#,##0.00';
  if (percent) return hasDecimals ? '0.00%' : '0%';
  if (exponent !== undefined) return '0.00E+00';
  if (grouped) return hasDecimals ? '#,##0.00' : '#,##0';
  return undefined;
}

export function recogniseBoolean(text: string): boolean | null {
  const trimmed = text.length <= 5 ? text : text.trim();
  if (trimmed.length !== 4 && trimmed.length !== 5) return null;
  const t = trimmed.toUpperCase();
  return t === 'TRUE' ? true : t === 'FALSE' ? false : null;
}

const MONTH_NAMES =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const TIME = '(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*([ap]m)?';
const ISO_DATE = new RegExp(`^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[ T]${TIME})?$`, 'i');
const US_DATE = new RegExp(`^(\\d{1,2})([/-])(\\d{1,2})(?:\\2(\\d{4}|\\d{2}))?(?:\\s+${TIME})?$`, 'i');
const NAMED_MONTH_FIRST = new RegExp(`^(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?$`, 'i');
const NAMED_DAY_FIRST = new RegExp(`^(\\d{1,2})[\\s-](${MONTH_NAMES})\\.?(?:[\\s,-]+(\\d{4}))?$`, 'i');
const TIME_ONLY = new RegExp(`^${TIME}$`, 'i');
const DATE_START = new RegExp(`^(?:\\d|(?:${MONTH_NAMES})\\b)`, 'i');

interface Clock {
  now: number;
  timeZone: string;
}

/** Dates become serials at midnight on the wall clock, i.e. midnight in the spreadsheet's zone. */
export function recogniseDateTime(text: string, clock: Clock): Recognised | null {
  const t = text.trim();
  if (!DATE_START.test(t)) return null;
  let m = ISO_DATE.exec(t);
  if (m) return dated(+m[1], +m[2], +m[3], m.slice(4, 8), 'yyyy-mm-dd');
  m = US_DATE.exec(t);
  if (m) {
    const year = m[4] === undefined ? currentYear(clock.now, clock.timeZone) : fullYear(m[4]);
    return dated(year, +m[1], +m[3], m.slice(5, 9), m[4] === undefined ? 'M/d' : 'M/d/yyyy');
  }
  m = NAMED_MONTH_FIRST.exec(t);
  if (m) return dated(yearOr(m[3], clock), monthNumber(m[1]), +m[2], [], 'mmm d, yyyy');
  m = NAMED_DAY_FIRST.exec(t);
  if (m) return dated(yearOr(m[3], clock), monthNumber(m[2]), +m[1], [], 'd mmm yyyy');
  m = TIME_ONLY.exec(t);
  if (m) {
    const seconds = timeOfDay(m.slice(1, 5));
    return seconds === null ? null : { value: seconds / 86_400, format: m[4] ? 'h:mm:ss am/pm' : 'H:mm:ss' };
  }
  return null;
}

function dated(year: number, month: number, day: number, time: string[], dateFormat: string): Recognised | null {
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const hasTime = time[0] !== undefined;
  const seconds = hasTime ? timeOfDay(time) : 0;
  if (seconds === null) return null;
  const value = serialOf(year, month, day) + seconds / 86_400;
  return { value, format: hasTime ? `${dateFormat} H:mm:ss` : dateFormat };
}

function timeOfDay([hours, minutes, seconds, meridiem]: string[]): number | null {
  let h = Number(hours);
  const min = Number(minutes);
  const s = Number(seconds ?? 0);
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (h > 23 || min > 59 || s > 59) return null;
  return h * 3600 + min * 60 + s;
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

function yearOr(text: string | undefined, clock: Clock): number {
  return text === undefined ? currentYear(clock.now, clock.timeZone) : Number(text);
}

function monthNumber(name: string): number {
  return 'janfebmaraprmayjunjulaugsepoctnovdec'.indexOf(name.slice(0, 3).toLowerCase()) / 3 + 1;
}
