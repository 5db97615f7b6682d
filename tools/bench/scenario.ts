// One benchmark scenario in its own process (so peak memory is its own): the add-on and the baseline, same cost model.
import { GasEmulator } from '../gas-emulator';
import { generateDataset, LeverSimulator } from '../lever-sim';
import type { ListOrderReading } from '../lever-sim/readings';
import { SEQUENTIAL_PAGINATOR_SOURCE } from './sequential-paginator';

export interface ScenarioSpec {
  name: string;
  object: 'opportunities' | 'requisitions';
  records: number;
  latencyMs: number;
  /** Also measure the plain sequential paginator (opportunities only). */
  baseline: boolean;
  /** Lever's list order in the simulator; default newest-first so speed figures compare run to run. */
  listOrder?: ListOrderReading;
}

/** One run of the import (all its executions) as measured. */
interface RunMeasure {
  status: string;
  rows: number;
  executions: number;
  virtualSeconds: number;
  recordsPerSecond: number;
  urlFetchCalls: number;
  urlFetchRequests: number;
  sheetsCalls: number;
  sheetsCallsPer1000Rows: number;
}

export interface ScenarioResult {
  name: string;
  records: number;
  rowsWritten: number;
  latencyMs: number;
  virtualSeconds: number;
  recordsPerSecond: number;
  shareOfCeiling: number;
  baselineRecordsPerSecond?: number;
  speedupVsSequential?: number;
  executions: number;
  urlFetchCalls: number;
  urlFetchRequests: number;
  sheetsCalls: number;
  sheetsCallsPer1000Rows: number;
  status: string;
  /** The same import run again an hour later (a scheduled refresh: the target and status sheet already there). */
  refresh: RunMeasure;
  /** Node's peak RSS by the end of the first run (simulated dataset, emulator and its sheets included). */
  peakRssMb: number;
  /** RSS with the dataset generated and the emulator ready, before the first run. */
  setupRssMb: number;
  wallSeconds: number;
  /** Every service call the first run made, by name: where the Sheets and UrlFetch counts come from. */
  callBreakdown: Record<string, number>;
  listOrder: ListOrderReading;
  /** The first run's sheet holds exactly the simulator's set of IDs for the query (no more, no fewer). */
  exact: boolean;
}

const USER = 'bench@example.com';
const KEY = 'bench-key-0000000000000001';
const START = Date.UTC(2026, 0, 5, 14);
const CEILING_RECORDS_PER_SECOND = 1000;

function setUp(spec: ScenarioSpec, bundleSource?: string) {
  const dataset = generateDataset({
    seed: 11,
    opportunities: spec.object === 'opportunities' ? spec.records : 10,
    requisitions: spec.object === 'requisitions' ? spec.records : 10,
    now: START,
  });
  let emu: GasEmulator | undefined;
  const sim = new LeverSimulator({
    dataset,
    keys: [{ key: KEY, environment: 'production', permissions: 'all', confidential: true }],
    now: () => (emu ? emu.clock.now() : START),
    readings: { listOrder: spec.listOrder ?? 'newest-first' },
  });
  emu = new GasEmulator({
    start: START,
    fetch: (req) => sim.handle(req),
    costs: { urlFetchMs: spec.latencyMs },
    ...(bundleSource ? { bundleSource } : {}),
  });
  const ssId = emu.createSpreadsheet({ name: 'Bench', timeZone: 'Etc/UTC', owner: USER });
  return { emu, sim, ssId };
}

function sumStats(stats: Record<string, number>, prefix: string): number {
  return Object.entries(stats)
    .filter(([name]) => name.startsWith(prefix))
    .reduce((total, [, count]) => total + count, 0);
}

function call(emu: GasEmulator, ssId: string, fn: string, args: unknown[]) {
  const result = emu.callFromSidebar(fn, args, { user: USER, spreadsheetId: ssId });
  if (!result.ok) throw new Error(`${fn}: ${result.error?.message}`);
  return result.value as Record<string, unknown>;
}

type Bench = ReturnType<typeof setUp>;

/** runImport, then continueImport while the run is 'continuing' (as the sidebar does); every call counted. */
function measureRun(bench: Bench, importId: string): { measure: RunMeasure; callBreakdown: Record<string, number> } {
  const { emu, sim, ssId } = bench;
  const before = { stats: { ...emu.stats }, at: emu.clock.now(), requests: sim.requests.length };
  let record = call(emu, ssId, 'runImport', [importId]);
  let executions = 1;
  while (record.status === 'continuing' && executions < 200) {
    record = call(emu, ssId, 'continueImport', [importId]);
    executions += 1;
  }
  const stats = Object.fromEntries(Object.entries(emu.stats).map(([k, v]) => [k, v - (before.stats[k] ?? 0)]));
  const rows = Number(record.rowsWritten ?? record.rowsFetched ?? 0);
  const seconds = (emu.clock.now() - before.at) / 1000;
  const sheetsCalls = sumStats(stats, 'SpreadsheetApp.');
  const measure: RunMeasure = {
    status: String(record.status),
    rows,
    executions,
    virtualSeconds: round(seconds),
    recordsPerSecond: round(rows / seconds),
    urlFetchCalls: sumStats(stats, 'UrlFetchApp.'),
    urlFetchRequests: sim.requests.length - before.requests,
    sheetsCalls,
    sheetsCallsPer1000Rows: round((sheetsCalls / Math.max(rows, 1)) * 1000),
  };
  return { measure, callBreakdown: Object.fromEntries(Object.entries(stats).filter(([, count]) => count > 0)) };
}

function runAddOn(spec: ScenarioSpec) {
  const bench = setUp(spec);
  const setupRssMb = round(process.memoryUsage().rss / 1024 / 1024);
  call(bench.emu, bench.ssId, 'saveApiKey', [KEY, 'production']);
  const definition = call(bench.emu, bench.ssId, 'saveImport', [
    {
      name: spec.name,
      object: spec.object,
      environment: 'production',
      filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'include' },
      columns: [],
      sheetName: spec.object === 'opportunities' ? 'Opportunities' : 'Requisitions',
      writeMode: 'replace',
    },
  ]);
  const first = measureRun(bench, String(definition.id));
  const exact = isExact(bench, spec);
  const peakRssMb = round(process.resourceUsage().maxRSS / 1024);
  // An hour later, as a schedule would: same records, everything the first run created already there.
  bench.emu.clock.advance(3_600_000);
  const refresh = measureRun(bench, String(definition.id)).measure;
  return { ...first, refresh, setupRssMb, peakRssMb, exact };
}

/** The sheet's IDs (first column) against the simulator's set for the bench's filters. */
function isExact(bench: Bench, spec: ScenarioSpec): boolean {
  const name = spec.object === 'opportunities' ? 'Opportunities' : 'Requisitions';
  const ids = bench.emu
    .spreadsheet(bench.ssId)
    .sheet(name)
    .values()
    .slice(1)
    .map((row) => String(row[0]))
    .filter((id) => id !== '');
  const params: Record<string, string> =
    spec.object === 'opportunities'
      ? { archived: 'false', snoozed: 'false', confidentiality: 'all' }
      : { confidentiality: 'all' };
  const truth = new Set(bench.sim.query(spec.object, params));
  return ids.length === truth.size && new Set(ids).size === ids.length && ids.every((id) => truth.has(id));
}

function runBaseline(spec: ScenarioSpec): number {
  const { emu, ssId } = setUp(spec, SEQUENTIAL_PAGINATOR_SOURCE);
  const started = emu.clock.now();
  emu.run('importSequentially', ['https://api.lever.co/v1', KEY, 'Baseline'], { user: USER, spreadsheetId: ssId });
  const rows = emu.spreadsheet(ssId).sheet('Baseline').lastRow();
  return rows / ((emu.clock.now() - started) / 1000);
}

export function runScenario(spec: ScenarioSpec): ScenarioResult {
  const wallStart = Date.now();
  const { measure: first, callBreakdown, refresh, setupRssMb, peakRssMb, exact } = runAddOn(spec);
  const baseline = spec.baseline ? runBaseline(spec) : undefined;
  return {
    name: spec.name,
    records: spec.records,
    rowsWritten: first.rows,
    latencyMs: spec.latencyMs,
    virtualSeconds: first.virtualSeconds,
    recordsPerSecond: first.recordsPerSecond,
    shareOfCeiling: round(first.recordsPerSecond / CEILING_RECORDS_PER_SECOND),
    baselineRecordsPerSecond: baseline === undefined ? undefined : round(baseline),
    speedupVsSequential: baseline ? round(first.recordsPerSecond / baseline) : undefined,
    executions: first.executions,
    urlFetchCalls: first.urlFetchCalls,
    urlFetchRequests: first.urlFetchRequests,
    sheetsCalls: first.sheetsCalls,
    sheetsCallsPer1000Rows: first.sheetsCallsPer1000Rows,
    status: first.status,
    refresh,
    peakRssMb,
    setupRssMb,
    wallSeconds: round((Date.now() - wallStart) / 1000),
    callBreakdown,
    listOrder: spec.listOrder ?? 'newest-first',
    exact,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

if (require.main === module) {
  const spec = JSON.parse(process.argv[2]) as ScenarioSpec;
  process.stdout.write(`${JSON.stringify(runScenario(spec))}\n`);
}
