// Parses the option arguments of Range.copyTo and Range.sort.
import { fail, MESSAGES } from '../errors';
import type { BookData } from '../model/book';
import type { CopyOptions, SortKey } from '../model/copy-sort';
import type { Area } from '../model/read';
import { expectArgs, isInteger } from './args';
import { RangeApi } from './range';

export function parseCopyOptions(
  method: string,
  destination: unknown,
  options: unknown,
  book: BookData,
): { destination: RangeApi; options: CopyOptions } {
  const args = options === undefined ? [destination] : [destination, options];
  expectArgs(method, args, destination instanceof RangeApi && (options === undefined || typeof options === 'object'));
  const target = destination as RangeApi;
  if (target._book !== book) fail(MESSAGES.sameSpreadsheet);
  const o = (options ?? {}) as Record<string, unknown>;
  const unknownKey = Object.keys(o).find((key) => key !== 'contentsOnly' && key !== 'formatOnly');
  if (unknownKey !== undefined) fail(`Unsupported in the emulator: ${method} option ${unknownKey}`);
  return { destination: target, options: { contentsOnly: o.contentsOnly === true, formatOnly: o.formatOnly === true } };
}

/** sort(2), sort({column: 2, ascending: false}) or an array of them; columns are 1-based sheet columns. */
export function parseSortSpec(method: string, spec: unknown, area: Area): SortKey[] {
  const items = Array.isArray(spec) ? spec : [spec];
  expectArgs(method, [spec], items.length > 0);
  return items.map((item) => {
    const column = typeof item === 'object' && item !== null ? (item as { column?: unknown }).column : item;
    const ascending = typeof item === 'object' && item !== null ? (item as { ascending?: unknown }).ascending : true;
    expectArgs(method, [spec], isInteger(column) && (ascending === undefined || typeof ascending === 'boolean'));
    const index = (column as number) - 1;
    // Google's wording for a sort column outside the range is unconfirmed.
    if (index < area.column || index >= area.column + area.columns)
      fail(`The column to sort by (${column}) is outside the range.`);
    return { column: index, ascending: ascending !== false };
  });
}
