// setValues payloads: the byte estimate bounds the JSON Google would get, and writeRows cuts by bytes as well as cells.
import type { CellValue } from '../../../src/ports/sheet';
import { planWriteChunks, writeRows } from '../../../src/sheet/grid';
import { cellBytes, rowBytes, WRITE_CHUNK_BYTES } from '../../../src/sheet/payload';

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

function randomText(seed: number, length: number): string {
  const alphabet = ['a', 'Z', ' ', '"', '\\', '\n', '\t', '\u0001', 'é', 'ß', '€', '中', '😀', '\u2028', '~'];
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    text += alphabet[(state >>> 16) % alphabet.length];
  }
  return text;
}

describe('payload estimate', () => {
  it('is never below the JSON text of a row, whatever the characters', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const row: CellValue[] = [randomText(seed, seed * 3), seed * 1.5, seed % 2 === 0, new Date(seed * 1e9), ''];
      expect(rowBytes(row)).toBeGreaterThanOrEqual(jsonBytes(row) + 1);
    }
  });

  it('counts plain ASCII one byte a character (so the budget is not wasted)', () => {
    expect(cellBytes('x'.repeat(1000))).toBe(1003);
    expect(cellBytes('é'.repeat(1000))).toBe(2003);
  });
});

describe('writeRows chunks', () => {
  const recorder = () => {
    const writes: Array<{ row: number; column: number; values: CellValue[][] }> = [];
    return {
      writes,
      sheet: { write: (row: number, column: number, values: CellValue[][]) => writes.push({ row, column, values }) },
    };
  };

  it('keeps every call under the byte budget, in order, without losing or repeating a row', () => {
    // 2,000 rows of 20 long notes: 40,000 cells (one call by cells alone) but about 20 MB of text.
    const rows = Array.from({ length: 2000 }, (_, r) =>
      Array.from({ length: 20 }, (_, c) => (c === 0 ? `id-${r}` : `${'note '.repeat(100)}${r}`)),
    );
    const { writes, sheet } = recorder();
    writeRows(sheet, 2, rows);
    expect(writes.length).toBeGreaterThan(10);
    for (const write of writes) expect(jsonBytes(write.values)).toBeLessThanOrEqual(WRITE_CHUNK_BYTES);
    expect(writes.map((write) => write.row)).toEqual([...writes.map((write) => write.row)].sort((a, b) => a - b));
    expect(writes.flatMap((write) => write.values)).toEqual(rows);
    expect(writes[0].row).toBe(2);
    writes.forEach((write, i) => {
      if (i > 0) expect(write.row).toBe(writes[i - 1].row + writes[i - 1].values.length);
    });
  });

  it('still cuts by cells when the text is short', () => {
    const rows = Array.from({ length: 10 }, (_, r) => [r, r + 1]);
    expect(planWriteChunks(rows, 4, WRITE_CHUNK_BYTES).map((c) => [c.start, c.end])).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
  });

  it('writes a row too big for one call in slices of columns', () => {
    const wide = Array.from({ length: 6 }, (_, c) => `${c}${'x'.repeat(399)}`);
    const rows: CellValue[][] = [['a', 'b', 'c', 'd', 'e', 'f'], wide, ['g', 'h', 'i', 'j', 'k', 'l']];
    const { writes, sheet } = recorder();
    writeRows(sheet, 5, rows, 100, 1000);
    expect(writes.map((w) => [w.row, w.column, w.values[0].length])).toEqual([
      [5, 1, 6],
      [6, 1, 2],
      [6, 3, 2],
      [6, 5, 2],
      [7, 1, 6],
    ]);
    expect(writes.filter((w) => w.row === 6).flatMap((w) => w.values[0])).toEqual(wide);
  });
});
