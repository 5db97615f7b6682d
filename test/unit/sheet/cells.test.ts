// Cell safety: Lever strings are stored as the same text, never as formulas, numbers, dates or booleans.
import { AppError } from '../../../src/errors';
import {
  checkCellBudget,
  MAX_CELL_CHARS,
  needsApostrophe,
  safeCell,
  safeRow,
  safeText,
  TRUNCATION_MARKER,
  truncateText,
} from '../../../src/sheet/cells';
import { parseTyped } from './fake-workbook';

const ADVERSARIAL = [
  '=HYPERLINK("http://x","y")',
  '+44 London',
  '-internal',
  '@ceo',
  '001',
  '3/4',
  '50%',
  '$2.99',
  '1e5',
  'TRUE',
  ' false ',
  "'quoted'",
  '#N/A',
  '2024-03-05',
  '12:30',
  '-5',
  '=1+1',
];

describe('safeText', () => {
  it.each(ADVERSARIAL)('stores %p as exactly that text', (text) => {
    expect(needsApostrophe(text)).toBe(true);
    expect(parseTyped(safeText(text))).toBe(text);
  });

  it.each(['Priya Raman', 'Zoë Ōkubo 山田', 'Engineering, Platform', 'line one\nline two', 'emoji 🎉 ok'])(
    'leaves plain text %p unchanged',
    (text) => {
      expect(safeText(text)).toBe(text);
      expect(parseTyped(safeText(text))).toBe(text);
    },
  );

  it('keeps empty strings empty', () => {
    expect(safeText('')).toBe('');
  });
});

describe('truncation', () => {
  it('cuts text over the cell limit and marks it', () => {
    const long = 'a'.repeat(MAX_CELL_CHARS + 10);
    const cut = truncateText(long);
    expect(cut.length).toBe(MAX_CELL_CHARS);
    expect(cut.endsWith(TRUNCATION_MARKER)).toBe(true);
  });

  it('counts the apostrophe toward the limit', () => {
    const long = `=${'b'.repeat(MAX_CELL_CHARS)}`;
    const safe = safeText(long);
    expect(safe.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(safe.startsWith("'=")).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    // A cut after 21 code units would fall between the halves of the first emoji.
    const cut = truncateText(`${'x'.repeat(20)}${'🎉'.repeat(40)}`, 21 + TRUNCATION_MARKER.length);
    expect(cut.slice(0, -TRUNCATION_MARKER.length)).toBe('x'.repeat(20));
  });
});

describe('safeCell', () => {
  it('keeps numbers, booleans and valid dates, and empties the rest', () => {
    const date = new Date(Date.UTC(2025, 0, 1));
    expect(safeRow([3, false, date, null, undefined, Number.NaN, new Date(Number.NaN)])).toEqual([
      3,
      false,
      date,
      '',
      '',
      '',
      '',
    ]);
  });

  it('turns stray objects into escaped text rather than failing the write', () => {
    expect(safeCell({ a: 1 })).toBe(`'{"a":1}`);
  });
});

describe('checkCellBudget', () => {
  it('allows writes up to the limit and refuses beyond it with the numbers', () => {
    expect(() => checkCellBudget(9_000_000, 1_000_000)).not.toThrow();
    try {
      checkCellBudget(9_500_000, 600_000);
      throw new Error('expected SHEET_TOO_BIG');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('SHEET_TOO_BIG');
      expect((error as AppError).message).toContain('600,000');
      expect((error as AppError).message).toContain('10,100,000');
    }
  });
});
