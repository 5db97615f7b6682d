// Lookups for a result, offers included: offers are fetched only for the rows that can have one (Offer stage or
// hired), which needs the archive reason types first, so they come in a second step; a refresh asks only for the
// candidates whose kept offers may be stale (offers-keep.ts) and keeps the answers for the next run.
import { fingerprint } from '../base/fingerprint';
import { AppError } from '../errors';
import { emptyLookups, OFFERS_FORBIDDEN_NOTE } from '../lever/lookups';
import type { LeverAccess, LookupResult, OfferSummary } from '../lever/source';
import { loadIncrementalBase } from '../store/incremental-base';
import { loadKeptOffersMark, saveKeptOffersMark } from '../store/kept-offers-mark';
import type { ColumnSpec } from './column-values';
import { lookupsNeeded } from './columns';
import { type OfferCandidate, offerCandidateOf } from './columns-offers';
import { type ChangedInRun, type KeptOffer, type KeptOffers, offersToAsk, settleOffers } from './offers-keep';
import { deleteKeptOffers, readKeptOffers, writeKeptOffers } from './offers-kept-sheet';
import { requisitionScope } from './requisition-scope';
import { STAGED_KEY_COLUMNS, type StagedRow } from './rows';
import type { Slice } from './slice';

/** The opportunities whose offers the rows need: read from the first offer column's staged values. */
export function offerCandidates(
  specs: readonly ColumnSpec[],
  rows: readonly StagedRow[],
  archiveReasonTypes: Record<string, string>,
): OfferCandidate[] {
  const index = specs.findIndex((spec) => spec.needs?.includes('offers'));
  if (index < 0) return [];
  const byId = new Map<string, OfferCandidate>();
  for (const row of rows) {
    const candidate = offerCandidateOf(row[STAGED_KEY_COLUMNS + index] ?? '', archiveReasonTypes);
    if (candidate) byId.set(candidate.id, candidate);
  }
  return [...byId.values()];
}

/** A commit's offers between runs: what the last run kept, who changed in this one, and what to keep next. */
export interface OffersKeeping {
  kept: KeptOffers;
  changed: ChangedInRun;
  now: number;
  /** This run's start: offers read since then (by an earlier execution of the run) are not asked again. */
  runStartedAt: number;
  keyTag: string;
  /** Set by the lookups: every candidate with an answer, for the next run. */
  next?: Map<string, KeptOffer>;
  /** Keeps what was read when an execution runs out of time mid-way (the next execution asks only the rest). */
  keepPartial?: (next: Map<string, KeptOffer>) => void;
  /** Past the execution's work deadline: no further chunk starts. */
  outOfTime?: () => boolean;
  /** The last key check found no offers permission: probe with one request before asking everyone. */
  keyRefusedOffers?: boolean;
}

/**
 * Offers asked per lookups call: an execution out of time reads at most 24 s (at Lever's pace) in vain, and 240 is a
 * whole number of rounds at the usual round widths (4, 5, 6, 8, 10, 12, 15, 20), so chunks rarely end part-filled.
 */
const OFFERS_CHUNK = 240;

interface Answers {
  offers: Record<string, OfferSummary[]>;
  notes: string[];
}

/**
 * For a key whose last check could not read offers: one request says whether that still holds, where asking every
 * candidate would send one refused request each. A permission granted since the check is seen, and used.
 */
function refusedOnProbe(lever: LeverAccess, id: string, answers: Answers): boolean {
  const read = lever.lookups(['offers'], { offersFor: [id] });
  Object.assign(answers.offers, read.offers);
  answers.notes.push(...(read.notes ?? []));
  return read.offers[id] === undefined && answers.notes.includes(OFFERS_FORBIDDEN_NOTE);
}

/** Asks in chunks (after a probe, when `probe`); when time runs out, `onTimeout` gets what the finished chunks read before the error goes on. */
function askOffers(
  lever: LeverAccess,
  ids: readonly string[],
  onTimeout: (answers: Answers) => void,
  outOfTime: () => boolean = () => false,
  probe = false,
): Answers {
  const answers: Answers = { offers: {}, notes: [] };
  const probed = probe && ids.length > 0;
  if (probed && refusedOnProbe(lever, ids[0], answers)) return answers;
  for (let start = probed ? 1 : 0; start < ids.length; start += OFFERS_CHUNK) {
    try {
      // A round started past the deadline is not stopped by the client when Lever's pace leaves no wait.
      if (outOfTime()) throw new AppError('TIME_BUDGET', { reason: 'lookups' });
      const read = lever.lookups(['offers'], { offersFor: ids.slice(start, start + OFFERS_CHUNK) });
      Object.assign(answers.offers, read.offers);
      answers.notes.push(...(read.notes ?? []).filter((note) => !answers.notes.includes(note)));
    } catch (error) {
      if (error instanceof AppError && error.code === 'TIME_BUDGET') onTimeout(answers);
      throw error;
    }
  }
  // Refused means every request was (as one call would say), not one chunk's.
  const refused = ids.length > 0 && ids.every((id) => answers.offers[id] === undefined);
  if (!refused) answers.notes = answers.notes.filter((note) => note !== OFFERS_FORBIDDEN_NOTE);
  return answers;
}

/** Every table the specs need for these rows; none fetched when nothing needs one. */
export function lookupsForRows(
  lever: LeverAccess,
  specs: readonly ColumnSpec[],
  rows: readonly StagedRow[],
  keeping?: OffersKeeping,
): LookupResult {
  const needed = lookupsNeeded(specs);
  if (needed.length === 0 || rows.length === 0) return emptyLookups();
  const first = lever.lookups(
    needed.filter((name) => name !== 'offers'),
    requisitionScope(specs, rows),
  );
  if (!needed.includes('offers')) return first;
  const candidates = offerCandidates(specs, rows, first.archiveReasonTypes);
  const all = candidates.map((candidate) => candidate.id);
  const asked = keeping ? offersToAsk(candidates, keeping.kept, keeping.changed, keeping.runStartedAt) : all;
  const onTimeout = (partial: Answers) => keeping?.keepPartial?.(partialKept(keeping, candidates, partial));
  const second = askOffers(lever, asked, onTimeout, keeping?.outOfTime, keeping?.keyRefusedOffers);
  // Refused: a run that asked everyone would show no offers, so none are kept either.
  const forbidden = second.notes.includes(OFFERS_FORBIDDEN_NOTE);
  const kept = forbidden || !keeping ? new Map() : keeping.kept;
  const settled = settleOffers(candidates, forbidden ? all : asked, second.offers, kept, keeping?.now ?? 0);
  if (keeping) keeping.next = settled.kept;
  return { ...first, offers: settled.offers, notes: [...(first.notes ?? []), ...second.notes] };
}

/** The kept offers with what an execution out of time read added (fetched now, so this run does not ask again). */
function partialKept(
  keeping: OffersKeeping,
  candidates: readonly OfferCandidate[],
  answers: Answers,
): Map<string, KeptOffer> {
  const answered = candidates.filter((candidate) => answers.offers[candidate.id] !== undefined);
  const ids = answered.map((candidate) => candidate.id);
  const next = new Map(keeping.kept);
  for (const [id, entry] of settleOffers(answered, ids, answers.offers, new Map(), keeping.now).kept)
    next.set(id, entry);
  return next;
}

/** The running key, never the key itself: offers kept under another key (or environment) are asked again. */
function keyTag(slice: Slice): string {
  const checkedAt = slice.deps.keyStatus?.().checkedAt ?? '';
  return `key:${fingerprint([slice.definition.environment, slice.deps.user, checkedAt])}`;
}

/**
 * Who changed in this run: a changes-only run's fetched IDs; everyone in a full run of an import with a base (the
 * full run is the refresh that re-reads everything); nobody by ID otherwise (updatedAt tells the changed apart).
 */
function changedInRun(slice: Slice, fetched: readonly StagedRow[]): ChangedInRun {
  if (slice.checkpoint.kind === 'changes') return new Set(fetched.map((row) => String(row[0])));
  return loadIncrementalBase(slice.deps.store, slice.definition.id) ? 'all' : new Set();
}

/** The commit's offers keeping, or null when the import has no offer columns. */
export function offersKeeping(slice: Slice, fetched: readonly StagedRow[]): OffersKeeping | null {
  if (!lookupsNeeded(slice.plan.stagedSpecs).includes('offers')) return null;
  const tag = keyTag(slice);
  const { workbook } = slice.deps;
  const kept = readKeptOffers(workbook, slice.definition.id, tag);
  return {
    kept,
    changed: changedInRun(slice, fetched),
    now: slice.deps.now(),
    runStartedAt: slice.checkpoint.startedAtMs,
    keyTag: tag,
    keepPartial: (next) => keepOffers(slice, { next, keyTag: tag }),
    outOfTime: () => slice.deps.now() >= slice.deps.budget.deadline,
    keyRefusedOffers: slice.deps.keyStatus?.().offersAccess === false,
  };
}

/** After the commit: keeps this run's offers for the next one. Never fails the run: a refresh can ask again. */
export function keepOffers(slice: Slice, keeping: { next?: KeptOffers; keyTag: string } | null): void {
  const { workbook, store } = slice.deps;
  const id = slice.definition.id;
  try {
    if (keeping?.next) {
      // Marked before the sheet is written, so a sheet left by a failed write is still looked for later.
      saveKeptOffersMark(store, id, 'kept');
      writeKeptOffers(workbook, id, keeping.keyTag, keeping.next);
    } else if (loadKeptOffersMark(store, id) !== 'none') {
      // Only while a sheet may exist (or nothing says, for data older than the mark): the lookup is a call.
      deleteKeptOffers(workbook, id);
      saveKeptOffersMark(store, id, 'none');
    }
  } catch {
    try {
      deleteKeptOffers(workbook, slice.definition.id);
    } catch {
      // Nothing kept is read as nothing kept.
    }
  }
}
