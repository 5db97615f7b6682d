// Status rows: one per import, matching its run records and schedule status; and the "nothing changed" check.
import { type ImportHealth, STATUS_HEADERS, sameBlock, statusBlock, statusRow } from '../../../src/health/status-rows';
import { definition, runRecord, scheduled } from '../trigger/fakes';

const NY = 'America/New_York';

function health(overrides: Partial<ImportHealth> = {}): ImportHealth {
  return {
    definition: scheduled('a', { kind: 'hourly', everyHours: 4 }, 'ana@example.com', { name: 'Team reqs' }),
    sheetName: 'Sheet a',
    lastRun: null,
    lastSuccess: null,
    schedule: { ownedByMe: false },
    ...overrides,
  };
}

function cells(row: unknown[]): Record<string, unknown> {
  return Object.fromEntries(STATUS_HEADERS.map((name, i) => [name, row[i]]));
}

describe('statusRow', () => {
  it('takes the last success, the last outcome and error, and the next run from the records', () => {
    const success = runRecord('a', { runId: 's', endedAt: '2026-01-06T12:11:00.000Z', rowsWritten: 37 });
    const failure = runRecord('a', {
      runId: 'f',
      status: 'failed',
      trigger: 'sidebar',
      errorCode: 'LEVER_AUTH',
      message: 'Lever rejected the API key.',
    });
    const row = cells(
      statusRow(
        health({
          lastRun: failure,
          lastSuccess: success,
          schedule: { ownedByMe: false, nextRunAt: '2026-01-06T17:00:00.000Z', warning: 'No successful refresh…' },
        }),
        NY,
      ),
    );
    expect(row).toEqual({
      Import: 'Team reqs',
      Object: 'Requisitions',
      Environment: 'Production',
      Sheet: 'Sheet a',
      Filters: 'Requisitions · confidential excluded',
      Schedule: 'Every 4 hours (America/New_York) · owner ana@example.com',
      'Last success': new Date('2026-01-06T12:11:00.000Z'),
      Rows: 37,
      'Last run outcome': 'Failed · sidebar',
      'Last error': 'Lever rejected the API key.',
      'Next run': new Date('2026-01-06T17:00:00.000Z'),
      Warning: 'No successful refresh…',
    });
  });

  it('leaves the success and error cells empty when there is nothing to show', () => {
    const row = cells(statusRow(health({ lastRun: runRecord('a', { rowsWritten: undefined, rowsFetched: 5 }) }), NY));
    expect(row['Last success']).toBe('');
    expect(row['Last error']).toBe('');
    expect(row['Next run']).toBe('');
    expect(
      cells(statusRow(health({ lastSuccess: runRecord('a', { rowsWritten: undefined, rowsFetched: 5 }) }), NY)).Rows,
    ).toBe(5);
    expect(cells(statusRow(health(), NY))['Last run outcome']).toBe('Never run');
  });

  it('says when the target sheet is not there yet, or was deleted', () => {
    const fresh = health({ definition: definition('b', { sheetName: 'Reqs' }), sheetName: null });
    expect(cells(statusRow(fresh, NY)).Sheet).toBe('Reqs (created at the first run)');
    const lost = health({ definition: definition('b', { sheetName: 'Reqs', sheetId: 12 }), sheetName: null });
    expect(cells(statusRow(lost, NY)).Sheet).toBe('Reqs (deleted)');
    expect(cells(statusRow(health({ definition: definition('c', { environment: 'sandbox' }) }), NY)).Environment).toBe(
      'Sandbox',
    );
  });
});

describe('statusBlock and sameBlock', () => {
  it('puts the header first and one row per import', () => {
    const block = statusBlock([health(), health({ definition: definition('b') })], NY);
    expect(block[0]).toEqual([...STATUS_HEADERS]);
    expect(block.map((row) => row[0])).toEqual(['Import', 'Team reqs', 'Import b']);
  });

  it('treats a read-back with the same values (instants to the second) as unchanged', () => {
    const block = statusBlock([health({ lastSuccess: runRecord('a', { endedAt: '2026-01-06T12:11:00.400Z' }) })], NY);
    const readBack = block.map((row) =>
      row.map((cell) => (cell instanceof Date ? new Date(cell.getTime() - 400) : cell)),
    );
    expect(sameBlock(readBack, block)).toBe(true);
    expect(sameBlock(block.slice(0, 1), block)).toBe(false);
    const edited = readBack.map((row) => [...row]);
    edited[1][0] = 'Renamed';
    expect(sameBlock(edited, block)).toBe(false);
    const moved = readBack.map((row) =>
      row.map((cell) => (cell instanceof Date ? new Date(cell.getTime() + 60_000) : cell)),
    );
    expect(sameBlock(moved, block)).toBe(false);
  });
});
