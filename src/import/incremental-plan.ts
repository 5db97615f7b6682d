// Whether a run fetches everything or only what changed since the last successful run, and the changes query (pure).
import type { ListQuery } from '../lever/source';
import type { FullRefreshCadence, ImportDefinition, RunKind } from '../shared/types';
import type { IncrementalBase } from '../store/incremental-base';

/**
 * How far before the last run's start a changes-only run looks. `updatedAt` is stamped by Lever's clock and our
 * start by Google's; ten minutes covers any plausible skew between the two and a record saved while the last run
 * was reading its window. Reading a change twice is harmless: the merge is by ID.
 */
export const SAFETY_OVERLAP_MS = 10 * 60_000;

const DAY_MS = 86_400_000;
const CADENCE_MS: Record<FullRefreshCadence, number> = { daily: DAY_MS, weekly: 7 * DAY_MS };
export const DEFAULT_CADENCE: FullRefreshCadence = 'daily';

/** Filters a record can stop matching: the changes query leaves them out so those records come back and leave. */
const DROPPED_PARAMS = ['archived', 'snoozed', 'stage_id', 'posting_id', 'tag', 'confidentiality'];

export interface RunKindInput {
  definition: ImportDefinition;
  fingerprint: string;
  base: IncrementalBase | null;
  now: number;
  /** The user asked for a full run. */
  forceFull?: boolean;
  /** A full run found drift: this import runs in full from then on. */
  fullOnly?: boolean;
}

export interface RunKindChoice {
  kind: RunKind;
  /**
   * Why a full run: requisitions or hire filters (`object`), asked, drift found before, no base yet, changed
   * definition, or cadence due.
   */
  reason?: 'object' | 'noBase' | 'definition' | 'cadence' | 'asked' | 'drift';
}

export function cadenceOf(definition: ImportDefinition): FullRefreshCadence {
  return definition.fullRefresh ?? DEFAULT_CADENCE;
}

/** When the next full run is due after a full run at `fullAtMs`. */
export function nextFullAt(definition: ImportDefinition, fullAtMs: number): number {
  return fullAtMs + CADENCE_MS[cadenceOf(definition)];
}

/**
 * Hire filters select by archive reason and archive time: a record unarchived since the base would not come back
 * in a changes query (and the hired reasons are only known to the Lever access), so those imports, small by nature,
 * always run in full.
 */
function filtersByHire(definition: ImportDefinition): boolean {
  const { hiresOnly, hiredAfter, hiredBefore } = definition.filters;
  return hiresOnly === true || Boolean(hiredAfter) || Boolean(hiredBefore);
}

export function chooseRunKind(input: RunKindInput): RunKindChoice {
  const { definition, base } = input;
  if (definition.object !== 'opportunities' || filtersByHire(definition)) return { kind: 'full', reason: 'object' };
  if (input.forceFull) return { kind: 'full', reason: 'asked' };
  if (input.fullOnly) return { kind: 'full', reason: 'drift' };
  if (!base) return { kind: 'full', reason: 'noBase' };
  if (base.fingerprint !== input.fingerprint) return { kind: 'full', reason: 'definition' };
  if (input.now >= nextFullAt(definition, base.fullAtMs)) return { kind: 'full', reason: 'cadence' };
  return { kind: 'changes' };
}

/** Changes since this instant (the last successful run's start, less the overlap). */
export function changesSince(base: IncrementalBase): number {
  return base.runStartedAtMs - SAFETY_OVERLAP_MS;
}

/**
 * The full query without the filters a record can stop matching, widened to every confidentiality the key may
 * read, restricted to records updated since `since`. The created_at bounds stay: createdAt never changes.
 */
export function changesQuery(query: ListQuery, since: number, canReadConfidential: boolean): ListQuery {
  const params = { ...query.params };
  for (const name of DROPPED_PARAMS) delete params[name];
  if (canReadConfidential) params.confidentiality = 'all';
  // Posting filters are evaluated on the applications, so they must come expanded.
  if (query.params.posting_id !== undefined) params.expand = ['applications'];
  params.updated_at_start = since;
  return { ...query, params };
}
