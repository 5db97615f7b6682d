// One bench job in its own process (so its peak memory is its own): an import against the buffered sequential
// baseline, the fixed cost of a run, or an hourly refresh after 1% of the account changed. Prints one JSON line.
import type { ListOrderReading } from '../lever-sim/readings';
import type { AccountShape } from './dataset-shapes';
import {
  type Bench,
  callSidebar,
  drive,
  headerWidth,
  KEY,
  makeDataset,
  measured,
  type RunMeasure,
  runAddOn,
  saveOpportunityImport,
  setUp,
  TARGET_SHEET,
  TRUTH_QUERY,
  USER,
} from './harness';
import { type HiresOffersMeasure, runHiresOffers } from './hires-offers';
import { type CellCostModel, sheetCellMs } from './product-costs';
import { EDIT_MARK, type EditSummary, editOpportunities } from './refresh-edits';
import { type RefreshOffersMeasure, runRefreshOffers } from './refresh-offers';
import { SEQUENTIAL_PAGINATOR_SOURCE } from './sequential-paginator';

export type ScenarioKind = 'import' | 'startup' | 'hourly-refresh' | 'hires-offers' | 'hourly-refresh-offers';

export interface ScenarioSpec {
  name: string;
  kind: ScenarioKind;
  /** Opportunities in the account (startup: ignored, it runs 0 and 1). */
  records: number;
  latencyMs: number;
  shape: AccountShape;
  listOrder: ListOrderReading;
  cells: CellCostModel;
  /** Also run the buffered sequential paginator (import only). */
  baseline: boolean;
  /** hourly-refresh: share of the shown opportunities edited in the hour before the refresh. */
  changedShare?: number;
}

export interface StartupMeasure {
  records: number;
  first: RunMeasure;
  /** The same import an hour later, nothing changed: what caching between runs could save. */
  again: RunMeasure;
}

export interface RefreshMeasure {
  full: RunMeasure;
  refresh: RunMeasure;
  edits: Omit<EditSummary, 'renamedIds'>;
  /** Renamed records the filters still match, and how many of them show the new name after the refresh. */
  renamedShown: number;
  renamedExpected: number;
}

export interface ScenarioResult {
  spec: ScenarioSpec;
  sheetCellMs: number;
  addOn?: RunMeasure;
  /** import: the same import run again an hour later (nothing changed in Lever). */
  again?: RunMeasure;
  baseline?: RunMeasure;
  startup?: StartupMeasure[];
  refresh?: RefreshMeasure;
  hiresOffers?: HiresOffersMeasure;
  refreshOffers?: RefreshOffersMeasure;
  peakRssMb: number;
  wallSeconds: number;
}

const HOUR = 3_600_000;

function bed(spec: ScenarioSpec, records: number, bundleSource?: string): Bench {
  const options = { latencyMs: spec.latencyMs, sheetCellMs: sheetCellMs(spec.cells), listOrder: spec.listOrder };
  return setUp(makeDataset(records, spec.shape), { ...options, ...(bundleSource ? { bundleSource } : {}) });
}

/**
 * The add-on's run, and the same import again in full an hour later; the emulator and dataset are garbage once this
 * returns (large accounts need the memory).
 */
function runAddOnImport(spec: ScenarioSpec): { addOn: RunMeasure; again: RunMeasure; width: number } {
  const bench = bed(spec, spec.records);
  const importId = saveOpportunityImport(bench, spec.name);
  const addOn = runAddOn(bench, importId);
  const width = headerWidth(bench);
  bench.emu.clock.advance(HOUR);
  // A full run again (the sidebar's "Run in full"), not the changes-only refresh a repeated run would otherwise be.
  return { addOn, again: runAddOn(bench, importId, TARGET_SHEET, 1, undefined, { full: true }), width };
}

function runImportScenario(spec: ScenarioSpec): Pick<ScenarioResult, 'addOn' | 'again' | 'baseline'> {
  const { addOn, again, width } = runAddOnImport(spec);
  if (!spec.baseline) return { addOn, again };
  // The dataset is regenerated (seeded, so identical) rather than shared, so that only one emulator is alive.
  return { addOn, again, baseline: runBaseline(bed(spec, spec.records, SEQUENTIAL_PAGINATOR_SOURCE), width || 11) };
}

export function runBaseline(bench: Bench, width: number): RunMeasure {
  const ctx = { user: USER, spreadsheetId: bench.ssId };
  const step = () => {
    const result = bench.emu.run('importSequentially', ['https://api.lever.co/v1', KEY, TARGET_SHEET, width], ctx);
    if (!result.ok) throw new Error(`${result.error?.message ?? 'failed'}${result.timedOut ? ' (timed out)' : ''}`);
    return { status: String((result.value as { status?: unknown }).status) };
  };
  return measured(bench, () => drive(step, step), TARGET_SHEET, 0);
}

function runStartup(spec: ScenarioSpec): StartupMeasure[] {
  return [0, 1].map((records) => {
    const bench = bed(spec, records);
    // The one record is shown (not archived, not snoozed), so the 1-record run writes a row.
    for (const o of bench.sim.dataset.opportunities) Object.assign(o, { archived: null, snoozedUntil: null });
    const importId = saveOpportunityImport(bench, spec.name);
    const first = runAddOn(bench, importId);
    bench.emu.clock.advance(HOUR);
    return { records, first, again: runAddOn(bench, importId) };
  });
}

function runHourlyRefresh(spec: ScenarioSpec): RefreshMeasure {
  const bench = bed(spec, spec.records);
  const importId = saveOpportunityImport(bench, spec.name);
  // An hourly refresh is a scheduled import: those keep the base that changes-only refreshes merge into.
  callSidebar(bench, 'setSchedule', [importId, { kind: 'hourly', everyHours: 1 }]);
  const full = runAddOn(bench, importId);
  bench.emu.clock.advance(HOUR);
  const now = bench.emu.clock.now();
  const dataset = bench.sim.dataset;
  const { renamedIds, ...edits } = editOpportunities(dataset, spec.changedShare ?? 0.01, now - HOUR, now - 1);
  const refresh = runAddOn(bench, importId);
  return { full, refresh, edits, ...renamedCheck(bench, renamedIds) };
}

/** The renamed records still in the import's set, and how many of their rows carry the new name. */
export function renamedCheck(bench: Bench, renamedIds: string[]): { renamedShown: number; renamedExpected: number } {
  const values = bench.emu.spreadsheet(bench.ssId).sheet(TARGET_SHEET).values();
  const nameColumn = (values[0] ?? []).indexOf('Name');
  // The import reads confidential records too (the bench key may): the truth must hold them, like checkSheet's.
  const truth = new Set(bench.sim.query('opportunities', TRUTH_QUERY));
  const expected = new Set(renamedIds.filter((id) => truth.has(id)));
  const shown = values.filter(
    (row) => expected.has(String(row[0])) && nameColumn >= 0 && String(row[nameColumn]).endsWith(EDIT_MARK),
  );
  return { renamedShown: shown.length, renamedExpected: expected.size };
}

export function runScenario(spec: ScenarioSpec): ScenarioResult {
  const wallStart = Date.now();
  const measures =
    spec.kind === 'startup'
      ? { startup: runStartup(spec) }
      : spec.kind === 'hourly-refresh'
        ? { refresh: runHourlyRefresh(spec) }
        : spec.kind === 'hires-offers'
          ? { hiresOffers: runHiresOffers(spec, sheetCellMs(spec.cells)) }
          : spec.kind === 'hourly-refresh-offers'
            ? { refreshOffers: runRefreshOffers(spec, sheetCellMs(spec.cells)) }
            : runImportScenario(spec);
  return {
    spec,
    sheetCellMs: sheetCellMs(spec.cells),
    ...measures,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    wallSeconds: Math.round((Date.now() - wallStart) / 100) / 10,
  };
}

if (require.main === module) {
  const spec = JSON.parse(process.argv[2]) as ScenarioSpec;
  process.stdout.write(`${JSON.stringify(runScenario(spec))}\n`);
}
