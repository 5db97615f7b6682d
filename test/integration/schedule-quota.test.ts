// The daily trigger-runtime quota: runs stop before Google's 90 minutes are used up, say why, and resume afterwards.
import type { SidebarState } from '../../src/shared/types';
import { createHarness, USER } from '../support/harness';
import { HOUR, latestRunOf, RUN_LOG_SHEET, scheduledImport, sheetValues, stepTo } from './schedule-support';

const LIMIT_MS = 90 * 60_000;

describe('the daily trigger-runtime quota', () => {
  it("stops starting work near the limit, shows the day's total, and runs again once the limit resets", () => {
    // Two slow hourly imports keep every firing busy for most of Google's 6 minutes, using up the day's quota.
    // (Large enough to stay slow although rounds are up to 20 wide from the first.)
    const h = createHarness({ requisitions: 4_000, opportunities: 10, latencyMs: 90_000, rateLimit: false });
    const definition = scheduledImport(h, 'Heavy reqs', { kind: 'hourly', everyHours: 1 });
    scheduledImport(h, 'Heavy reqs too', { kind: 'hourly', everyHours: 1 });
    let skippedAt: number | undefined;
    let warning: string | undefined;
    for (let hour = 0; hour < 30 && skippedAt === undefined; hour++) {
      stepTo(h, h.emu.clock.now() + HOUR);
      expect(h.emu.triggerRuntimeToday(USER)).toBeLessThanOrEqual(LIMIT_MS);
      const log = sheetValues(h, RUN_LOG_SHEET) ?? [];
      if (log.some((row) => row[3] === 'Skipped' && /daily limit/.test(String(row[6])))) {
        skippedAt = h.emu.clock.now();
        const state = h.call<SidebarState>('getSidebarState');
        warning = state.imports.find((entry) => entry.definition.id === definition.id)?.warning;
      }
    }
    expect(skippedAt).toBeDefined();
    expect(h.emu.triggerRuntimeToday(USER)).toBeGreaterThan(60 * 60_000);
    expect(warning).toMatch(/Scheduled runs used \d+ of Google's 90 minutes/);

    // Google's window resets 24 hours after it opened; the imports then run again (the missed slots once).
    const lastRunBefore = latestRunOf(h, definition.id)?.runId;
    for (let hour = 0; hour < 12 && latestRunOf(h, definition.id)?.runId === lastRunBefore; hour++) {
      stepTo(h, h.emu.clock.now() + HOUR);
    }
    expect(latestRunOf(h, definition.id)?.runId).not.toBe(lastRunBefore);
    expect(h.emu.clock.now() - (skippedAt ?? 0)).toBeLessThan(12 * HOUR);
    // Each import's wait was logged once, not at every hourly firing while the limit held.
    const skips = (sheetValues(h, RUN_LOG_SHEET) ?? []).filter((row) => row[3] === 'Skipped');
    expect(skips.map((row) => row[1]).sort()).toEqual(['Heavy reqs', 'Heavy reqs too']);
  });
});
