// The hourly refresh of a scheduled opportunity import with offer columns: an account with 2% hires (archived
// included, as in hires-offers, so hires are in scope), 1% of the active opportunities edited and some offers moving
// on in the hour (without touching their opportunities: the simulator's strictest offerUpdates reading).
import { defaultColumnKeys } from '../../src/import/columns';
import { OFFER_STATUS_LABELS } from '../../src/import/lever-labels';
import { mutateOffers } from '../lever-sim';
import type { Offer } from '../lever-sim/offer-types';
import { type Bench, callSidebar, KEY, makeDataset, type RunMeasure, runAddOn, setUp, TARGET_SHEET } from './harness';
import { OFFER_COLUMNS } from './hires-offers';
import { editOpportunities } from './refresh-edits';
import type { Row } from './report';
import type { ScenarioSpec } from './scenario';
import { judge, shownIf } from './verdict';

const HOUR = 3_600_000;
const REQUISITIONS = 200;
/** Offers signed and new offers sent in the hour, per 100,000 opportunities. */
const OFFER_CHANGES_PER_100K = { signed: 20, created: 10 };

export interface RefreshOffersMeasure {
  /** Shown opportunities that can have offers (Offer stage, or hired): the ones a run may ask about. */
  candidates: number;
  full: RunMeasure;
  refresh: RunMeasure;
  offersRequests: { full: number; refresh: number };
  edited: number;
  offerChanges: number;
  /** Rows whose offer status differs from the simulator's after the refresh (0 when right). */
  wrongOffers: number;
}

/** Everything, as in hires-offers: with only active records every candidate's offer is pending, none final. */
const FILTERS = { archived: 'include', snoozed: 'include', confidential: 'include' };
const TRUTH = { confidentiality: 'all' };

function saveScheduledImport(bench: Bench, name: string): string {
  callSidebar(bench, 'saveApiKey', [KEY, 'production']);
  const columns = [...defaultColumnKeys('opportunities'), ...OFFER_COLUMNS];
  const input = {
    name,
    object: 'opportunities',
    environment: 'production',
    filters: FILTERS,
    columns,
    sheetName: TARGET_SHEET,
    writeMode: 'replace',
  };
  const id = String(callSidebar(bench, 'saveImport', [input]).id);
  callSidebar(bench, 'setSchedule', [id, { kind: 'hourly', everyHours: 1 }]);
  return id;
}

const offersRequestsSince = (bench: Bench, from: number) =>
  bench.sim.requests.slice(from).filter((request) => request.path.endsWith('/offers')).length;

function measuredWithOffers(bench: Bench, importId: string): { run: RunMeasure; offers: number } {
  const from = bench.sim.requests.length;
  const truth = (b: Bench) => new Set(b.sim.query('opportunities', TRUTH));
  const run = runAddOn(bench, importId, TARGET_SHEET, 1, truth);
  return { run, offers: offersRequestsSince(bench, from) };
}

function newest(offers: readonly Offer[] | undefined): Offer | undefined {
  return [...(offers ?? [])].sort((a, b) => b.createdAt - a.createdAt)[0];
}

/** Shown candidates as the product reads them: at the Offer stage, or archived with a hired reason. */
function candidateIds(bench: Bench): Set<string> {
  const dataset = bench.sim.dataset;
  const shown = new Set(bench.sim.query('opportunities', TRUTH));
  const hired = new Set(dataset.archiveReasons.filter((r) => r.type === 'hired').map((r) => r.id));
  const ids = dataset.opportunities.filter(
    (o) => shown.has(o.id) && (o.stage === 'offer' || (o.archived && hired.has(o.archived.reason))),
  );
  return new Set(ids.map((o) => o.id));
}

/** Rows whose offer status is not the simulator's; every row when the target sheet is missing (the run failed). */
function wrongOffers(bench: Bench): number {
  const spreadsheet = bench.emu.spreadsheet(bench.ssId);
  if (!spreadsheet.sheetNames().includes(TARGET_SHEET)) return -1;
  const [header, ...rows] = spreadsheet.sheet(TARGET_SHEET).values();
  const column = header.indexOf('Offer status');
  const candidates = candidateIds(bench);
  return rows.filter((row) => {
    const id = String(row[0]);
    const status = candidates.has(id) ? newest(bench.sim.dataset.offers?.[id])?.status : undefined;
    return String(row[column]) !== (status ? (OFFER_STATUS_LABELS[status] ?? status) : '');
  }).length;
}

export function runRefreshOffers(spec: ScenarioSpec, sheetCellMs: number): RefreshOffersMeasure {
  const options = { latencyMs: spec.latencyMs, sheetCellMs, listOrder: spec.listOrder };
  const bench = setUp(makeDataset(spec.records, spec.shape, REQUISITIONS), options);
  const importId = saveScheduledImport(bench, spec.name);
  const full = measuredWithOffers(bench, importId);
  bench.emu.clock.advance(HOUR);
  const now = bench.emu.clock.now();
  const edits = editOpportunities(bench.sim.dataset, spec.changedShare ?? 0.01, now - HOUR, now - 1);
  const scale = spec.records / 100_000;
  const counts = {
    signed: Math.max(1, Math.round(OFFER_CHANGES_PER_100K.signed * scale)),
    created: Math.max(1, Math.round(OFFER_CHANGES_PER_100K.created * scale)),
  };
  const reading = bench.sim.readings.offerUpdates;
  const changed = mutateOffers(bench.sim.dataset, { seed: 5, since: now - HOUR, now: now - 1, reading, counts });
  const refresh = measuredWithOffers(bench, importId);
  return {
    candidates: candidateIds(bench).size,
    full: full.run,
    refresh: refresh.run,
    offersRequests: { full: full.offers, refresh: refresh.offers },
    edited: edits.edited,
    offerChanges: changed.signed.length + changed.created.length,
    wrongOffers: wrongOffers(bench),
  };
}

const s = (seconds: number) => Math.round(seconds * 10) / 10;

export function refreshOffersRow(name: string, latencyMs: number, m: RefreshOffersMeasure): Row {
  const failed = [m.full, m.refresh].map(judge).find((v) => !v.ok);
  const status = failed && !failed.ok ? `FAILED (${failed.reason})` : m.wrongOffers !== 0 ? 'FAILED (offers)' : 'ok';
  const shown = shownIf(status === 'ok');
  return {
    scenario: name,
    'latency s': latencyMs / 1000,
    rows: m.refresh.rowsInSheet,
    candidates: m.candidates,
    changed: `${m.edited} + ${m.offerChanges} offers`,
    'full s': shown(s(m.full.seconds)),
    'full requests': shown(m.full.requests),
    'full offers req': shown(m.offersRequests.full),
    'refresh s': shown(s(m.refresh.seconds)),
    'refresh requests': shown(m.refresh.requests),
    'refresh offers req': shown(m.offersRequests.refresh),
    'wrong offers': m.wrongOffers,
    status,
  };
}
