// Through the built bundle: a 25,000-opportunity import crosses the 6-minute limit and finishes exact via continueImport.

import type { ImportDefinition, RunRecord } from '../../src/shared/types';
import { GasEmulator } from '../../tools/gas-emulator';
import type { SpreadsheetInspector } from '../../tools/gas-emulator/spreadsheet';
import { generateDataset, LeverSimulator } from '../../tools/lever-sim';
import { defaultKeys, START } from '../support/harness';
import { STATE_SHEET } from '../support/state';
import {
  book,
  connect,
  createHarness,
  documentProperties,
  EVERYTHING,
  FULL_KEY,
  lastOf,
  opportunityImport,
  saveImport,
  sheet,
  sheetIds,
  USER,
} from './import-support';

describe('a large import', () => {
  it('continues over several executions and commits the exact set, the target untouched until then', () => {
    // Slow answers (20 s each, the client pages several windows at once) make 250 pages take far longer than one 6-minute execution.
    // Pinned to newest-first: the execution count relies on parallel windows (import-order.test.ts: other orders).
    const h = createHarness({
      opportunities: 25_000,
      requisitions: 10,
      latencyMs: 20_000,
      readings: { listOrder: 'newest-first' },
    });
    connect(h);
    const small = { ...EVERYTHING, createdAfter: '2026-01-01' };
    const definition = saveImport(h, opportunityImport({ filters: small, columns: ['name', 'createdAt', 'stage'] }));
    expect(h.call<RunRecord>('runImport', [definition.id]).status).toBe('succeeded');
    const before = sheet(h, 'Opportunities').values();
    expect(before.length).toBeGreaterThan(1);

    saveImport(h, {
      ...opportunityImport({ filters: EVERYTHING, columns: ['name', 'createdAt', 'stage'] }),
      id: definition.id,
    });
    const runs: RunRecord[] = [];
    const executions: Array<{ elapsedMs: number; timedOut: boolean }> = [];
    for (let call = 0; call < 12 && lastOf(runs)?.status !== 'succeeded'; call++) {
      const result = h.emu.callFromSidebar(call === 0 ? 'runImport' : 'continueImport', [definition.id], {
        user: USER,
        spreadsheetId: h.ssId,
      });
      executions.push({ elapsedMs: result.elapsedMs, timedOut: result.timedOut });
      expect(result.ok).toBe(true);
      runs.push(result.value as RunRecord);
      if (runs.length === 1) {
        expect(runs[0].status).toBe('continuing');
        expect(sheet(h, 'Opportunities').values()).toEqual(before);
        expect(
          book(h)
            .sheetNames()
            .some((name) => name.startsWith('_lever_staging_')),
        ).toBe(true);
        expect(h.call<RunRecord>('getRunProgress', [definition.id]).rowsFetched).toBeGreaterThan(0);
      }
    }

    const final = lastOf(runs);
    expect(final).toMatchObject({ status: 'succeeded', rowsWritten: 25_000 });
    expect(final.executions).toBe(runs.length);
    expect(runs.length).toBeGreaterThan(1);
    expect(executions.every((execution) => !execution.timedOut && execution.elapsedMs < 360_000)).toBe(true);
    const ids = sheetIds(h, 'Opportunities');
    expect(ids).toEqual(h.sim.query('opportunities', { confidentiality: 'all' }));
    expect(new Set(ids).size).toBe(25_000);
    // The hidden state sheet (shared document state) aside, no sheet but the target, the status and the hidden base
    // of the next changes-only refresh is left (every opportunity import keeps one while under 5 million cells).
    expect(
      book(h)
        .sheetNames()
        .filter((name) => name !== STATE_SHEET),
    ).toEqual(['Sheet1', 'Opportunities', `_lever_base_${definition.id}`, 'Lever status']);
    expect(Object.keys(documentProperties(h)).some((key) => key.startsWith('checkpoint.'))).toBe(false);
  });
});

describe('an execution killed by Google', () => {
  it('is resumed from its last checkpoint and finishes exact, the target untouched meanwhile', () => {
    // Executions are killed at 100 s here, long before the engine's own 270 s budget would stop them.
    const dataset = generateDataset({ seed: 3, opportunities: 6_000, requisitions: 5, now: START });
    let emu: GasEmulator | undefined;
    // Pinned to newest-first: the time budget below relies on parallel windows.
    const sim = new LeverSimulator({
      dataset,
      keys: defaultKeys(),
      now: () => emu?.clock.now() ?? START,
      readings: { listOrder: 'newest-first' },
    });
    emu = new GasEmulator({
      start: START,
      fetch: (request) => sim.handle(request),
      costs: { urlFetchMs: 20_000 },
      executionLimitMs: 100_000,
    });
    const ssId = emu.createSpreadsheet({ name: 'Plan', timeZone: 'America/New_York', owner: USER });
    const call = (fn: string, args: unknown[]) => emu.callFromSidebar(fn, args, { user: USER, spreadsheetId: ssId });
    const target = () => (emu.spreadsheet(ssId) as SpreadsheetInspector).sheet('Opportunities').values();
    expect(call('saveApiKey', [FULL_KEY, 'production']).ok).toBe(true);
    const input = opportunityImport({ filters: { ...EVERYTHING, createdAfter: '2026-01-03' }, columns: ['name'] });
    const definition = call('saveImport', [input]).value as ImportDefinition;
    expect((call('runImport', [definition.id]).value as RunRecord).status).toBe('succeeded');
    const before = target();

    call('saveImport', [{ ...opportunityImport({ filters: EVERYTHING, columns: ['name'] }), id: definition.id }]);
    const killed = call('runImport', [definition.id]);
    expect(killed.timedOut).toBe(true);
    // The killed execution's import lease lasts until Apps Script's own 6-minute limit (this test kills sooner).
    const leaseExpires = () => emu.clock.advance(360_000);
    leaseExpires();
    let progress = call('getRunProgress', [definition.id]).value as RunRecord;
    expect(progress.status).toBe('running');
    expect(progress.rowsFetched).toBeGreaterThan(0);
    for (let attempt = 0; attempt < 10 && progress.status !== 'succeeded'; attempt++) {
      expect(target()).toEqual(before);
      const result = call('continueImport', [definition.id]);
      progress = call('getRunProgress', [definition.id]).value as RunRecord;
      if (!result.timedOut) expect(result.value).toEqual(progress);
      else leaseExpires();
    }
    expect(progress).toMatchObject({ status: 'succeeded', rowsWritten: 6_000 });
    const ids = target()
      .slice(1)
      .map((row) => row[0]);
    expect(ids).toEqual(sim.query('opportunities', { confidentiality: 'all' }));
  });
});
