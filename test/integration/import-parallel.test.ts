// Through the real engine in the emulator: an import paged by many windows at once writes exactly the sheet a
// one-request-at-a-time import writes (same IDs, no duplicates, same order, same cells), in one execution or many.

import type { ImportDefinition, RunRecord } from '../../src/shared/types';
import { GasEmulator } from '../../tools/gas-emulator';
import type { SpreadsheetInspector } from '../../tools/gas-emulator/spreadsheet';
import { generateDataset, LeverSimulator } from '../../tools/lever-sim';
import { buildTestBundle } from '../support/test-bundle';

const USER = 'ana@example.com';
const KEY = 'sim-full-access-key-0001';
const START = Date.UTC(2026, 0, 5, 14);

/** A test-only bundle: the sidebar's calls, plus one execution of the engine with a chosen parallelism and budget. */
const ENTRY = `
import { engineDeps } from './app/import-run';
import { leverForUser } from './app/lever';
import { importRpc } from './app/rpc/imports';
import { keyRpc } from './app/rpc/key';
import { activeDocument } from './gas/document';
import { runSlice } from './import/engine';
export function connect(key, environment) { return keyRpc.saveApiKey(key, environment); }
export function saveImport(input) { return importRpc.saveImport(input); }
export function importSlice(importId, maxParallel, budgetMs, continueOnly) {
  const deps = engineDeps(activeDocument());
  const budget = { startedAt: deps.budget.startedAt, deadline: Date.now() + budgetMs };
  const lever = () => leverForUser({ maxParallel });
  return runSlice({ ...deps, budget, lever }, importId, 'sidebar', { continueOnly });
}
`;
const GLOBALS = ['connect', 'saveImport', 'importSlice'];

let bundleSource = '';
beforeAll(() => {
  bundleSource = buildTestBundle(ENTRY, GLOBALS);
});

interface Imported {
  records: RunRecord[];
  values: unknown[][];
  sim: LeverSimulator;
  /** Instants at which the import's record pages were requested. */
  pageTimes: number[];
}

/** Imports every opportunity (all default columns) into a fresh spreadsheet, one execution per `budgetMs`. */
function importAll(maxParallel: number, budgetMs: number): Imported {
  const dataset = generateDataset({ seed: 5, opportunities: 3_000, requisitions: 5, now: START });
  let emu: GasEmulator | undefined;
  const sim = new LeverSimulator({
    dataset,
    keys: [{ key: KEY, environment: 'production', permissions: 'all', confidential: true }],
    now: () => emu?.clock.now() ?? START,
    // Pinned: the parallel width asserted below needs newest-first order (import-order.test.ts: the other orders).
    readings: { listOrder: 'newest-first' },
  });
  emu = new GasEmulator({ bundleSource, start: START, fetch: (request) => sim.handle(request) });
  const ssId = emu.createSpreadsheet({ name: 'Plan', timeZone: 'America/New_York', owner: USER });
  const run = <T>(fn: string, args: unknown[]): T => {
    const result = (emu as GasEmulator).run(fn, args, { user: USER, spreadsheetId: ssId });
    if (!result.ok) throw new Error(`${fn}: ${result.error?.message}`);
    return result.value as T;
  };
  run('connect', [KEY, 'production']);
  const definition = run<ImportDefinition>('saveImport', [
    {
      name: 'Everything',
      object: 'opportunities',
      environment: 'production',
      filters: { archived: 'include', snoozed: 'include', confidential: 'include' },
      columns: [],
      sheetName: 'Opportunities',
      writeMode: 'replace',
    },
  ]);
  const before = sim.requests.length;
  const records = [run<RunRecord>('importSlice', [definition.id, maxParallel, budgetMs, false])];
  while (records[records.length - 1].status === 'continuing' && records.length < 50) {
    emu.clock.advance(1_000);
    records.push(run<RunRecord>('importSlice', [definition.id, maxParallel, budgetMs, true]));
  }
  const values = (emu.spreadsheet(ssId) as SpreadsheetInspector).sheet('Opportunities').values();
  const pageTimes = sim.requests
    .slice(before)
    .filter((request) => request.path.endsWith('/opportunities'))
    .map((request) => request.at);
  return { records, values, sim, pageTimes };
}

describe('a parallel import', () => {
  it('writes the same sheet as a sequential one, in one execution or in several', () => {
    const sequential = importAll(1, 270_000);
    const parallel = importAll(12, 270_000);
    const sliced = importAll(12, 1_000);
    for (const run of [sequential, parallel, sliced])
      expect(run.records[run.records.length - 1].status).toBe('succeeded');
    expect(sequential.records).toHaveLength(1);
    expect(sliced.records.length).toBeGreaterThan(2);

    const ids = sequential.values.slice(1).map((row) => row[0]);
    expect(ids).toEqual(sequential.sim.query('opportunities', { confidentiality: 'all' }));
    expect(new Set(ids).size).toBe(3_000);
    expect(parallel.values).toEqual(sequential.values);
    expect(sliced.values).toEqual(sequential.values);
    // One page at a time against several at once (requests sent together share an instant).
    const widestBatch = (run: Imported) => {
      const perInstant = new Map<number, number>();
      for (const at of run.pageTimes) perInstant.set(at, (perInstant.get(at) ?? 0) + 1);
      return Math.max(...perInstant.values());
    };
    expect(widestBatch(sequential)).toBe(1);
    expect(widestBatch(parallel)).toBeGreaterThan(4);
  });
});
