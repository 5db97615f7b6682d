// Failure emails: to the owner, once per import per day, optional per spreadsheet, never fatal.
import { memoryStore } from '../../../src/ports/store';
import { writeSettings } from '../../../src/store/schedule-state';
import { notifyFailure } from '../../../src/trigger/failure-email';
import { FakeMail, runRecord, scheduled } from './fakes';

const ANA = 'ana@example.com';
const NY = 'America/New_York';

function setup(now = Date.UTC(2026, 0, 6, 12, 30)) {
  const mail = new FakeMail();
  const deps = {
    mail,
    documentStore: memoryStore(),
    timeZone: NY,
    spreadsheetName: 'Headcount plan',
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/ss-1/edit',
    now,
  };
  return { mail, deps };
}

const failed = runRecord('a', { status: 'failed', errorCode: 'LEVER_AUTH', message: 'Lever rejected the API key.' });
const def = scheduled('a', { kind: 'daily', hour: 7 }, ANA, { name: 'Open reqs' });

describe('notifyFailure', () => {
  it('emails the owner with what failed, what happens next and where to look', () => {
    const { mail, deps } = setup();
    expect(notifyFailure(deps, def, failed)).toBe('sent');
    expect(mail.sent).toHaveLength(1);
    const [sent] = mail.sent;
    expect(sent.to).toBe(ANA);
    expect(sent.subject).toContain('Open reqs');
    expect(sent.body).toContain('Lever rejected the API key.');
    expect(sent.body).toContain('save a new key');
    expect(sent.body).toContain('2026-01-06 07:30 America/New_York');
    expect(sent.body).toContain(deps.spreadsheetUrl);
  });

  it("sends at most one email per import per day in the spreadsheet's zone", () => {
    const { mail, deps } = setup();
    notifyFailure(deps, def, failed);
    expect(notifyFailure({ ...deps, now: deps.now + 10 * 3_600_000 }, def, failed)).toBe('already-today');
    expect(notifyFailure(deps, { ...def, id: 'b' }, failed)).toBe('sent');
    // 05:00 UTC on the 7th is midnight in New York: a new day there.
    expect(notifyFailure({ ...deps, now: Date.UTC(2026, 0, 7, 5) }, def, failed)).toBe('sent');
    expect(mail.sent).toHaveLength(3);
  });

  it("respects the spreadsheet's setting and the mail quota, and survives a mail error", () => {
    const { mail, deps } = setup();
    writeSettings(deps.documentStore, { failureEmails: false });
    expect(notifyFailure(deps, def, failed)).toBe('disabled');
    writeSettings(deps.documentStore, { failureEmails: true });
    mail.quota = 0;
    expect(notifyFailure(deps, def, failed)).toBe('no-quota');
    mail.quota = 5;
    mail.failWith = 'Service invoked too many times for one day: email.';
    expect(notifyFailure(deps, def, failed)).toBe('error');
    mail.failWith = undefined;
    expect(notifyFailure(deps, def, failed)).toBe('sent');
    expect(notifyFailure(deps, { ...def, scheduleOwner: '' }, failed)).toBe('no-recipient');
  });
});
