// The bench's tables: imports against the ceiling and the baseline, the fixed cost of a run, and the hourly refresh
// with its UrlFetch calls a day. A run that failed shows FAILED and why in place of every rate (pure).
import { boundShareOfCeiling, ceilingRecordsPerSecond } from './ceiling';
import type { RunMeasure } from './harness';
import type { ScenarioResult } from './scenario';
import { judge, rateCells, shownIf, speedup, type Verdict } from './verdict';

export type Row = Record<string, string | number>;

/** The quota a day per user: consumer accounts, Workspace accounts (unknowns 11). */
export const URLFETCH_DAILY = { consumer: 20_000, workspace: 100_000 };
const RUNS_A_DAY = 24;

const s = (seconds: number) => Math.round(seconds * 10) / 10;
const pct = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;

function common(r: ScenarioResult): Row {
  return {
    scenario: r.spec.name,
    'latency s': r.spec.latencyMs / 1000,
    'Sheets ms/cell': r.sheetCellMs,
  };
}

/**
 * An import's rows: its first run, and the same import an hour later (`again`: what the add-on learnt from the
 * first run, such as where the records lie and Lever's latency, shows there and only there).
 */
export function importRows(r: ScenarioResult): Row[] {
  const first = { ...importRow(r), run: 'first' };
  if (!r.again) return [first];
  const again = importRow({ ...r, addOn: r.again, baseline: undefined });
  return [first, { ...again, run: 'again' }];
}

export function importRow(r: ScenarioResult): Row {
  const addOn = r.addOn as RunMeasure;
  const verdict = judge(addOn);
  const base: Verdict | undefined = r.baseline ? judge(r.baseline) : undefined;
  const cells = rateCells(verdict, r.spec.latencyMs);
  return {
    ...common(r),
    records: r.spec.records,
    rows: addOn.rowsInSheet,
    'rec/s': cells.rate,
    ceiling: Math.round(ceilingRecordsPerSecond(r.spec.latencyMs)),
    'of ceiling': cells.ofCeiling,
    'Lever bound': shownIf(verdict.ok)(
      pct(boundShareOfCeiling(addOn.rowsInSheet, addOn.otherRequests, r.spec.latencyMs), 1),
    ),
    'baseline rec/s': base ? rateCells(base, r.spec.latencyMs).rate : '',
    'vs baseline': speedup(verdict, base),
    requests: addOn.requests,
    'Sheets calls': addOn.sheetsCalls,
    executions: addOn.executions,
    'virtual s': s(addOn.seconds),
    'peak MB': r.peakRssMb,
  };
}

export function startupRows(r: ScenarioResult): Row[] {
  return (r.startup ?? []).map((m) => {
    const failed = [m.first, m.again].map(judge).find((v) => !v.ok);
    const shown = shownIf(!failed);
    return {
      ...common(r),
      records: m.records,
      rows: m.first.rowsInSheet,
      'first s': shown(s(m.first.seconds)),
      'first requests': shown(m.first.requests),
      'first Sheets calls': shown(m.first.sheetsCalls),
      'again s': shown(s(m.again.seconds)),
      'again requests': shown(m.again.requests),
      'again Sheets calls': shown(m.again.sheetsCalls),
      status: failed && !failed.ok ? `FAILED (${failed.reason})` : 'ok',
    };
  });
}

/** "full re-read" unless the refresh asked Lever for less than half of what the full import did. */
export function refreshKind(full: RunMeasure, refresh: RunMeasure): string {
  return refresh.requests < full.requests / 2 ? 'incremental' : 'full re-read';
}

export function refreshVerdict(r: ScenarioResult): Verdict {
  const m = r.refresh;
  if (!m) return { ok: false, reason: 'not measured' };
  const full = judge(m.full);
  if (!full.ok) return { ok: false, reason: `first import: ${full.reason}` };
  const refresh = judge(m.refresh);
  if (!refresh.ok) return refresh;
  if (m.renamedShown !== m.renamedExpected) {
    return { ok: false, reason: `stale: ${m.renamedShown} of ${m.renamedExpected} edited rows updated` };
  }
  return refresh;
}

export function refreshRow(r: ScenarioResult): Row {
  const m = r.refresh;
  if (!m) return { ...common(r), status: 'FAILED (not measured)' };
  const verdict = refreshVerdict(r);
  // Changes-only refreshes still run in full once a day (the default cadence): that run counts too.
  const daily =
    refreshKind(m.full, m.refresh) === 'incremental'
      ? m.full.urlFetchQuota + m.refresh.urlFetchQuota * (RUNS_A_DAY - 1)
      : m.refresh.urlFetchQuota * RUNS_A_DAY;
  const fullOnly = m.full.urlFetchQuota * RUNS_A_DAY;
  const shown = shownIf(verdict.ok);
  return {
    ...common(r),
    records: r.spec.records,
    changed: `${m.edits.edited} (${m.edits.archived} archived)`,
    kind: refreshKind(m.full, m.refresh),
    'full s': s(m.full.seconds),
    'full requests': m.full.requests,
    'refresh s': shown(s(m.refresh.seconds)),
    'refresh requests': shown(m.refresh.requests),
    'UrlFetch a day': shown(daily),
    'of consumer quota': shown(pct(daily, URLFETCH_DAILY.consumer)),
    'of Workspace quota': shown(pct(daily, URLFETCH_DAILY.workspace)),
    // Drift switches an import to full runs: the day then costs 24 full runs, whatever the refresh above asked.
    'UrlFetch a day if full-only': shown(`${fullOnly} (${pct(fullOnly, URLFETCH_DAILY.consumer)} of consumer)`),
    status: verdict.ok ? 'ok' : `FAILED (${verdict.reason})`,
  };
}

/** A job whose process died: every table shows it, FAILED with the reason. */
export function crashedRow(name: string, reason: string): Row {
  return { scenario: name, status: `FAILED (${reason})` };
}

export function markdown(rows: Row[]): string {
  if (rows.length === 0) return '';
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  const body = rows.map((row) => line(columns.map((c) => row[c] ?? '')));
  return [line(columns), line(columns.map(() => '---')), ...body].join('\n');
}
