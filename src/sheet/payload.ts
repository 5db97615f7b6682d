// The size of a setValues payload in UTF-8 bytes, estimated from above, so writes stay under Google's ~2 MB.
import type { CellValue } from '../ports/sheet';

/**
 * Bytes per setValues call. Google documents no limit for Range.setValues; the Sheets API behind it recommends
 * requests of 2 MB at most and refuses 10 MB. The estimate below is the values' JSON text, so this keeps a margin
 * under 2 MB (2,097,152 bytes) for whatever Google adds around them.
 */
export const WRITE_CHUNK_BYTES = 1_800_000;

/** Text with nothing JSON escapes and nothing outside ASCII: one byte a character. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
/** A Date as JSON text ("2026-01-05T09:00:00.000Z" with its quotes). */
const DATE_BYTES = 26;

/** UTF-8 bytes of one UTF-16 unit as JSON writes it: escapes for quotes, backslashes and control characters. */
function unitBytes(code: number): number {
  if (code < 0x20) return 6;
  if (code === 0x22 || code === 0x5c) return 2;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  // Other BMP characters take 3; a surrogate pair (4 bytes) is counted 3 + 3.
  return 3;
}

function textBytes(text: string): number {
  if (PLAIN_ASCII.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) bytes += unitBytes(text.charCodeAt(i));
  return bytes;
}

/** One cell's share of the payload: its JSON text plus the comma after it. */
export function cellBytes(value: CellValue | null | undefined): number {
  if (typeof value === 'string') return textBytes(value) + 3;
  if (typeof value === 'number') return String(value).length + 1;
  if (typeof value === 'boolean') return 6;
  if (value === null || value === undefined) return 5;
  return DATE_BYTES + 1;
}

/** One row's share: its cells and the brackets and comma around them. */
export function rowBytes(row: readonly CellValue[]): number {
  let bytes = 3;
  for (const value of row) bytes += cellBytes(value);
  return bytes;
}
