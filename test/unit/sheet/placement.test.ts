// Replace mode's row placement (pure): which rows are deleted, inserted, kept and marked, and the sort keys.
import { inOrder, planPlacement } from '../../../src/sheet/placement';

describe('planPlacement', () => {
  it('keeps persisting rows, inserts new ones below, and keys every row by its final position', () => {
    const plan = planPlacement(['b', 'd'], [true, false], ['a', 'b', 'c', 'd'], 'flag');
    expect(plan.deleted).toEqual([]);
    expect(plan.inserted).toEqual([0, 2]);
    // physical rows: b, d, then inserted a, c
    expect(plan.keys).toEqual([1, 3, 0, 2]);
    expect(plan.final).toEqual([{ result: 0 }, { result: 1 }, { result: 2 }, { result: 3 }]);
    expect(plan.marked).toBe(0);
  });

  it('keeps vanished rows with user content, marked, below the result; deletes those without', () => {
    const plan = planPlacement(['a', 'gone1', 'b', 'gone2'], [false, true, false, false], ['b', 'a'], 'flag');
    expect(plan.deleted).toEqual([5]);
    expect(plan.inserted).toEqual([]);
    // the deleted row sorts last, below the kept one, for a single deleteRows
    expect(plan.keys).toEqual([1, 2, 0, 3]);
    expect(plan.final).toEqual([{ result: 0 }, { result: 1 }, { kept: 1, marked: true }]);
    expect(plan.marked).toBe(1);
  });

  it('removes vanished rows whatever they hold on remove, but keeps a user’s own rows without an ID', () => {
    const plan = planPlacement(['a', '', 'gone'], [true, true, true], ['a'], 'remove');
    expect(plan.deleted).toEqual([4]);
    expect(plan.final).toEqual([{ result: 0 }, { kept: 1, marked: false }]);
    expect(plan.marked).toBe(0);
  });

  it('treats a repeated ID in the sheet as a row of its own (kept when the user wrote in it)', () => {
    const plan = planPlacement(['a', 'a', 'a'], [true, true, false], ['a'], 'flag');
    expect(plan.deleted).toEqual([4]);
    expect(plan.final).toEqual([{ result: 0 }, { kept: 1, marked: true }]);
  });

  it('an empty result keeps only the rows the user wrote in', () => {
    const plan = planPlacement(['a', 'b'], [false, true], [], 'flag');
    expect(plan.deleted).toEqual([2]);
    expect(plan.keys).toEqual([1, 0]);
    expect(plan.final).toEqual([{ kept: 1, marked: true }]);
  });

  it('gives rows that go the last keys, in their order, after the result and kept rows', () => {
    const plan = planPlacement(['x', 'a', 'y', 'b'], [false, false, false, false], ['b', 'c', 'a'], 'flag');
    expect(plan.deleted).toEqual([2, 4]);
    expect(plan.inserted).toEqual([1]);
    expect(plan.keys).toEqual([3, 2, 4, 0, 1]);
  });

  it('inOrder tells when no row needs to move', () => {
    expect(inOrder([0, 1, 2])).toBe(true);
    expect(inOrder([])).toBe(true);
    expect(inOrder([1, 0])).toBe(false);
  });
});
