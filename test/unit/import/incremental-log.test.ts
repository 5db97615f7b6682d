// The base as an append log (pure): what a run appends, how a log with repeats and removal marks reads back, and when
// it is rewritten compact.
import { COMPACT_SHARE, liveRows, logAppend, logTooLong } from '../../../src/import/incremental-log';
import { mergeChanges, REMOVED_MARK } from '../../../src/import/incremental-merge';
import { dedupeAndSort, type StagedRow } from '../../../src/import/rows';
import { truncateText } from '../../../src/sheet/cells';

const WIDTH = 4;

function row(id: string, created: number, name: string): StagedRow {
  return [id, created, name, 'Remote'];
}

/** A deterministic pseudo-random sequence (no Math.random: a failure must replay). */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** The next result: some records edited, some gone, some new. */
function nextResult(current: readonly StagedRow[], random: () => number, round: number): StagedRow[] {
  const next: StagedRow[] = [];
  for (const r of current) {
    const roll = random();
    if (roll < 0.1) continue;
    next.push(roll < 0.25 ? row(String(r[0]), Number(r[1]), `edited ${round}`) : r);
  }
  for (let i = 0; i < 5; i++) next.push(row(`new-${round}-${i}`, round * 10 + i, `N${round}`));
  return next;
}

describe('logAppend', () => {
  const base = [row('a', 3, 'Ann'), row('b', 2, 'Bo'), row('c', 1, '=1+1')];

  it('appends only rows that are new or differ, then a padded removal mark for each record gone', () => {
    const after = [row('a', 3, 'Ann'), row('c', 1, 'Cy'), row('d', 4, 'Dee')];
    expect(logAppend(base, after, WIDTH)).toEqual([row('c', 1, 'Cy'), row('d', 4, 'Dee'), ['b', REMOVED_MARK, '', '']]);
    expect(logAppend(base, base, WIDTH)).toEqual([]);
  });

  it('compares cells as the sheet stores them: a read-back row equal to the fresh one is not appended again', () => {
    // Sheets keeps text cut at its cell limit; a number stays a number, and the text '3' is not it.
    const long = 'x'.repeat(60_000);
    const readBack = [row('a', 3, truncateText(long))];
    expect(logAppend(readBack, [row('a', 3, long)], WIDTH)).toEqual([]);
    expect(logAppend(readBack, [['a', '3', truncateText(long), 'Remote']], WIDTH)).toHaveLength(1);
  });
});

describe('liveRows', () => {
  it("takes each ID's last row and drops IDs whose last row is a removal mark; rows come back after one", () => {
    const log: StagedRow[] = [
      row('a', 3, 'Ann'),
      row('b', 2, 'Bo'),
      row('a', 3, 'Anna'),
      ['b', REMOVED_MARK, '', ''],
      ['c', REMOVED_MARK, '', ''],
      row('c', 1, 'Cy'),
    ];
    expect(liveRows(log)).toEqual([row('a', 3, 'Anna'), row('c', 1, 'Cy')]);
  });

  it('reads a log grown over many runs as the last result, and merges changes into it as into a compact base', () => {
    const random = lcg(7);
    let result = Array.from({ length: 200 }, (_, i) => row(`opp-${i}`, i, `N${i}`));
    let log = [...result];
    for (let round = 1; round <= 12; round++) {
      result = nextResult(result, random, round);
      log = log.concat(logAppend(liveRows(log), result, WIDTH));
      expect(dedupeAndSort(liveRows(log))).toEqual(dedupeAndSort(result));
    }
    expect(log.length).toBeGreaterThan(result.length * 1.5);
    const changes = [row('opp-3', 3, 'changed'), ['opp-5', REMOVED_MARK], row('fresh', 999, 'F')];
    const deleted = new Set(['opp-8']);
    expect(mergeChanges(liveRows(log), changes, deleted)).toEqual(mergeChanges(result, changes, deleted));
  });
});

describe('logTooLong', () => {
  it(`asks for a compact rewrite once dead rows pass ${COMPACT_SHARE * 100}% of the live ones`, () => {
    expect(logTooLong(1_250, 1_000)).toBe(false);
    expect(logTooLong(1_251, 1_000)).toBe(true);
    expect(logTooLong(0, 0)).toBe(false);
  });
});
