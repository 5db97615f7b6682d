// Through the built bundle: a scheduled execution killed during its commit has still recorded its trigger time.
import type { ExecutionResult } from '../../tools/gas-emulator';
import { createHarness, USER } from '../support/harness';
import { HOUR, scheduledImport } from './schedule-support';

describe('trigger time of a killed execution', () => {
  it('is recorded before the commit, so Google killing the commit does not lose it', () => {
    // Sheets at 5 ms a cell: the commit of 15,000 requisitions fits the add-on's estimate but not Google's 6 minutes.
    const h = createHarness({ requisitions: 15_000, opportunities: 10, latencyMs: 100, sheetCellMs: 5 });
    scheduledImport(h, 'Big reqs', { kind: 'hourly', everyHours: 1 });
    const results: ExecutionResult[] = [];
    for (let hour = 1; hour <= 3 && !results.some((result) => result.timedOut); hour++) {
      results.push(...h.emu.advanceTo(h.emu.clock.now() + HOUR));
    }
    expect(results.some((result) => result.timedOut)).toBe(true);
    const stored = h.emu.userProperties(USER)['schedule.runtime'];
    expect(stored).toBeDefined();
    const { usedMs } = JSON.parse(stored ?? '{}') as { usedMs: number };
    // More than the executions that ended normally: the killed one counted its time up to the commit.
    const ended = results.filter((result) => !result.timedOut).reduce((sum, result) => sum + result.elapsedMs, 0);
    expect(usedMs).toBeGreaterThan(ended + 5_000);
    expect(usedMs).toBeLessThan(h.emu.triggerRuntimeToday(USER));
  });
});
