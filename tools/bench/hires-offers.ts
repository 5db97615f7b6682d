// The cost of the hire and offer columns: an account with 2% hires imports its opportunities (archived included, so
// hires are in scope) and its requisitions, each with and without those columns, each on a fresh test bed.
import { defaultColumnKeys } from '../../src/import/columns';
import { type Bench, callSidebar, KEY, makeDataset, type RunMeasure, runAddOn, setUp, type Truth } from './harness';
import type { ScenarioSpec } from './scenario';

export const OFFER_COLUMNS = ['offerStatus', 'offerSentOn', 'offerStartDate', 'offerSalary', 'offerCurrency'];
export const HIRE_COLUMNS = ['hires', 'openSeats', 'nextStartDate', 'lastHiredOn'];
export const ACTIVE_OFFER_COLUMNS = ['activeOffers'];
/** Requisitions in the account: enough that 2% hires spread over many seats. */
const REQUISITIONS = 200;

export interface HiresOffersMeasure {
  hires: number;
  /** Opportunities with at least one offer in the simulator. */
  withOffers: number;
  opportunities: { without: RunMeasure; with: RunMeasure };
  requisitions: { without: RunMeasure; with: RunMeasure };
  /** The requisitions with "Active offers" (compared with the same `without` run). */
  activeOffers: RunMeasure;
}

type ImportObject = 'opportunities' | 'requisitions';

const TRUTHS: Record<ImportObject, Truth> = {
  opportunities: (bench) => new Set(bench.sim.query('opportunities', { confidentiality: 'all' })),
  requisitions: (bench) => new Set(bench.sim.query('requisitions', { confidentiality: 'all' })),
};

function saveImport(bench: Bench, object: ImportObject, columns: string[]): string {
  callSidebar(bench, 'saveApiKey', [KEY, 'production']);
  const everything = { archived: 'include', snoozed: 'include', confidential: 'include' };
  const filters = object === 'opportunities' ? everything : { confidential: 'include' };
  const sheetName = object === 'opportunities' ? 'Opportunities' : 'Requisitions';
  const input = { name: object, object, environment: 'production', filters, columns, sheetName, writeMode: 'replace' };
  return String(callSidebar(bench, 'saveImport', [input]).id);
}

function bed(spec: ScenarioSpec, sheetCellMs: number): Bench {
  const options = { latencyMs: spec.latencyMs, sheetCellMs, listOrder: spec.listOrder };
  return setUp(makeDataset(spec.records, spec.shape, REQUISITIONS), options);
}

/** One import on its own bed (no lookups cached by an earlier run); `extra` on top of the object's default columns. */
function importOnce(spec: ScenarioSpec, sheetCellMs: number, object: ImportObject, extra: string[]): RunMeasure {
  const bench = bed(spec, sheetCellMs);
  const columns = extra.length === 0 ? [] : [...defaultColumnKeys(object), ...extra];
  const sheet = object === 'opportunities' ? 'Opportunities' : 'Requisitions';
  return runAddOn(bench, saveImport(bench, object, columns), sheet, 1, TRUTHS[object]);
}

export function runHiresOffers(spec: ScenarioSpec, sheetCellMs: number): HiresOffersMeasure {
  const dataset = makeDataset(spec.records, spec.shape, REQUISITIONS);
  const hired = new Set(dataset.archiveReasons.filter((r) => r.type === 'hired').map((r) => r.id));
  const hires = dataset.opportunities.filter((o) => o.archived && hired.has(o.archived.reason)).length;
  const withOffers = Object.values(dataset.offers ?? {}).filter((offers) => offers.length > 0).length;
  const run = (object: ImportObject, extra: string[]) => importOnce(spec, sheetCellMs, object, extra);
  return {
    hires,
    withOffers,
    opportunities: { without: run('opportunities', []), with: run('opportunities', OFFER_COLUMNS) },
    requisitions: { without: run('requisitions', []), with: run('requisitions', HIRE_COLUMNS) },
    activeOffers: run('requisitions', ACTIVE_OFFER_COLUMNS),
  };
}
