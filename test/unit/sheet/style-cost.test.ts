// stylesWholeBlock: a new sheet's block is styled through its own range only while that costs less than by column.
import { DATE_TIME_FORMAT, PLAIN_FORMAT, stylesWholeBlock } from '../../../src/sheet/grid';

const formats = (dated: number[], width = 13) =>
  Array.from({ length: width }, (_, index) => (dated.includes(index) ? DATE_TIME_FORMAT : PLAIN_FORMAT));

describe('stylesWholeBlock', () => {
  it('styles a small block through its range: two calls beat a call per formatted column and the header', () => {
    expect(stylesWholeBlock(2, formats([2]))).toBe(true);
    expect(stylesWholeBlock(100, formats([2, 5]))).toBe(true);
  });

  it('styles a large block with few formatted columns by column: formats and weights on every cell cost more', () => {
    // 5,000 opportunities give about 3,330 rows of 13 columns, one of them a date.
    expect(stylesWholeBlock(3_331, formats([2]))).toBe(false);
    expect(stylesWholeBlock(1_000, formats([3, 4, 6], 12))).toBe(false);
  });

  it('keeps a block whose every column needs a format in one range longer than one with a single date column', () => {
    const rows = [200, 400, 800, 1_600];
    const firstByColumn = (dated: number[]) => rows.find((count) => !stylesWholeBlock(count, formats(dated))) ?? 0;
    const all = Array.from({ length: 13 }, (_, index) => index);
    expect(firstByColumn([2])).toBeGreaterThan(0);
    expect(firstByColumn(all) === 0 || firstByColumn(all) > firstByColumn([2])).toBe(true);
  });
});
