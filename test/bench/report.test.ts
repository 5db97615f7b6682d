// The tables never show a rate for a failed run, and label a refresh by what it asked Lever for.
import { leverBoundSeconds } from '../../tools/bench/ceiling';
import type { RunMeasure } from '../../tools/bench/harness';
import { importRow, importRows, markdown, refreshKind, refreshRow, startupRows } from '../../tools/bench/report';
import type { ScenarioResult, ScenarioSpec } from '../../tools/bench/scenario';

const run = (change: Partial<RunMeasure> = {}): RunMeasure => ({
  status: 'succeeded',
  rowsInSheet: 9000,
  expectedRows: 9000,
  exact: true,
  executions: 1,
  seconds: 10,
  requests: 95,
  urlFetchQuota: 95,
  urlFetchCalls: 10,
  sheetsCalls: 30,
  otherRequests: 4,
  ...change,
});

const spec = (kind: ScenarioSpec['kind']): ScenarioSpec => ({
  name: 'x',
  kind,
  records: 10_000,
  latencyMs: 250,
  shape: 'uniform',
  listOrder: 'newest-first',
  cells: 'emulator',
  baseline: true,
});

const result = (change: Partial<ScenarioResult>): ScenarioResult => ({
  spec: spec('import'),
  sheetCellMs: 0.002,
  peakRssMb: 100,
  wallSeconds: 1,
  ...change,
});

/** A full import of 700 requests, then a changes-only refresh of 16 that shows every renamed record. */
const changesOnlyDay = () => ({
  full: run({ requests: 700, urlFetchQuota: 700 }),
  refresh: run({ requests: 16, urlFetchQuota: 16 }),
  edits: { edited: 90, archived: 9 },
  renamedShown: 81,
  renamedExpected: 81,
});

describe('importRow', () => {
  it('shows rec/s, the share of the ceiling and the speed-up over the baseline', () => {
    const row = importRow(result({ addOn: run(), baseline: run({ seconds: 30 }) }));
    expect(row).toMatchObject({ 'rec/s': '900', ceiling: 1000, 'of ceiling': '90%', 'baseline rec/s': '300' });
    expect(row['vs baseline']).toBe('3.00x');
  });

  it("shows Lever's bound: the best share of the ceiling the rows' pages and the lookups allow", () => {
    // 94 requests at 250 ms: a rested burst of 20, then 74 at 10 a second (whole tokens per round: 2, 3, 2, 3…).
    const bound = leverBoundSeconds(94, 250);
    expect(bound).toBeGreaterThan(7.4);
    const row = importRow(result({ addOn: run() }));
    expect(row['Lever bound']).toBe(`${Math.round((9000 / bound / 1000) * 100)}%`);
    expect(importRow(result({ addOn: run({ status: 'failed' }) }))['Lever bound']).toBe('FAILED');
  });

  it('shows FAILED with the reason for a run that failed after writing rows', () => {
    const row = importRow(result({ addOn: run({ status: 'failed', message: 'cell cap' }), baseline: run() }));
    expect(row['rec/s']).toBe('FAILED (status failed: cell cap)');
    expect(row['of ceiling']).toBe('FAILED');
    expect(row['vs baseline']).toBe('FAILED');
  });
});

describe('importRows', () => {
  it('reports the first run and the run an hour later on rows of their own, each against the ceiling', () => {
    const rows = importRows(result({ addOn: run({ seconds: 20 }), again: run({ seconds: 10 }), baseline: run() }));
    expect(rows.map((row) => [row.run, row['of ceiling']])).toEqual([
      ['first', '45%'],
      ['again', '90%'],
    ]);
    expect(rows[1]['baseline rec/s']).toBe('');
  });

  it('never shows a rate for a run again that failed, whatever the first run did', () => {
    const rows = importRows(result({ addOn: run(), again: run({ exact: false }) }));
    expect(rows[0]['of ceiling']).toBe('90%');
    expect(rows[1]['of ceiling']).toBe('FAILED');
  });

  it('gives one row when there was no second run', () => {
    expect(importRows(result({ addOn: run() }))).toHaveLength(1);
  });
});

describe('refresh', () => {
  it('is a full re-read unless it asks for less than half the requests', () => {
    expect(refreshKind(run(), run({ requests: 90 }))).toBe('full re-read');
    expect(refreshKind(run(), run({ requests: 5 }))).toBe('incremental');
  });

  it('gives UrlFetch calls a day for 24 runs against both quotas', () => {
    const refresh = {
      full: run(),
      refresh: run(),
      edits: { edited: 90, archived: 9 },
      renamedShown: 81,
      renamedExpected: 81,
    };
    const row = refreshRow(result({ spec: spec('hourly-refresh'), refresh }));
    expect(row).toMatchObject({ 'UrlFetch a day': 2280, 'of consumer quota': '11%', 'of Workspace quota': '2%' });
    expect(row.status).toBe('ok');
  });

  it("counts the day's full run beside 23 changes-only refreshes", () => {
    const refresh = changesOnlyDay();
    const row = refreshRow(result({ spec: spec('hourly-refresh'), refresh }));
    expect(row).toMatchObject({ kind: 'incremental', 'UrlFetch a day': 700 + 16 * 23, 'of consumer quota': '5%' });
  });

  it('gives the UrlFetch calls a day should drift switch the import to full runs', () => {
    const refresh = changesOnlyDay();
    const row = refreshRow(result({ spec: spec('hourly-refresh'), refresh }));
    expect(row['UrlFetch a day if full-only']).toBe(`${700 * 24} (84% of consumer)`);
    const stale = refreshRow(result({ spec: spec('hourly-refresh'), refresh: { ...refresh, renamedShown: 80 } }));
    expect(stale['UrlFetch a day if full-only']).toBe('FAILED');
  });

  it('fails a refresh that left edited rows stale', () => {
    const refresh = {
      full: run(),
      refresh: run(),
      edits: { edited: 90, archived: 9 },
      renamedShown: 80,
      renamedExpected: 81,
    };
    const row = refreshRow(result({ spec: spec('hourly-refresh'), refresh }));
    expect(row.status).toBe('FAILED (stale: 80 of 81 edited rows updated)');
    expect(row['UrlFetch a day']).toBe('FAILED');
  });
});

describe('startupRows', () => {
  it('shows FAILED, not seconds or requests, for a startup whose run failed', () => {
    const startup = [
      { records: 100, first: run(), again: run() },
      { records: 100, first: run(), again: run({ status: 'failed', message: 'timeout' }) },
    ];
    const [sound, failed] = startupRows(result({ spec: spec('startup'), startup }));
    expect(sound).toMatchObject({ 'first s': 10, 'again requests': 95, status: 'ok' });
    for (const column of ['first s', 'first requests', 'first Sheets calls', 'again s', 'again requests']) {
      expect(failed[column]).toBe('FAILED');
    }
    expect(failed['again Sheets calls']).toBe('FAILED');
    expect(failed.status).toBe('FAILED (status failed: timeout)');
  });
});

describe('markdown', () => {
  it('lines up every column, blanks where a row lacks one', () => {
    expect(markdown([{ a: 1 }, { a: 2, b: 'x' }])).toBe('| a | b |\n| --- | --- |\n| 1 |  |\n| 2 | x |');
  });
});
