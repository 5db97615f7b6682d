// Sentences about unattended runs: specific advice per failure, owner named, times in the spreadsheet's zone.
import type { ErrorCode } from '../../../src/errors';
import { failureEmail, formatLocal, scheduledFailureAdvice } from '../../../src/schedule/messages';
import { runRecord, scheduled } from '../trigger/fakes';

const ANA = 'ana@example.com';

describe('scheduledFailureAdvice', () => {
  it('gives each failure its own advice and names whose key the schedule uses', () => {
    const codes: ErrorCode[] = ['LEVER_AUTH', 'NO_KEY', 'SHEET_MISSING', 'QUOTA', 'LEVER_UNAVAILABLE'];
    const advice = codes.map((code) => scheduledFailureAdvice(code, ANA));
    expect(new Set(advice).size).toBe(codes.length);
    expect(advice[0]).toContain(`${ANA}'s key`);
    expect(advice[1]).toMatch(/removed/);
    expect(advice[2]).toMatch(/Renaming a sheet is fine/);
    expect(advice[3]).toMatch(/daily limit resets/);
    expect(scheduledFailureAdvice('LEVER_AUTH', '')).toContain("the schedule owner's key");
  });
});

describe('failureEmail', () => {
  it('puts the import in the subject and the local time, the reason and the link in the body', () => {
    const email = failureEmail({
      definition: scheduled('a', { kind: 'weekly', hour: 9, weekDay: 'MONDAY' }, ANA, { name: 'Reqs' }),
      run: runRecord('a', { status: 'failed', errorCode: 'NO_KEY', message: 'Connect Lever first.' }),
      spreadsheetName: 'Plan',
      spreadsheetUrl: 'https://example.test/plan',
      timeZone: 'Asia/Kolkata',
      now: Date.UTC(2026, 0, 6, 3, 30),
    });
    expect(email.subject).toBe('Lever for Sheets: scheduled import "Reqs" failed');
    expect(email.body).toContain('2026-01-06 09:00 Asia/Kolkata');
    expect(email.body).toContain('Connect Lever first.');
    expect(email.body).toContain('every Monday at 09:00');
    expect(email.body).toContain('https://example.test/plan');
  });

  it('formats local times with DST', () => {
    expect(formatLocal(Date.UTC(2026, 6, 6, 11), 'America/New_York')).toBe('2026-07-06 07:00 America/New_York');
  });
});
