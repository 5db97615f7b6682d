// Two executions interleaved at one Apps Script call: a scheduled slot's claim lands with the lease, and the import
// index loses no entry when two editors save, or one saves while another deletes.
import type { ImportDefinition, SidebarState } from '../../src/shared/types';
import type { ExecutionResult, ServiceCall } from '../../tools/gas-emulator';
import { createHarness, type Harness, OTHER_USER, USER } from '../support/harness';
import { documentState } from '../support/state';
import {
  latestRunOf,
  RUN_LOG_SHEET,
  requisitionImport,
  scheduledImport,
  sheetValues,
  stepTo,
} from './schedule-support';

/**
 * Runs `inner` once, at the first call of an execution of `fn` made right after that execution's first script-lock
 * hold in which `ready()` became true ended (so the inner execution sees exactly what that hold left behind).
 */
function interleaveAfterHold(h: Harness, fn: string, ready: () => boolean, inner: () => ExecutionResult) {
  const seen: ExecutionResult[] = [];
  let outer: number | null = null;
  let holdEnded = false;
  h.emu.onServiceCall((call: ServiceCall) => {
    if (seen.length > 0 || call.fn !== fn || (outer !== null && call.executionId !== outer)) return;
    if (holdEnded) {
      h.emu.onServiceCall(null);
      seen.push(inner());
      return;
    }
    if (call.name === 'LockService.Lock.releaseLock' && ready()) {
      outer = call.executionId;
      holdEnded = true;
    }
  });
  return seen;
}

function leaseHeld(h: Harness): boolean {
  const lease = documentState(h.emu, h.ssId).lease;
  return lease !== undefined && (JSON.parse(lease) as { holder: string }).holder !== '';
}

function importNames(h: Harness, user = USER): string[] {
  return h
    .call<SidebarState>('getSidebarState', [], user)
    .imports.map((entry) => entry.definition.name)
    .sort();
}

describe('a scheduled slot is claimed with the lease', () => {
  it('shows a second firing the slot as taken as soon as the lease is, so it neither waits on it nor logs a skip', () => {
    const h = createHarness({ requisitions: 30, opportunities: 10 });
    const definition = scheduledImport(h, 'Team reqs', { kind: 'daily', hour: 7 });
    const [trigger] = h.emu.triggers({ user: USER });
    // Google starts the same trigger again while the first execution runs the 07:00 slot (12:00 UTC).
    const second = interleaveAfterHold(
      h,
      trigger.handler,
      () => leaseHeld(h),
      () => h.emu.fireNow(trigger.uid),
    );
    stepTo(h, Date.UTC(2026, 0, 6, 13));
    h.emu.onServiceCall(null);

    expect(second.map((execution) => execution.ok)).toEqual([true]);
    expect(latestRunOf(h, definition.id)).toMatchObject({ status: 'succeeded', trigger: 'schedule' });
    const log = (sheetValues(h, RUN_LOG_SHEET) ?? []).slice(1);
    expect(log.map((row) => row[3])).toEqual(['Succeeded']);
    const state = JSON.parse(documentState(h.emu, h.ssId)[`schedule.state.${definition.id}`]);
    expect(state).toMatchObject({ lastSlot: Date.UTC(2026, 0, 6, 12) });
    expect(state.note).toBeUndefined();
  });
});

describe('the import index', () => {
  it('keeps both imports when two editors save new ones at the same time', () => {
    const h = createHarness({ requisitions: 5, opportunities: 5 });
    h.call('saveImport', [requisitionImport('First', 'First')]);
    // Ben's save runs while Ana's waits for the script lock, after her execution read the state sheet.
    let bens: ExecutionResult | undefined;
    h.emu.onServiceCall((call) => {
      if (bens || call.user !== USER || call.fn !== 'saveImport' || call.name !== 'LockService.getScriptLock') return;
      bens = h.emu.callFromSidebar('saveImport', [requisitionImport('Bens', 'Bens')], {
        user: OTHER_USER,
        spreadsheetId: h.ssId,
      });
    });
    h.call('saveImport', [requisitionImport('Anas', 'Anas')]);
    h.emu.onServiceCall(null);

    expect(bens?.ok).toBe(true);
    expect(importNames(h)).toEqual(['Anas', 'Bens', 'First']);
    expect(importNames(h, OTHER_USER)).toEqual(['Anas', 'Bens', 'First']);
  });

  it('keeps an import saved by one editor while another deletes a different one', () => {
    const h = createHarness({ requisitions: 5, opportunities: 5 });
    const doomed = h.call<ImportDefinition>('saveImport', [requisitionImport('Old', 'Old')]);
    h.call('saveImport', [requisitionImport('Kept', 'Kept')]);
    // Ben saves right after Ana's delete took the import lease (and read the state sheet with it).
    const bens = interleaveAfterHold(
      h,
      'deleteImport',
      () => leaseHeld(h),
      () =>
        h.emu.callFromSidebar('saveImport', [requisitionImport('New', 'New')], {
          user: OTHER_USER,
          spreadsheetId: h.ssId,
        }),
    );
    h.call('deleteImport', [doomed.id]);
    h.emu.onServiceCall(null);

    expect(bens.map((execution) => execution.ok)).toEqual([true]);
    expect(importNames(h)).toEqual(['Kept', 'New']);
  });
});
