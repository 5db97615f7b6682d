// The playground's Lever edits: new records copied from existing ones, and requisitions changed for change tracking.
import { generateDataset } from '../../../tools/lever-sim';
import { addRequisitions, changeRequisitions } from '../../../tools/playground/new-records';

const NOW = Date.UTC(2026, 0, 5, 14);

function dataset() {
  return generateDataset({ seed: 11, opportunities: 20, requisitions: 40, now: NOW });
}

describe('playground Lever edits', () => {
  it('closes one open requisition and raises the headcount of another, and says which', () => {
    const data = dataset();
    const before = new Map(data.requisitions.map((r) => [r.id, { ...r }]));
    const edits = changeRequisitions(data, 2, NOW + 1000);
    const changed = data.requisitions.filter((r) => {
      const old = before.get(r.id);
      return old?.status !== r.status || old?.headcountTotal !== r.headcountTotal;
    });
    expect(changed).toHaveLength(2);
    const closed = changed.find((r) => r.status === 'closed');
    const grown = changed.find((r) => r !== closed);
    if (!closed || !grown) throw new Error('expected one closed and one grown requisition');
    expect(closed.status).toBe('closed');
    expect(before.get(closed.id)?.status).toBe('open');
    expect(grown.headcountTotal).toBe((before.get(grown.id)?.headcountTotal as number) + 1);
    expect(changed.every((r) => r.updatedAt === NOW + 1000)).toBe(true);
    expect(edits).toEqual([
      `${closed.requisitionCode} closed`,
      `${grown.requisitionCode} headcount ${before.get(grown.id)?.headcountTotal} → ${grown.headcountTotal}`,
    ]);
  });

  it('refuses to change more open requisitions than exist', () => {
    const data = dataset();
    const open = data.requisitions.filter((r) => r.status === 'open').length;
    expect(() => changeRequisitions(data, open + 50, NOW)).toThrow(/too few open requisitions/);
  });

  it('adds new open requisitions with fresh ids', () => {
    const data = dataset();
    const ids = new Set(data.requisitions.map((r) => r.id));
    const added = addRequisitions(data, 2, NOW);
    expect(added.map((r) => ids.has(r.id))).toEqual([false, false]);
    expect(added.every((r) => r.status === 'open' && r.createdAt < NOW)).toBe(true);
  });
});
