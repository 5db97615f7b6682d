// A scheduled run that fires while a manual run holds the document lock is skipped (not failed) and runs next time.
import type { ExecutionResult, FetchRequest } from '../../tools/gas-emulator';
import { createHarness, USER } from '../support/harness';
import { HOUR, latestRunOf, RUN_LOG_SHEET, runsOf, scheduledImport, sheetValues, stepTo } from './schedule-support';

describe('overlapping runs', () => {
  it('skips the scheduled run while a manual one is going, then runs it at the next firing', () => {
    const h = createHarness({ requisitions: 40, opportunities: 10 });
    const definition = scheduledImport(h, 'Shared reqs', { kind: 'hourly', everyHours: 1 });
    // The first firing has no slot due yet (the schedule was set after this hour's slot); the second one has.
    stepTo(h, (h.emu.triggers({ user: USER })[0].nextFireAt ?? 0) + 1);
    const dueFiring = h.emu.triggers({ user: USER })[0].nextFireAt ?? 0;
    h.emu.advanceTo(dueFiring - 60_000);

    // The trigger fires in the middle of a manual run, while that run's execution holds the document lock.
    const handle = h.sim.handle.bind(h.sim);
    let firedDuringManualRun: ExecutionResult[] = [];
    h.sim.handle = (request: FetchRequest) => {
      if (firedDuringManualRun.length === 0 && request.url.includes('/requisitions')) {
        firedDuringManualRun = h.emu.advanceTo(dueFiring);
      }
      return handle(request);
    };
    const manual = h.call<{ status: string; trigger: string }>('runImport', [definition.id]);
    h.sim.handle = handle;

    expect(firedDuringManualRun.map((execution) => execution.ok)).toEqual([true]);
    expect(manual).toMatchObject({ status: 'succeeded', trigger: 'sidebar' });
    expect(runsOf(h, definition.id).filter((run) => run.trigger === 'schedule')).toEqual([]);
    const log = sheetValues(h, RUN_LOG_SHEET) ?? [];
    expect(log[1][3]).toBe('Skipped');
    expect(String(log[1][6])).toMatch(/another import was running/);

    stepTo(h, dueFiring + HOUR + 1);
    expect(latestRunOf(h, definition.id)).toMatchObject({ status: 'succeeded', trigger: 'schedule' });
    expect((sheetValues(h, RUN_LOG_SHEET) ?? [])[1][3]).toBe('Succeeded');
  });
});
