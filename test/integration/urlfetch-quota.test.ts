// The daily UrlFetch quota: calls counted per user, a run that hits Google's limit stops with QUOTA, and schedules
// that would use more than half the day's calls are refused.
import type { RunRecord, SidebarState } from '../../src/shared/types';
import { createHarness, type Harness, USER } from '../support/harness';
import { documentState, editState } from '../support/state';
import { connect, opportunityImport, runToEnd, saveImport } from './import-support';

const COUNT_KEY = 'quota.urlfetch';

function countedCalls(h: Harness): number {
  const raw = h.emu.userProperties(USER)[COUNT_KEY];
  return raw ? (JSON.parse(raw) as { calls: number }).calls : 0;
}

/** Counts the requests that reach the Lever simulator, i.e. what Apps Script actually sent. */
function sentCounter(h: Harness): () => number {
  let sent = 0;
  const handle = h.sim.handle.bind(h.sim);
  h.sim.handle = (request) => {
    sent++;
    return handle(request);
  };
  return () => sent;
}

describe('the daily UrlFetch quota', () => {
  it("counts every call the product sends in the user's UserProperties", () => {
    const h = createHarness({ opportunities: 300 });
    const sent = sentCounter(h);
    connect(h);
    const definition = saveImport(h, opportunityImport());
    const records = runToEnd(h, definition.id);
    expect(records[records.length - 1].status).toBe('succeeded');
    expect(sent()).toBeGreaterThan(1);
    expect(countedCalls(h)).toBe(sent());
  });

  it("stops a run that hits Google's daily limit with QUOTA and the catalogue's sentence", () => {
    const h = createHarness({ opportunities: 2_000, dailyUrlFetchLimit: 15 });
    connect(h);
    const definition = saveImport(h, opportunityImport());
    const records = runToEnd(h, definition.id);
    const last: RunRecord = records[records.length - 1];
    expect(last.status).toBe('failed');
    expect(last.errorCode).toBe('QUOTA');
    expect(last.message).toBe(
      "Google's daily limit for this account was reached: Service invoked too many times for one day: urlfetch.",
    );
  });

  it('refuses a schedule whose expected calls a day would pass half the assumed 20,000, saying why', () => {
    const h = createHarness({ opportunities: 300 });
    connect(h);
    const definition = saveImport(h, opportunityImport());
    const last = runToEnd(h, definition.id).pop() as RunRecord;
    // A real small run: 24 runs a day stay far below 10,000 calls, so hourly is allowed.
    expect(24 * last.requests).toBeLessThan(10_000);
    expect(() => h.call('setSchedule', [definition.id, { kind: 'hourly', everyHours: 1 }])).not.toThrow();
    h.call('setSchedule', [definition.id, { kind: 'off' }]);

    // A last run of 600 requests (a large import): every 2 hours is 12 × 600 = 7,200 (allowed), hourly 14,400.
    const key = `runs.${definition.id}`;
    const runs = JSON.parse(documentState(h.emu, h.ssId)[key]) as RunRecord[];
    editState(h, key, JSON.stringify([{ ...runs[0], requests: 600 }, ...runs.slice(1)]));
    expect(() => h.call('setSchedule', [definition.id, { kind: 'hourly', everyHours: 1 }])).toThrow(
      /sent 600 requests to Lever on its last run, so this schedule would send about 14,400 a day: more than half of Google's daily limit of 20,000/,
    );
    const state = h.call<SidebarState>('getSidebarState');
    const stored = state.imports.find((entry) => entry.definition.id === definition.id)?.definition;
    expect(stored?.schedule?.kind ?? 'off').toBe('off');
    expect(() => h.call('setSchedule', [definition.id, { kind: 'hourly', everyHours: 2 }])).not.toThrow();
  });

  it('warns beside the key and in Diagnostics once today passes 80% of the assumed 20,000, before runs fail', () => {
    const h = createHarness({ opportunities: 300 });
    connect(h);
    const definition = saveImport(h, opportunityImport());
    const window = (calls: number) =>
      h.emu.seedUserProperty(USER, COUNT_KEY, JSON.stringify({ startedAt: h.emu.clock.now() - 3_600_000, calls }));
    window(15_998);
    expect(h.call<SidebarState>('getSidebarState').key.quotaWarning).toBeUndefined();
    // This run's requests take the day's count past 16,000: it still succeeds, and the user is told.
    expect(runToEnd(h, definition.id).pop()?.status).toBe('succeeded');
    expect(countedCalls(h)).toBeGreaterThanOrEqual(16_000);
    const warning = h.call<SidebarState>('getSidebarState').key.quotaWarning;
    expect(warning).toBe(
      `Lever for Sheets has sent ${countedCalls(h).toLocaleString('en-US')} of the 20,000 requests Google lets your ` +
        'account make in a day (the limit of a personal Google account is assumed; Workspace accounts get more). Past ' +
        "it, every import run with your key fails until Google's day resets, 24 hours after its first request. Run " +
        'fewer or narrower imports, or schedule them less often.',
    );
    const report = h.emu.run('showDiagnostics', [], { user: USER, spreadsheetId: h.ssId });
    expect(report.ok).toBe(true);
    const dialog = h.emu
      .ui(h.ssId)
      .filter((event) => event.kind === 'dialog')
      .pop();
    expect(String(dialog?.detail.html).replace(/&#39;/g, "'")).toContain(String(warning));
    // Google's day ends 24 hours after its first call: the count and the warning go with it.
    h.emu.clock.advance(23 * 3_600_000);
    expect(h.call<SidebarState>('getSidebarState').key.quotaWarning).toBeUndefined();
  });
});
