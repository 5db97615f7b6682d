// The run-log sheet: created on first use, newest first, capped at 50 rows, text escaped, one write per append.
import {
  appendToRunLog,
  type LogEntry,
  RUN_LOG_HEADERS,
  RUN_LOG_LIMIT,
  RUN_LOG_SHEET,
} from '../../../src/health/run-log';
import { FakeLogSpreadsheet } from '../trigger/fakes';

function entry(n: number, overrides: Partial<LogEntry> = {}): LogEntry {
  return {
    at: Date.UTC(2026, 0, 6, 12) + n * 3_600_000,
    importName: `Import ${n}`,
    trigger: 'schedule',
    outcome: 'succeeded',
    rows: n,
    durationMs: 4_400,
    user: 'ana@example.com',
    ...overrides,
  };
}

describe('appendToRunLog', () => {
  it('creates the sheet with headers and puts the newest run first', () => {
    const ss = new FakeLogSpreadsheet();
    appendToRunLog(ss, [entry(1), entry(2)]);
    const sheet = ss.getSheetByName(RUN_LOG_SHEET)!;
    expect(sheet.cells[0]).toEqual(RUN_LOG_HEADERS);
    expect(sheet.cells[1][1]).toBe("'Import 2");
    expect(sheet.cells[2][1]).toBe("'Import 1");
    expect(sheet.cells[1][0]).toEqual(new Date(Date.UTC(2026, 0, 6, 14)));
    expect(sheet.cells[1].slice(3, 6)).toEqual(['Succeeded', 2, 4]);
    appendToRunLog(ss, [entry(3, { outcome: 'failed', message: 'Lever rejected the key.' })]);
    expect(sheet.cells[1][3]).toBe('Failed');
    expect(sheet.cells[1][6]).toBe('Lever rejected the key.');
    expect(sheet.getLastRow()).toBe(4);
  });

  it('keeps only the last 50 runs and writes them in one call', () => {
    const ss = new FakeLogSpreadsheet();
    for (let n = 0; n < 60; n++) appendToRunLog(ss, [entry(n)]);
    const sheet = ss.getSheetByName(RUN_LOG_SHEET)!;
    expect(sheet.getLastRow()).toBe(RUN_LOG_LIMIT + 1);
    expect(sheet.cells[1][4]).toBe(59);
    expect(sheet.cells[RUN_LOG_LIMIT][4]).toBe(10);
    const writesBefore = sheet.writes;
    appendToRunLog(ss, [entry(60), entry(61)]);
    expect(sheet.writes - writesBefore).toBe(1);
  });

  it('never writes an import name or message that Sheets would run as a formula', () => {
    const ss = new FakeLogSpreadsheet();
    appendToRunLog(ss, [entry(1, { importName: '=IMPORTXML("http://x","//a")', message: '+1 failed' })]);
    const row = ss.getSheetByName(RUN_LOG_SHEET)!.cells[1];
    expect(row[1]).toBe('\'=IMPORTXML("http://x","//a")');
    expect(row[6]).toBe("'+1 failed");
  });

  it('does nothing without entries', () => {
    const ss = new FakeLogSpreadsheet();
    appendToRunLog(ss, []);
    expect(ss.getSheetByName(RUN_LOG_SHEET)).toBeNull();
  });
});
