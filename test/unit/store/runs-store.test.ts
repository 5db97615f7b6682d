// Run records: newest first, replaced by runId, capped in number and size.
import { memoryStore } from '../../../src/ports/store';
import type { RunRecord } from '../../../src/shared/types';
import { lastSuccessfulRun, latestRun, loadRuns, MAX_RUNS_KEPT, saveRun } from '../../../src/store/runs-store';

function run(runId: string, status: RunRecord['status'], message?: string): RunRecord {
  return {
    runId,
    importId: 'imp1',
    trigger: 'sidebar',
    startedAt: '2026-01-05T14:00:00.000Z',
    status,
    rowsFetched: 1,
    pages: 1,
    requests: 1,
    executions: 1,
    durationMs: 10,
    ...(message ? { message } : {}),
  };
}

describe('runs store', () => {
  it('keeps the newest first and replaces a run by its id as it progresses', () => {
    const store = memoryStore();
    saveRun(store, run('r1', 'succeeded'));
    saveRun(store, run('r2', 'running'));
    saveRun(store, run('r2', 'failed', 'Lever rejected the API key.'));
    expect(loadRuns(store, 'imp1').map((r) => [r.runId, r.status])).toEqual([
      ['r2', 'failed'],
      ['r1', 'succeeded'],
    ]);
    expect(latestRun(store, 'imp1')?.message).toBe('Lever rejected the API key.');
    expect(lastSuccessfulRun(store, 'imp1')?.runId).toBe('r1');
  });

  it('keeps at most the last runs and stays well under the 9 KB property limit', () => {
    const store = memoryStore();
    for (let i = 0; i < 25; i++) saveRun(store, run(`r${i}`, 'failed', 'x'.repeat(2000)));
    const runs = loadRuns(store, 'imp1');
    expect(runs.length).toBeLessThanOrEqual(MAX_RUNS_KEPT);
    expect(runs[0].runId).toBe('r24');
    expect(store.get('runs.imp1')!.length).toBeLessThan(9 * 1024);
  });
});
