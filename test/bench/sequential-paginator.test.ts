// The baseline is careful: it buffers every page and writes in large setValues, resumes across executions, and is exact.
import { makeDataset, setUp } from '../../tools/bench/harness';
import { runBaseline } from '../../tools/bench/scenario';
import { SEQUENTIAL_PAGINATOR_SOURCE } from '../../tools/bench/sequential-paginator';

function bench(latencyMs: number) {
  const options = { latencyMs, sheetCellMs: 0.002, listOrder: 'unordered' as const };
  return setUp(makeDataset(1500, 'uniform'), { ...options, bundleSource: SEQUENTIAL_PAGINATOR_SOURCE });
}

describe('sequential paginator', () => {
  it('fetches every page one at a time and writes them in one setValues', () => {
    const b = bench(250);
    const run = runBaseline(b, 12);
    expect(run).toMatchObject({ status: 'succeeded', executions: 1, exact: true });
    expect(run.rowsInSheet).toBe(run.expectedRows);
    expect(run.requests).toBe(Math.ceil(run.expectedRows / 100));
    expect(run.urlFetchCalls).toBe(run.requests);
    expect(b.emu.stats['SpreadsheetApp.Range.setValues']).toBe(1);
    expect(b.emu.spreadsheet(b.ssId).sheet('Opportunities').lastColumn()).toBe(12);
  });

  it('saves its place before the 6-minute limit and finishes in later executions', () => {
    const b = bench(100_000);
    const run = runBaseline(b, 12);
    expect(run).toMatchObject({ status: 'succeeded', exact: true });
    expect(run.executions).toBeGreaterThan(2);
    expect(b.emu.stats['SpreadsheetApp.Range.setValues']).toBe(run.executions);
    // One request at a time: the run lasts as long as its requests laid end to end.
    expect(run.seconds).toBeGreaterThanOrEqual(run.requests * 100);
  });
});
