// The hourly refresh's staleness check counts confidential records too: the bench imports them (TRUTH_QUERY).
import type { Bench } from '../../tools/bench/harness';
import { EDIT_MARK } from '../../tools/bench/refresh-edits';
import { renamedCheck } from '../../tools/bench/scenario';
import { generateDataset, LeverSimulator } from '../../tools/lever-sim';
import { KEYS, NOW } from '../lever-sim/support';

test('renamed confidential records are expected in the sheet', () => {
  const dataset = generateDataset({ seed: 11, opportunities: 250, requisitions: 30, now: NOW });
  const sim = new LeverSimulator({ dataset, keys: KEYS, now: () => NOW });
  const shown = dataset.opportunities.filter((o) => o.archived === null && !(o.snoozedUntil && o.snoozedUntil > NOW));
  const secret = shown.find((o) => o.confidentiality === 'confidential');
  const open = shown.find((o) => o.confidentiality !== 'confidential');
  if (!secret || !open) throw new Error('the dataset needs a shown confidential and a shown open opportunity');
  // Only the open record's row carries the new name: the confidential one was left stale.
  const values = [
    ['ID', 'Name'],
    [open.id, `Ana${EDIT_MARK}`],
    [secret.id, 'Ben'],
  ];
  const emu = { spreadsheet: () => ({ sheet: () => ({ values: () => values }) }) };
  const bench = { emu, sim, ssId: 'ss' } as unknown as Bench;
  expect(renamedCheck(bench, [open.id, secret.id])).toEqual({ renamedShown: 1, renamedExpected: 2 });
});
