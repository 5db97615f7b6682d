// Unattended failures are recorded, logged in the run-log sheet and emailed once, the data stays, and runs recover.
import { createHarness, FULL_KEY, type Harness, USER } from '../support/harness';
import { documentState } from '../support/state';
import { HOUR, latestRunOf, RUN_LOG_SHEET, runsOf, scheduledImport, sheetValues, stepTo } from './schedule-support';

const REPLACEMENT_KEY = 'sim-replacement-key-0009';

describe('a scheduled import that fails', () => {
  let h: Harness;
  let importId: string;
  beforeAll(() => {
    h = createHarness({ requisitions: 40, opportunities: 10 });
    importId = scheduledImport(h, 'Open reqs', { kind: 'hourly', everyHours: 1 }).id;
    stepTo(h, h.emu.clock.now() + 2 * HOUR);
  });

  it('refreshes on schedule and picks up records added in Lever', () => {
    expect(latestRunOf(h, importId)?.status).toBe('succeeded');
    const template = h.dataset.requisitions[0];
    h.dataset.requisitions.push({
      ...template,
      id: 'f0000000-0000-4000-8000-00000000beef',
      requisitionCode: 'NEW-1',
      name: 'Brand new scheduled role',
      createdAt: h.emu.clock.now(),
      updatedAt: h.emu.clock.now(),
    });
    expect(JSON.stringify(sheetValues(h, 'Open reqs'))).not.toContain('Brand new scheduled role');
    stepTo(h, h.emu.clock.now() + HOUR);
    expect(latestRunOf(h, importId)?.status).toBe('succeeded');
    expect(JSON.stringify(sheetValues(h, 'Open reqs'))).toContain('Brand new scheduled role');
  });

  it('records a revoked key, logs and emails it once, keeps the data, and keeps trying', () => {
    const before = sheetValues(h, 'Open reqs');
    const runsBefore = runsOf(h, importId).length;
    h.sim.revokeKey(FULL_KEY);
    stepTo(h, h.emu.clock.now() + 3 * HOUR);

    const failed = runsOf(h, importId).slice(0, runsOf(h, importId).length - runsBefore);
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(failed.every((run) => run.status === 'failed' && run.errorCode === 'LEVER_AUTH')).toBe(true);
    expect(sheetValues(h, 'Open reqs')).toEqual(before);

    const log = sheetValues(h, RUN_LOG_SHEET) ?? [];
    expect(log[0]).toEqual(['Time', 'Import', 'Trigger', 'Outcome', 'Rows', 'Duration (s)', 'Message', 'Run as']);
    expect(log[1][1]).toBe('Open reqs');
    expect(log[1][3]).toBe('Failed');
    expect(String(log[1][6])).toMatch(/save a new key/);

    const mails = h.emu.mail.filter((mail) => mail.to === USER);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('Open reqs');
    expect(mails[0].body).toMatch(/revoked|rejected/i);
    // The key itself never reaches the email, the log sheet or the document's properties.
    const visible = JSON.stringify([mails, log, documentState(h.emu, h.ssId), h.emu.logs]);
    expect(visible).not.toContain(FULL_KEY);
    expect(visible).not.toContain(Buffer.from(`${FULL_KEY}:`).toString('base64'));
  });

  it('recovers at the next run once the owner saves a working key', () => {
    h.sim.addKey({ key: REPLACEMENT_KEY, environment: 'production', permissions: 'all', confidential: true });
    h.call('saveApiKey', [REPLACEMENT_KEY, 'production']);
    stepTo(h, h.emu.clock.now() + HOUR);
    expect(latestRunOf(h, importId)?.status).toBe('succeeded');
    expect((sheetValues(h, RUN_LOG_SHEET) ?? [])[1][3]).toBe('Succeeded');
  });

  it('records Lever outages (HTTP 500) the same way and recovers when Lever answers again', () => {
    const before = sheetValues(h, 'Open reqs');
    h.sim.injectFaults({ status: 500, count: 40, path: '/requisitions' });
    stepTo(h, h.emu.clock.now() + HOUR);
    const failed = latestRunOf(h, importId);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'LEVER_UNAVAILABLE' });
    expect(sheetValues(h, 'Open reqs')).toEqual(before);
    let hours = 0;
    while (latestRunOf(h, importId)?.status !== 'succeeded' && hours++ < 6) stepTo(h, h.emu.clock.now() + HOUR);
    expect(latestRunOf(h, importId)?.status).toBe('succeeded');
  });

  it('says in the sidebar when the next run is', () => {
    const state = h.call<{ imports: { definition: { id: string }; nextRunAt?: string; ownedByMe?: boolean }[] }>(
      'getSidebarState',
    );
    const status = state.imports.find((entry) => entry.definition.id === importId);
    expect(status?.ownedByMe).toBe(true);
    const next = Date.parse(status?.nextRunAt ?? '');
    expect(next).toBeGreaterThan(h.emu.clock.now() - HOUR);
    expect(next).toBeLessThanOrEqual(h.emu.clock.now() + HOUR);
  });

  it('keeps refreshing a renamed sheet, and says so specifically when the sheet was deleted', () => {
    const inspector = h.emu.spreadsheet(h.ssId);
    inspector.setSheetName('Open reqs', 'Reqs (renamed)');
    stepTo(h, h.emu.clock.now() + HOUR);
    expect(latestRunOf(h, importId)?.status).toBe('succeeded');
    expect(JSON.stringify(sheetValues(h, 'Reqs (renamed)'))).toContain('Brand new scheduled role');

    const mailsBefore = h.emu.mail.length;
    inspector.deleteSheet('Reqs (renamed)');
    // A day and more of hourly runs against the deleted sheet: each one fails the same specific way.
    stepTo(h, h.emu.clock.now() + 26 * HOUR);
    const recent = runsOf(h, importId);
    expect(recent.length).toBe(10);
    expect(recent.every((run) => run.status === 'failed' && run.errorCode === 'SHEET_MISSING')).toBe(true);
    const log = sheetValues(h, RUN_LOG_SHEET) ?? [];
    expect(log[1][3]).toBe('Failed');
    expect(String(log[1][6])).toMatch(/was deleted/);

    const sheetMails = h.emu.mail.slice(mailsBefore);
    expect(sheetMails.length).toBeGreaterThanOrEqual(1);
    expect(sheetMails.every((mail) => /was deleted/.test(mail.body))).toBe(true);
    // At most one email per import per New York day, whatever the failure.
    const days = h.emu.mail.map((mail) => new Date(mail.at - 5 * HOUR).toISOString().slice(0, 10));
    expect(new Set(days).size).toBe(days.length);
  });
});
