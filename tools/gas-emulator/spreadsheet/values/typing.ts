// Turns a value written by setValue/setValues/appendRow (or typed by a user) into what the cell stores.
import { isDate } from '../../context';
import { fail, MESSAGES } from '../errors';
import { normalizeFormula } from '../formula/tokens';
import { type CellContent, Formula, MAX_CELL_CHARS } from '../model/cell';
import { formatKind } from './number-format';
import { recogniseBoolean, recogniseDateTime, recogniseNumber } from './parse-text';
import { serialOfInstant } from './serial';

export interface TypingContext {
  /** The number format the cell already has (undefined = General). */
  cellFormat: string | undefined;
  timeZone: string;
  now: number;
  /**
   * Set by parseTyped: the format Sheets gives an unformatted cell for this input (dates, currency, percents…).
   * An out-field rather than a result object because setValues parses millions of cells.
   */
  autoFormat?: string;
}

export const DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';

/** The stored content for a written value (undefined = empty cell); sets `context.autoFormat`. */
export function parseTyped(input: unknown, context: TypingContext): CellContent | undefined {
  context.autoFormat = undefined;
  if (input === null || input === undefined || input === '') return undefined;
  switch (typeof input) {
    case 'string':
      return parseString(input, context);
    case 'number':
      if (!Number.isFinite(input)) fail(`Unsupported in the emulator: writing ${input} into a cell`);
      return input;
    case 'boolean':
      return input;
  }
  if (isDate(input)) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) fail('Unsupported in the emulator: writing an invalid Date into a cell');
    context.autoFormat = DATE_TIME_FORMAT;
    return serialOfInstant(ms, context.timeZone);
  }
  return fail(`Unsupported in the emulator: writing ${Array.isArray(input) ? 'an array' : 'an object'} into a cell`);
}

function parseString(text: string, context: TypingContext): CellContent | undefined {
  if (text.length > MAX_CELL_CHARS) fail(MESSAGES.cellTooLong);
  if (context.cellFormat !== undefined && formatKind(context.cellFormat) === 'text') return text;
  const first = text[0];
  if (first === "'") return text.length > 1 ? text.slice(1) : undefined;
  if (first === '=') return new Formula(normalizeFormula(text));
  const number = recogniseNumber(text);
  if (number !== null) {
    context.autoFormat = number.format;
    return number.value as number;
  }
  // Sheets reads a leading +, - or @ as the start of a formula; a parse failure then shows as #ERROR!.
  if (first === '+' || first === '-' || first === '@') return new Formula(normalizeFormula(`=${text}`));
  const bool = recogniseBoolean(text);
  if (bool !== null) return bool;
  const date = recogniseDateTime(text, context);
  if (date === null) return text;
  context.autoFormat = date.format;
  return date.value as number;
}
