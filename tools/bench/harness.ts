// The bench's test bed: a seeded Lever account in the simulator, the built bundle in the Apps Script emulator with a
// chosen cost per Sheets cell, and one measured run (every execution of it) read back from the sheet itself.
import { GasEmulator } from '../gas-emulator';
import { generateDataset, LeverSimulator } from '../lever-sim';
import type { ListOrderReading } from '../lever-sim/readings';
import type { LeverDataset } from '../lever-sim/types';
import { type AccountShape, applyShape } from './dataset-shapes';
import type { RunFigures } from './verdict';

export const USER = 'bench@example.com';
export const KEY = 'bench-key-0000000000000001';
export const START = Date.UTC(2026, 0, 5, 14);
export const TARGET_SHEET = 'Opportunities';
/** The import's filters as Lever query parameters: what the sheet must hold exactly. */
export const TRUTH_QUERY = { archived: 'false', snoozed: 'false', confidentiality: 'all' };
/**
 * The emulator's real-time guard against CPU loops (60 s by default) would stop a large execution on a busy machine
 * while its virtual time is well inside the 6 minutes: the bench allows real time enough for 500,000 records.
 */
const WALL_CLOCK_LIMIT_MS = 30 * 60_000;
/** A run that is still 'continuing' after this many executions is reported as incomplete. */
const MAX_EXECUTIONS = 200;

export interface Bench {
  emu: GasEmulator;
  sim: LeverSimulator;
  ssId: string;
}

/** A run's figures plus what it cost: requests Lever saw, UrlFetch quota used, Sheets calls. */
export interface RunMeasure extends RunFigures {
  /** Requests the simulator received (429s included). */
  requests: number;
  /** UrlFetch quota used: one per request, whether sent by fetch or in a fetchAll. */
  urlFetchQuota: number;
  /** UrlFetchApp.fetch and fetchAll calls. */
  urlFetchCalls: number;
  sheetsCalls: number;
  /** Requests to endpoints other than the opportunity list (lookups): what Lever's bound counts besides pages. */
  otherRequests: number;
}

/** How long the bench's clock may run (a slow baseline of a large account takes hours of virtual time). */
const HORIZON_MS = 12 * 3_600_000;

export function makeDataset(opportunities: number, shape: AccountShape, requisitions = 10): LeverDataset {
  const dataset = generateDataset({ seed: 11, opportunities, requisitions, now: START });
  applyShape(dataset, shape, START);
  // A snooze ending mid-run changes the truth under the run's feet; the exactness check would then blame the import.
  for (const o of dataset.opportunities) {
    if (o.snoozedUntil !== null && o.snoozedUntil > START && o.snoozedUntil <= START + HORIZON_MS) {
      o.snoozedUntil += HORIZON_MS;
    }
  }
  return dataset;
}

export function setUp(
  dataset: LeverDataset,
  options: { latencyMs: number; sheetCellMs: number; listOrder: ListOrderReading; bundleSource?: string },
): Bench {
  let emu: GasEmulator | undefined;
  const sim = new LeverSimulator({
    dataset,
    keys: [{ key: KEY, environment: 'production', permissions: 'all', confidential: true }],
    now: () => (emu ? emu.clock.now() : START),
    readings: { listOrder: options.listOrder },
  });
  emu = new GasEmulator({
    start: START,
    fetch: (req) => sim.handle(req),
    costs: { urlFetchMs: options.latencyMs, sheetCellMs: options.sheetCellMs },
    wallClockLimitMs: WALL_CLOCK_LIMIT_MS,
    ...(options.bundleSource ? { bundleSource: options.bundleSource } : {}),
  });
  const ssId = emu.createSpreadsheet({ name: 'Bench', timeZone: 'Etc/UTC', owner: USER });
  return { emu, sim, ssId };
}

export function callSidebar(bench: Bench, fn: string, args: unknown[]): Record<string, unknown> {
  const result = bench.emu.callFromSidebar(fn, args, { user: USER, spreadsheetId: bench.ssId });
  if (!result.ok)
    throw new Error(`${fn}: ${result.error?.message ?? 'failed'}${result.timedOut ? ' (timed out)' : ''}`);
  return result.value as Record<string, unknown>;
}

export function saveOpportunityImport(bench: Bench, name: string): string {
  callSidebar(bench, 'saveApiKey', [KEY, 'production']);
  const definition = callSidebar(bench, 'saveImport', [
    {
      name,
      object: 'opportunities',
      environment: 'production',
      filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'include' },
      columns: [],
      sheetName: TARGET_SHEET,
      writeMode: 'replace',
    },
  ]);
  return String(definition.id);
}

export type Step = () => { status: string; message?: string };

/** Runs `first`, then `next` while the run says 'continuing'; a thrown error is the run's failure. */
export function drive(first: Step, next: Step): { status: string; message?: string; executions: number } {
  try {
    let outcome = first();
    let executions = 1;
    while (outcome.status === 'continuing' && executions < MAX_EXECUTIONS) {
      outcome = next();
      executions += 1;
    }
    return { ...outcome, executions };
  } catch (error) {
    return { status: 'error', message: (error as Error).message, executions: 0 };
  }
}

/** The add-on's run as the sidebar drives it: runImport, then continueImport while 'continuing'. */
export function runAddOn(
  bench: Bench,
  importId: string,
  sheet = TARGET_SHEET,
  header = 1,
  truth: Truth = opportunityTruth,
  options?: { full: boolean },
): RunMeasure {
  const step = (fn: string) => () => {
    const record = callSidebar(bench, fn, fn === 'runImport' && options ? [importId, options] : [importId]);
    return { status: String(record.status), message: record.message as string | undefined };
  };
  return measured(bench, () => drive(step('runImport'), step('continueImport')), sheet, header, truth);
}

/** Snapshots the counters, runs, and reads the result from the sheet (data rows after `header` rows). */
export function measured(
  bench: Bench,
  run: () => { status: string; message?: string; executions: number },
  sheet: string,
  header: number,
  truth: Truth = opportunityTruth,
): RunMeasure {
  const { emu, sim } = bench;
  const before = { stats: { ...emu.stats }, at: emu.clock.now(), requests: sim.requests.length };
  const outcome = run();
  const delta = (prefix: string) =>
    Object.entries(emu.stats)
      .filter(([name]) => name.startsWith(prefix))
      .reduce((sum, [name, count]) => sum + count - (before.stats[name] ?? 0), 0);
  const check = checkSheet(bench, sheet, header, truth);
  return {
    ...outcome,
    ...check,
    seconds: (emu.clock.now() - before.at) / 1000,
    requests: sim.requests.length - before.requests,
    otherRequests: sim.requests.slice(before.requests).filter((r) => r.path !== '/v1/opportunities').length,
    urlFetchQuota: delta('UrlFetchApp.requests'),
    urlFetchCalls: delta('UrlFetchApp.fetch'),
    sheetsCalls: delta('SpreadsheetApp.'),
  };
}

/** The IDs the sheet must hold exactly, from the simulator at the clock's now. */
export type Truth = (bench: Bench) => Set<string>;
const opportunityTruth: Truth = (bench) => new Set(bench.sim.query('opportunities', TRUTH_QUERY));

/** The sheet's IDs (first column) against the simulator's set for the import's filters, at the clock's now. */
export function checkSheet(bench: Bench, sheet: string, header: number, truthOf: Truth = opportunityTruth) {
  const truth = truthOf(bench);
  const book = bench.emu.spreadsheet(bench.ssId);
  const ids = book.hasSheet(sheet)
    ? book
        .sheet(sheet)
        .values()
        .slice(header)
        .map((row) => String(row[0]))
        .filter((id) => id !== '')
    : [];
  const exact = ids.length === truth.size && new Set(ids).size === ids.length && ids.every((id) => truth.has(id));
  return { rowsInSheet: ids.length, expectedRows: truth.size, exact };
}

/** Columns of the header row the add-on wrote (the baseline writes as many). */
export function headerWidth(bench: Bench, sheet = TARGET_SHEET): number {
  const book = bench.emu.spreadsheet(bench.ssId);
  if (!book.hasSheet(sheet)) return 0;
  return (book.sheet(sheet).values()[0] ?? []).filter((cell) => cell !== '').length;
}
