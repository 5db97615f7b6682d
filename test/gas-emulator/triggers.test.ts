// ScriptApp triggers as an editor add-on: Google's creation rules, firing in a time zone, quotas and event objects.
import { zonedParts } from '../../tools/gas-emulator/timezone';
import { ANA, BEN, emulator, START } from './helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const BUNDLE = `
  function missingHandler() { ScriptApp.newTrigger('gone').timeBased().everyHours(1).create(); }
  function hourly() { return ScriptApp.newTrigger('tick').timeBased().everyHours(1).create().getUniqueId(); }
  function halfHourly() { ScriptApp.newTrigger('tick').timeBased().everyMinutes(30).create(); }
  function sevenMinutes() { ScriptApp.newTrigger('tick').timeBased().everyMinutes(7); }
  function oneOff(ms) { return ScriptApp.newTrigger('tick').timeBased().after(ms).create().getUniqueId(); }
  function daily(hour, tz) {
    let builder = ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(hour).nearMinute(0);
    if (tz) builder = builder.inTimezone(tz);
    return builder.create().getUniqueId();
  }
  function weekly() { ScriptApp.newTrigger('tick').timeBased().onWeekDay(ScriptApp.WeekDay.WEDNESDAY).atHour(6).create(); }
  function atHourOnly() { ScriptApp.newTrigger('tick').timeBased().atHour(5).create(); }
  function stringWeekDay() { ScriptApp.newTrigger('tick').timeBased().onWeekDay('MONDAY'); }
  function badZone() { ScriptApp.newTrigger('tick').timeBased().inTimezone('Mars/Olympus'); }
  function listMine() {
    return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).map((t) =>
      [t.getHandlerFunction(), t.getEventType() === ScriptApp.EventType.CLOCK, t.getTriggerSource() === ScriptApp.TriggerSource.CLOCK]);
  }
  function countProject() { return ScriptApp.getProjectTriggers().length; }
  function projectUids() { return ScriptApp.getProjectTriggers().map((t) => t.getUniqueId()); }
  function deleteByUid(uid) {
    ScriptApp.getProjectTriggers().filter((t) => t.getUniqueId() === uid).forEach((t) => ScriptApp.deleteTrigger(t));
  }
  function deleteAll() {
    ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).forEach((t) => ScriptApp.deleteTrigger(t));
  }
  function tick(e) {
    const props = PropertiesService.getDocumentProperties();
    props.setProperty('fired', String(Number(props.getProperty('fired') || 0) + 1));
    return { e, active: SpreadsheetApp.getActiveSpreadsheet() === null ? null : 'active',
             lock: LockService.getDocumentLock().tryLock(0), full: e.authMode === ScriptApp.AuthMode.FULL };
  }
  function probe(e) {
    const props = PropertiesService.getDocumentProperties();
    const lock = LockService.getDocumentLock();
    const active = SpreadsheetApp.getActiveSpreadsheet();
    return { active: active === null ? null : active.getId(), props: props !== null, lock: lock !== null,
             opened: SpreadsheetApp.openById(PropertiesService.getUserProperties().getProperty('doc')).getId(),
             uid: e.triggerUid };
  }
  function probeOnce() {
    PropertiesService.getUserProperties().setProperty('doc', SpreadsheetApp.getActiveSpreadsheet().getId());
    return ScriptApp.newTrigger('probe').timeBased().after(0).create().getUniqueId();
  }
  function slowTick() { Utilities.sleep(200000); }
  function slowHourly() { ScriptApp.newTrigger('slowTick').timeBased().everyHours(1).create(); }
  function authStatus() {
    return String(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus());
  }`;

function setup(options = {}) {
  const emu = emulator(BUNDLE, options);
  const doc = emu.createSpreadsheet({ owner: ANA, editors: [BEN] });
  const as = (user: string, spreadsheetId = doc) => ({ user, spreadsheetId });
  return { emu, doc, as };
}

describe('creation rules for an editor add-on', () => {
  test('recurrence under an hour is refused; everyMinutes only takes 1, 5, 10, 15, 30', () => {
    const { emu, as } = setup();
    expect(emu.run('halfHourly', [], as(ANA)).error?.message).toBe(
      'The recurrence interval for an Add-on trigger must be at least one hour.',
    );
    expect(emu.run('sevenMinutes', [], as(ANA)).ok).toBe(false);
    expect(emu.triggers()).toEqual([]);
  });

  test('one time-based trigger per user per document, one-off triggers included', () => {
    const { emu, doc, as } = setup();
    const tooMany =
      'This add-on has created too many time-based triggers in this document for this Google user account.';
    expect(emu.run('hourly', [], as(ANA)).ok).toBe(true);
    expect(emu.run('oneOff', [60_000], as(ANA)).error?.message).toBe(tooMany);
    expect(emu.run('hourly', [], as(ANA)).error?.message).toBe(tooMany);
    expect(emu.run('hourly', [], as(BEN)).ok).toBe(true); // another user in the same document
    const other = emu.createSpreadsheet({ owner: ANA });
    expect(emu.run('oneOff', [60_000], as(ANA, other)).ok).toBe(true); // the same user in another document
    expect(emu.triggers({ spreadsheetId: doc }).map((t) => t.owner)).toEqual([ANA, BEN]);
  });

  test('at most 20 triggers per user', () => {
    const { emu, as } = setup();
    for (let i = 0; i < 20; i++)
      expect(emu.run('hourly', [], as(ANA, emu.createSpreadsheet({ owner: ANA }))).ok).toBe(true);
    expect(emu.run('hourly', [], as(ANA, emu.createSpreadsheet({ owner: ANA }))).error?.message).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(emu.run('countProject', [], as(ANA)).value).toBe(20);
    expect(emu.run('countProject', [], as(BEN)).value).toBe(0);
  });

  test('a fired one-off trigger keeps its slot until deleteTrigger frees it', () => {
    const { emu, doc, as } = setup({ readings: { triggerListing: 'listed' } });
    emu.run('oneOff', [10 * 60_000], as(ANA));
    const fired = emu.advanceTo(START + HOUR);
    expect(fired).toHaveLength(1);
    expect(emu.triggers()).toMatchObject([{ owner: ANA, spreadsheetId: doc, recurring: false, nextFireAt: null }]);
    expect(emu.run('hourly', [], as(ANA)).ok).toBe(false);
    emu.run('deleteAll', [], as(ANA));
    expect(emu.triggers()).toEqual([]);
    expect(emu.run('hourly', [], as(ANA)).ok).toBe(true);
  });

  test("getUserTriggers shows only the running user's triggers, with CLOCK enums", () => {
    const { emu, as } = setup({ readings: { triggerListing: 'listed' } });
    emu.run('hourly', [], as(ANA));
    expect(emu.run('listMine', [], as(ANA)).value).toEqual([['tick', true, true]]);
    expect(emu.run('listMine', [], as(BEN)).value).toEqual([]);
  });

  describe('the triggerListing reading (unknowns 8)', () => {
    test("'unlisted' (the default): getUserTriggers(spreadsheet) leaves the clock trigger out, getProjectTriggers has it", () => {
      const { emu, as } = setup();
      const uid = emu.run('hourly', [], as(ANA)).value as string;
      const other = emu.createSpreadsheet({ owner: ANA });
      const elsewhere = emu.run('hourly', [], as(ANA, other)).value as string;
      expect(emu.run('listMine', [], as(ANA)).value).toEqual([]);
      // Across the project: the user's triggers of every document, clock ones included; never another user's.
      expect(emu.run('projectUids', [], as(ANA)).value).toEqual([uid, elsewhere]);
      expect(emu.run('projectUids', [], as(BEN)).value).toEqual([]);
      // The slot is still taken, and a trigger found through the project can be deleted.
      expect(emu.run('hourly', [], as(ANA)).ok).toBe(false);
      emu.run('deleteByUid', [uid], as(ANA));
      expect(emu.triggers().map((t) => t.uid)).toEqual([elsewhere]);
    });

    test("'listed': getUserTriggers(spreadsheet) lists the clock trigger of that spreadsheet only", () => {
      const { emu, as } = setup({ readings: { triggerListing: 'listed' } });
      emu.run('hourly', [], as(ANA));
      emu.run('hourly', [], as(ANA, emu.createSpreadsheet({ owner: ANA })));
      expect(emu.run('listMine', [], as(ANA)).value).toEqual([['tick', true, true]]);
      expect(emu.run('countProject', [], as(ANA)).value).toBe(2);
    });
  });

  test('builder arguments are checked', () => {
    const { emu, as } = setup();
    expect(emu.run('atHourOnly', [], as(ANA)).ok).toBe(false);
    expect(emu.run('stringWeekDay', [], as(ANA)).error?.message).toBe(
      "The parameters (String) don't match the method signature for ScriptApp.ClockTriggerBuilder.onWeekDay.",
    );
    expect(emu.run('badZone', [], as(ANA)).ok).toBe(false);
    expect(emu.run('hourly', [], { user: ANA }).ok).toBe(false); // outside a document
  });
});

describe('firing', () => {
  test('hourly triggers fire every hour as their owner, with an event object and no active spreadsheet', () => {
    const { emu, doc, as } = setup({ readings: { triggerContext: 'no-active-spreadsheet' } }); // the tick reads document properties
    const uid = emu.run('hourly', [], as(BEN)).value as string;
    const first = emu.triggers()[0].nextFireAt as number;
    expect(first).toBeGreaterThan(START);
    expect(first).toBeLessThanOrEqual(START + HOUR);
    const runs = emu.advanceTo(START + 3 * HOUR);
    expect(runs.map((r) => r.startedAt)).toEqual(
      [first, first + HOUR, first + 2 * HOUR].filter((t) => t <= START + 3 * HOUR),
    );
    const local = zonedParts(runs[0].startedAt, 'America/New_York');
    expect(runs[0]).toMatchObject({ ok: true, trigger: { uid, handler: 'tick' } });
    expect(runs[0].value).toEqual({
      e: {
        authMode: expect.objectContaining({ name: 'FULL' }),
        year: local.year,
        month: local.month,
        'day-of-month': local.day,
        'day-of-week': local.weekDay,
        'week-of-year': 2,
        hour: local.hour,
        minute: local.minute,
        second: local.second,
        timezone: 'America/New_York',
        triggerUid: uid,
      },
      active: null,
      lock: true,
      full: true,
    });
    expect(emu.documentProperties(doc).fired).toBe(String(runs.length));
    expect(emu.clock.now()).toBe(START + 3 * HOUR);
  });

  test('with activeSpreadsheet the trigger sees its document', () => {
    const { emu, as } = setup();
    emu.run('oneOff', [0], as(ANA));
    expect(emu.advanceTo(START + 1, { activeSpreadsheet: true })[0].value).toMatchObject({ active: 'active' });
  });

  describe('trigger context (readings.triggerContext)', () => {
    const fireProbe = (readings: object, opts = {}) => {
      const { emu, doc, as } = setup({ readings });
      const created = emu.run('probeOnce', [], as(ANA));
      expect(created.error).toBeUndefined();
      const uid = created.value;
      const [run] = emu.advanceTo(emu.clock.now() + 60_000, opts);
      expect(run.ok).toBe(true);
      return { value: run.value, doc, uid };
    };

    test("'full': active spreadsheet, document properties and document lock", () => {
      const { value, doc, uid } = fireProbe({ triggerContext: 'full' });
      expect(value).toEqual({ active: doc, props: true, lock: true, opened: doc, uid });
    });

    test("'no-active-spreadsheet': document properties and lock, no active spreadsheet", () => {
      const { value, doc } = fireProbe({ triggerContext: 'no-active-spreadsheet' });
      expect(value).toMatchObject({ active: null, props: true, lock: true, opened: doc });
    });

    test("'none': no active spreadsheet, document properties or lock; openById and e.triggerUid still work", () => {
      const { value, doc, uid } = fireProbe({ triggerContext: 'none' });
      expect(value).toEqual({ active: null, props: false, lock: false, opened: doc, uid });
    });

    test('advanceTo({ activeSpreadsheet: true }) fires in full context whatever the reading', () => {
      const { value, doc } = fireProbe({ triggerContext: 'none' }, { activeSpreadsheet: true });
      expect(value).toMatchObject({ active: doc, props: true, lock: true });
    });

    test('only trigger executions are affected: a sidebar or menu call keeps its document', () => {
      const { emu, doc, as } = setup({ readings: { triggerContext: 'none' } });
      expect(emu.readings.triggerContext).toBe('none');
      expect(emu.run('probe', [{}], as(ANA)).value).toMatchObject({ active: doc, props: true, lock: true });
    });
  });

  test("a daily trigger keeps its local time of day across a DST change, in the trigger's zone", () => {
    const { emu, as } = setup();
    const start = Date.UTC(2026, 2, 5, 20); // Thursday 5 March, 15:00 in New York (EST, UTC-5)
    emu.clock.set(start);
    emu.run('daily', [9, 'America/New_York'], as(ANA));
    const runs = emu.advanceTo(start + 6 * DAY);
    const local = runs.map((r) => zonedParts(r.startedAt, 'America/New_York'));
    expect(local.map((p) => p.day)).toEqual([6, 7, 8, 9, 10, 11]);
    const minutes = local.map((p) => p.hour * 60 + p.minute);
    expect(new Set(minutes).size).toBe(1); // the same wall-clock time every day
    expect(minutes[0]).toBeGreaterThanOrEqual(8 * 60 + 45);
    expect(minutes[0]).toBeLessThanOrEqual(9 * 60 + 15);
    // 8 March 2026 is the spring-forward day: the UTC time moves one hour earlier from then on.
    const utcMinutes = runs.map((r) => (r.startedAt % DAY) / 60_000);
    expect(utcMinutes[1] - utcMinutes[2]).toBe(60);
    expect(utcMinutes[0]).toBe(utcMinutes[1]);
  });

  test("the default zone is the manifest's; atHour is honoured in another zone", () => {
    const { emu, as } = setup();
    emu.run('daily', [7], as(ANA));
    emu.run('daily', [7, 'Asia/Kolkata'], as(BEN));
    const [ana, ben] = emu.triggers();
    expect(ana.timeZone).toBe('America/New_York');
    expect(ben.timeZone).toBe('Asia/Kolkata');
    const anaLocal = zonedParts(ana.nextFireAt as number, 'America/New_York');
    const benLocal = zonedParts(ben.nextFireAt as number, 'Asia/Kolkata');
    expect(Math.abs(anaLocal.hour * 60 + anaLocal.minute - 7 * 60)).toBeLessThanOrEqual(15);
    expect(Math.abs(benLocal.hour * 60 + benLocal.minute - 7 * 60)).toBeLessThanOrEqual(15);
  });

  test('weekly triggers fire on their weekday', () => {
    const { emu, as } = setup();
    emu.run('weekly', [], as(ANA));
    const runs = emu.advanceTo(START + 21 * DAY);
    expect(runs).toHaveLength(3);
    expect(runs.map((r) => zonedParts(r.startedAt, 'America/New_York').weekDay)).toEqual([3, 3, 3]);
  });

  test('a trigger whose time passed while the clock jumped fires once', () => {
    const { emu, as } = setup();
    emu.run('hourly', [], as(ANA));
    emu.clock.advance(10 * HOUR);
    expect(emu.advanceTo(emu.clock.now())).toHaveLength(1);
    const next = emu.triggers()[0].nextFireAt as number;
    expect(next).toBeGreaterThan(emu.clock.now());
    expect(next).toBeLessThanOrEqual(emu.clock.now() + HOUR);
  });

  test('a handler that does not exist fails each firing', () => {
    const { emu, as } = setup();
    emu.run('missingHandler', [], as(ANA));
    const runs = emu.advanceTo(START + 2 * HOUR);
    expect(runs.map((r) => r.error?.message)).toEqual([
      'Script function not found: gone',
      'Script function not found: gone',
    ]);
  });

  test("trigger runtime counts toward the owner's daily quota; past it a trigger fails at once", () => {
    const { emu, as } = setup({ dailyTriggerRuntimeMs: 10 * 60_000 });
    emu.run('slowHourly', [], as(ANA));
    const runs = emu.advanceTo(START + 5 * HOUR);
    expect(runs.map((r) => r.ok)).toEqual([true, true, true, false, false]);
    expect(runs[3]).toMatchObject({
      elapsedMs: 0,
      error: { message: 'Service using too much computer time for one day' },
    });
    expect(emu.triggerRuntimeToday(ANA)).toBe(3 * 200_000);
    expect(emu.triggerRuntimeToday(BEN)).toBe(0);
    const later = emu.advanceTo(START + 26 * HOUR);
    expect(later.at(-1)?.ok).toBe(true); // the window reset 24 hours after the first use
  });
});

describe('authorization', () => {
  test('a revoked user: status REQUIRED, scoped calls fail, the trigger still fires', () => {
    const { emu, as } = setup({ readings: { triggerContext: 'no-active-spreadsheet' } });
    emu.run('hourly', [], as(ANA));
    expect(emu.run('authStatus', [], as(ANA)).value).toBe('NOT_REQUIRED');
    emu.revokeAuthorization(ANA);
    expect(emu.run('authStatus', [], as(ANA)).value).toBe('REQUIRED');
    const runs = emu.advanceTo(START + HOUR);
    expect(runs[0].error?.message).toBe('Authorization is required to perform that action.');
    emu.grantAuthorization(ANA);
    expect(emu.run('authStatus', [], as(ANA)).value).toBe('NOT_REQUIRED');
  });
});
