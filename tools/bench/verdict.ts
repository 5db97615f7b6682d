// Whether a measured run may be shown as a rate at all: a failed, incomplete or inexact run is FAILED with its reason,
// never a rec/s or a share of the ceiling (a run that stopped early must not look fast).
import { ceilingRecordsPerSecond } from './ceiling';

/** One run of an import (every execution of it), as the bench saw it. */
export interface RunFigures {
  /** The run record's status ('succeeded', 'failed', 'continuing', …) or the baseline's own. */
  status: string;
  /** The product's message when it failed, or what the bench saw go wrong. */
  message?: string;
  /** Data rows in the target sheet after the run (header excluded): what the rate is computed from. */
  rowsInSheet: number;
  /** Rows the simulator says the query matches. */
  expectedRows: number;
  /** The sheet's IDs are exactly the simulator's set (no duplicates, none missing, none extra). */
  exact: boolean;
  executions: number;
  /** Virtual seconds from the first execution's start to the last one's end. */
  seconds: number;
}

export type Verdict = { ok: true; recordsPerSecond: number } | { ok: false; reason: string };

export function judge(run: RunFigures): Verdict {
  if (run.status !== 'succeeded') {
    return { ok: false, reason: `status ${run.status}${run.message ? `: ${run.message}` : ''}` };
  }
  if (run.rowsInSheet !== run.expectedRows) {
    return { ok: false, reason: `incomplete: ${run.rowsInSheet} of ${run.expectedRows} rows in the sheet` };
  }
  if (!run.exact) return { ok: false, reason: 'not exact: the sheet’s IDs differ from Lever’s' };
  if (!(run.seconds > 0)) return { ok: false, reason: 'no time measured' };
  return { ok: true, recordsPerSecond: run.rowsInSheet / run.seconds };
}

/** "812 rec/s" and "81%" of the ceiling at `latencyMs`, or FAILED and the reason in both places' stead. */
export function rateCells(verdict: Verdict, latencyMs: number): { rate: string; ofCeiling: string } {
  if (!verdict.ok) return { rate: `FAILED (${verdict.reason})`, ofCeiling: 'FAILED' };
  const share = verdict.recordsPerSecond / ceilingRecordsPerSecond(latencyMs);
  return { rate: `${Math.round(verdict.recordsPerSecond)}`, ofCeiling: `${Math.round(share * 100)}%` };
}

/** How many times faster the add-on is than the baseline, only when both runs are sound. */
export function speedup(addOn: Verdict, baseline: Verdict | undefined): string {
  if (!baseline) return '';
  if (!addOn.ok || !baseline.ok) return 'FAILED';
  return `${(addOn.recordsPerSecond / baseline.recordsPerSecond).toFixed(2)}x`;
}

/** A figure as a table shows it: itself for a sound run, FAILED otherwise (a failed run's time or count misleads). */
export function shownIf(ok: boolean): (value: string | number) => string | number {
  return (value) => (ok ? value : 'FAILED');
}
