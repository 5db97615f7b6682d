// The keyset index under the list endpoints: binary-searched windows and cursors, and pages that only touch
// the records they return (plus one to learn whether more exist).

import { CreatedOrderIndex, createdSource } from '../../tools/lever-sim/created-index';
import { readPage } from '../../tools/lever-sim/pagination';
import { QueryParams } from '../../tools/lever-sim/params';

const records = Array.from({ length: 10_000 }, (_, i) => ({
  id: `id-${String(i % 7).padStart(2, '0')}-${i}`,
  createdAt: 1_000_000 - Math.floor(i / 3),
}));
const index = new CreatedOrderIndex<(typeof records)[number]>();
const sorted = index.sorted(records, 1);

function counting() {
  const seen = { count: 0 };
  return { seen, accept: () => ++seen.count > 0 };
}

describe('CreatedOrderIndex', () => {
  it('sorts by createdAt descending, then id', () => {
    const misordered = sorted.filter((b, i) => {
      const a = sorted[i - 1];
      return a !== undefined && !(a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id < b.id));
    });
    expect(misordered).toEqual([]);
    expect(sorted).toHaveLength(records.length);
  });

  it('finds inclusive created_at windows by binary search', () => {
    const source = createdSource(index, sorted, { createdFrom: 999_000, createdTo: 999_500 });
    const inside = sorted.slice(source.from, source.to);
    expect(inside.every((r) => r.createdAt >= 999_000 && r.createdAt <= 999_500)).toBe(true);
    expect(inside).toHaveLength(records.filter((r) => r.createdAt >= 999_000 && r.createdAt <= 999_500).length);
  });

  it('only rebuilds when the version changes', () => {
    expect(index.sorted([], 1)).toBe(sorted);
    expect(index.sorted([], 2)).toHaveLength(0);
    index.sorted(records, 1);
  });
});

describe('readPage', () => {
  const params = (offset?: string) =>
    QueryParams.fromSearch(new URLSearchParams(offset ? { limit: '50', offset } : { limit: '50' }));

  it('touches limit + 1 records for a page deep in the list', () => {
    const source = createdSource(index, index.sorted(records, 1), {});
    let page = readPage(source, params(), 'x', () => true);
    for (let i = 0; i < 150; i++) page = readPage(source, params(page.next as string), 'x', () => true);
    const { seen, accept } = counting();
    const deep = readPage(source, params(page.next as string), 'x', accept);
    expect(deep.data).toHaveLength(50);
    expect(seen.count).toBe(51);
    expect(deep.data[0]).toBe(source.items[151 * 50]);
  });

  it('resumes right after the cursor record, even inside a createdAt tie', () => {
    const source = createdSource(index, index.sorted(records, 1), {});
    const first = readPage(source, params(), 'x', () => true);
    const second = readPage(source, params(first.next as string), 'x', () => true);
    expect(source.items.indexOf(second.data[0])).toBe(50);
    expect(first.data[49].createdAt).toBe(second.data[0].createdAt);
  });
});
