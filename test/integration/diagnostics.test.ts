// Extensions → Lever for Sheets → Diagnostics through the built bundle, under every Apps Script reading.
import type { GasReadings } from '../../tools/gas-emulator/readings';
import { createHarness, FULL_KEY, type Harness, USER } from '../support/harness';
import { HOUR, scheduledImport } from './schedule-support';

const MINUTE = 60_000;

function decodeHtml(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Runs the menu item and returns the report text shown in the dialog (and the raw HTML). */
function diagnostics(h: Harness): { text: string; html: string } {
  const before = h.emu.ui(h.ssId).length;
  const result = h.emu.run('showDiagnostics', [], { user: USER, spreadsheetId: h.ssId });
  if (!result.ok) throw new Error(`showDiagnostics failed: ${result.error?.message}`);
  const dialogs = h.emu
    .ui(h.ssId)
    .slice(before)
    .filter((event) => event.kind === 'dialog');
  expect(dialogs).toHaveLength(1);
  const html = String(dialogs[0].detail.html);
  const match = /<textarea readonly[^>]*>([\s\S]*)<\/textarea>/.exec(html);
  if (!match) throw new Error('no read-only textarea in the dialog');
  expect(match[1]).not.toMatch(/[<>]/);
  return { text: decodeHtml(match[1]), html };
}

type Case = [string, Partial<GasReadings>, { active: string; props: string; lock: string }];
const FULL = { active: 'yes', props: 'yes', lock: 'yes' };
const CASES: Case[] = [
  ['triggerListing listed', { triggerListing: 'listed', triggerContext: 'full' }, FULL],
  ['triggerListing unlisted', { triggerListing: 'unlisted', triggerContext: 'full' }, FULL],
  ['intlZones present', { intlZones: 'present', triggerContext: 'full' }, FULL],
  ['intlZones absent', { intlZones: 'absent', triggerContext: 'full' }, FULL],
  ['triggerContext full', { triggerContext: 'full' }, FULL],
  ['triggerContext no-active-spreadsheet', { triggerContext: 'no-active-spreadsheet' }, { ...FULL, active: 'no' }],
  ['triggerContext none', { triggerContext: 'none' }, { active: 'no', props: 'no', lock: 'no' }],
];

describe.each(CASES)('Diagnostics under %s', (_label, readings, expected) => {
  const listed = (readings.triggerListing ?? 'unlisted') === 'listed' ? 'yes' : 'no';
  const intl = readings.intlZones ?? 'absent';
  let h: Harness;
  beforeAll(() => {
    h = createHarness({ requisitions: 5, opportunities: 5, readings });
  });

  it('without a schedule: creates a one-off probe and says when to look again; no key means no fetch test', () => {
    const { text } = diagnostics(h);
    expect(text).toMatch(/pending — open Diagnostics again after \d{4}-\d\d-\d\d \d\d:\d\d \(America\/New_York\)/);
    expect(text).toMatch(/fetchAll against Lever\n {2}skipped: no Lever key is saved/);
    const triggers = h.emu.triggers({ user: USER, spreadsheetId: h.ssId });
    expect(triggers).toMatchObject([{ handler: 'onDiagnosticsProbe', recurring: false }]);
  });

  it('the probe records what the trigger could reach, then deletes itself and its record', () => {
    h.call('saveApiKey', [FULL_KEY, 'production']);
    const fired = h.emu.advanceTo(h.emu.clock.now() + 10 * MINUTE);
    expect(fired.map((result) => [result.ok, result.trigger?.handler])).toEqual([[true, 'onDiagnosticsProbe']]);
    expect(h.emu.triggers()).toEqual([]);
    expect(Object.keys(h.emu.userProperties(USER)).filter((key) => key.startsWith('trigger.'))).toEqual([]);

    const { text, html } = diagnostics(h);
    expect(h.emu.triggers()).toEqual([]); // a reading exists: no new probe
    expect(text).toContain(`  active spreadsheet: ${expected.active}\n`);
    expect(text).toContain(`  document properties: ${expected.props}\n`);
    expect(text).toContain(`  document lock: ${expected.lock}\n`);
    expect(text).toContain('  e.triggerUid: yes\n');
    expect(text).toContain(`  getUserTriggers(spreadsheet) listed it: ${listed}\n`);
    expect(text).toContain('  getProjectTriggers() listed it: yes\n');
    expect(text).not.toContain('pending');
    // Intl against Utilities in the spreadsheet's zone, across DST.
    if (intl === 'present') {
      expect(text).toContain('Intl zone data: present');
      expect(text).not.toContain('DIFFERENT');
    } else {
      expect(text).toContain('Intl zone data: absent (Invalid time zone specified: America/New_York)');
    }
    expect(text).toContain('2026-03-08T06:30:00.000Z  Utilities 2026-03-08 01:30');
    expect(text).toContain('2026-03-08T07:30:00.000Z  Utilities 2026-03-08 03:30');
    // fetchAll with the saved key: five requests in about the time of one.
    expect(text).toMatch(/one request: \d+ ms\n {2}fetchAll of 5: \d+ ms\n {2}inferred parallelism: 5 of 5/);
    expect(text).toMatch(/HTTP statuses: (\d{3}, ){5}\d{3}/);
    expect(text).toMatch(/your UserProperties: \d+ of 512000 bytes \(UTF-8\)/);
    expect(text).toMatch(/trigger runtime used today: [\d.]+ of 90\.0 min/);
    expect(html).not.toContain(FULL_KEY);
    expect(text).not.toContain(FULL_KEY);
  });

  it('with a schedule holding the slot: no extra trigger, and the next firing records a new reading', () => {
    scheduledImport(h, 'Reqs', { kind: 'hourly', everyHours: 1 });
    const [dispatcher] = h.emu.triggers();
    const { text } = diagnostics(h);
    expect(h.emu.triggers().map((t) => t.uid)).toEqual([dispatcher.uid]);
    expect(text).toContain('held by: your schedules (onScheduledRun)');
    expect(text).toContain(`getUserTriggers(spreadsheet) lists it: ${listed}`);
    expect(text).toContain('getProjectTriggers() lists it: yes');
    // Whatever the dispatch itself then does (under 'none' it is branch gas-context's to make work), the probe at
    // the start of the firing has recorded its context.
    const fired = h.emu.advanceTo(h.emu.clock.now() + 2 * HOUR);
    expect(fired.length).toBeGreaterThan(0);
    const after = diagnostics(h).text;
    expect(after).toContain('(by onScheduledRun)');
    expect(h.emu.triggers().map((t) => t.uid)).toEqual([dispatcher.uid]);
  });
});

describe('a schedule set while the probe is pending', () => {
  it('takes the slot from the probe: one dispatcher trigger, the probe gone', () => {
    const h = createHarness({ requisitions: 5, opportunities: 5 });
    diagnostics(h);
    expect(h.emu.triggers()).toMatchObject([{ handler: 'onDiagnosticsProbe' }]);
    scheduledImport(h, 'Reqs', { kind: 'daily', hour: 7 });
    expect(h.emu.triggers()).toMatchObject([{ handler: 'onScheduledRun', recurring: true }]);
    const { text } = diagnostics(h);
    expect(text).toMatch(/pending — open Diagnostics again after/);
    expect(h.emu.triggers()).toHaveLength(1);
  });
});

describe('Diagnostics: UrlFetch calls counted today', () => {
  it('shows exactly the requests the add-on sent to Lever for this user', () => {
    const h = createHarness({ requisitions: 5, opportunities: 5 });
    const saved = h.emu.run('saveApiKey', [FULL_KEY, 'production'], { user: USER, spreadsheetId: h.ssId });
    expect(saved.ok).toBe(true);
    const sent = h.sim.requests.length;
    expect(sent).toBeGreaterThan(0);
    const { text } = diagnostics(h);
    expect(text).toContain(`UrlFetch calls sent by this add-on today: ${sent} of 20000 (consumer quota)`);
  });
});
