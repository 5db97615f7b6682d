// The drift check and the local snooze filter of changes-only refreshes (pure).

import { countDrift } from '../../../src/import/incremental-drift';
import { parksSnoozed, SNOOZE_END_SPEC, splitBySnooze, withParked } from '../../../src/import/incremental-snooze';
import type { StagedRow } from '../../../src/import/rows';
import type { ListQuery } from '../../../src/lever/source';
import { truncateText } from '../../../src/sheet/cells';

const T = Date.UTC(2026, 0, 5, 9);

describe('countDrift', () => {
  const base: StagedRow[] = [
    ['a', 3, 'Ann', 'Remote'],
    ['b', 2, 'Bo', 'Oakland'],
    ['c', 1, '=1+1', 'x'.repeat(60_000)],
  ];

  it('counts rows that are new or differ unless Lever reported them changed; base-only rows are not drift', () => {
    const full: StagedRow[] = [
      ['a', 3, 'Ann', 'unspecified'],
      ['d', 4, 'Dee', 'Remote'],
      ['e', 5, 'Eve', 'Remote'],
    ];
    expect(countDrift(base, full, new Set())).toBe(3);
    expect(countDrift(base, full, new Set(['d']))).toBe(2);
    expect(countDrift(base, full, new Set(['a', 'd', 'e']))).toBe(0);
  });

  it('compares cells as the base sheet stores them, so a read-back value equals the one fetched', () => {
    // Sheets keeps the text after the apostrophe and the truncated text.
    const readBack: StagedRow[] = [['c', 1, '=1+1', truncateText('x'.repeat(60_000))]];
    expect(countDrift(readBack, [base[2]], new Set())).toBe(0);
    expect(countDrift(readBack, [['c', 1, '=1+2', base[2][3]]], new Set())).toBe(1);
  });
});

describe('the local snooze filter', () => {
  const specs = [SNOOZE_END_SPEC];
  const rows: StagedRow[] = [
    ['awake', 3, ''],
    ['ended', 2, T - 1],
    ['asleep', 1, T + 1],
  ];
  const query = (snoozed?: boolean): ListQuery => ({
    object: 'opportunities',
    params: snoozed === undefined ? { archived: false } : { archived: false, snoozed },
  });

  it('parks snoozed records for "snoozed excluded": fetched too, kept in the base, out of the sheet until they wake', () => {
    expect(parksSnoozed(query(false))).toBe(true);
    expect(withParked(query(false)).params).toEqual({ archived: false });
    const split = splitBySnooze(rows, query(false), specs, T);
    expect(split.shown.map((row) => row[0])).toEqual(['awake', 'ended']);
    expect(split.kept).toEqual(rows);
  });

  it('drops ended snoozes for "only snoozed", and leaves imports without the filter alone', () => {
    expect(withParked(query(true)).params).toEqual({ archived: false, snoozed: true });
    const only = splitBySnooze(rows, query(true), specs, T);
    expect(only.shown.map((row) => row[0])).toEqual(['asleep']);
    expect(only.kept).toEqual(only.shown);
    expect(splitBySnooze(rows, query(), [], T)).toEqual({ shown: rows, kept: rows });
  });
});
