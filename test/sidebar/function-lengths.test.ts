// The sidebar's function lengths, measured by tools/metrics/function-lengths.ts, stay within the house style.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionLengths, measureFolder, percentile, summarize } from '../../tools/metrics/function-lengths';

const root = join(__dirname, '../..');

describe('function-length tool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lengths-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts each function from its first line to its last, and tells named functions from callbacks', () => {
    const file = join(dir, 'sample.ts');
    const source = [
      '// A sample.',
      'export function three(a: number[]) {',
      '  return a.map((x) => x + 1);',
      '}',
      'const arrow = () => 1;',
      'class C {',
      '  method() {',
      '    return 2;',
      '  }',
      '}',
      'declare function bodiless(): void;',
    ];
    writeFileSync(file, source.join('\n'));
    const found = functionLengths(file, dir).map(({ name, line, lines, named }) => ({ name, line, lines, named }));
    expect(found).toEqual([
      { name: 'three', line: 2, lines: 3, named: true },
      { name: '(anonymous)', line: 3, lines: 1, named: false },
      { name: 'arrow', line: 5, lines: 1, named: true },
      { name: 'method', line: 7, lines: 3, named: true },
    ]);
  });

  it('summarises with the median, the nearest-rank p90 and the maximum', () => {
    const lengths = [1, 2, 3, 4, 5, 6, 7, 8, 9, 30].map((lines) => ({
      file: 'f',
      name: 'n',
      line: 1,
      lines,
      named: true,
    }));
    expect(summarize(lengths, 1)).toMatchObject({ count: 10, median: 5.5, p90: 9, max: 30, longest: [{ lines: 30 }] });
    expect(percentile([1, 2, 3], 0.9)).toBe(3);
  });
});

describe('sidebar function lengths', () => {
  it('views: median 8 lines or fewer, none over 30', () => {
    const views = measureFolder(join(root, 'sidebar/views'), root);
    expect(views.median).toBeLessThanOrEqual(8);
    expect(views.longest.filter((f) => f.lines > 30)).toEqual([]);
  });

  it('the whole sidebar: median 8 lines or fewer, none over 30', () => {
    const sidebar = measureFolder(join(root, 'sidebar'), root);
    expect(sidebar.median).toBeLessThanOrEqual(8);
    expect(sidebar.longest.filter((f) => f.lines > 30)).toEqual([]);
  });
});
