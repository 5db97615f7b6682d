// Which offer candidates a refresh asks Lever about, and the offers table it renders from: fresh answers for those
// asked, the previous run's kept offers for the rest (pure).

import { currentOffer } from '../lever/offers';
import type { OfferSummary } from '../lever/source';
import { OFFER_FIELD_IDS, type OfferCandidate } from './columns-offers';

/** What a run keeps of one candidate's offers: its current offer (or none) and the opportunity's updatedAt then. */
export interface KeptOffer {
  updatedAt: number | null;
  fetchedAt: number;
  offer: OfferSummary | null;
}

export type KeptOffers = ReadonlyMap<string, KeptOffer>;

/**
 * Statuses Lever does not move an offer on from: a signed offer is the hire's. `denied` is not final: Lever lets the
 * creator edit a denied offer and send it for approval again (approval-sent), and a new offer may follow it.
 */
export const FINAL_OFFER_STATUSES: ReadonlySet<string> = new Set(['signed']);

export function isFinal(kept: KeptOffer): boolean {
  return kept.offer !== null && FINAL_OFFER_STATUSES.has(kept.offer.status);
}

/**
 * Who changed in this run: `'all'` (a full run of an import that refreshes changes-only: it re-asks everyone), or
 * the IDs Lever returned (a changes-only run; empty for a run without a base, which relies on updatedAt alone).
 */
export type ChangedInRun = 'all' | ReadonlySet<string>;

/**
 * The candidates to ask: every one that changed in this run, whose updatedAt differs from the kept one (or is
 * unknown), that has nothing kept, or whose kept offer is not final. Offers do not bump an opportunity's updatedAt
 * under Lever's documented list, so only a final offer of an unchanged opportunity is safe to keep. Offers read at
 * or after `runStartedAt` were read by this run (an earlier execution ran out of time) and are never asked again.
 */
export function offersToAsk(
  candidates: readonly OfferCandidate[],
  kept: KeptOffers,
  changed: ChangedInRun,
  runStartedAt = Number.POSITIVE_INFINITY,
): string[] {
  return candidates
    .filter((candidate) => mustAsk(candidate, kept.get(candidate.id), changed, runStartedAt))
    .map((c) => c.id);
}

/**
 * A kept offer is asked again once it is this old, even final and unchanged: nothing Lever documents says editing a
 * signed offer, or making a new one, moves its opportunity's updatedAt. Imports with a base get this from their
 * daily full run; this bounds the others (hire-filtered, full-only after drift, too large for a base) alike.
 */
export const MAX_KEPT_OFFER_AGE_MS = 24 * 3_600_000;

function mustAsk(
  candidate: OfferCandidate,
  previous: KeptOffer | undefined,
  changed: ChangedInRun,
  runStartedAt: number,
): boolean {
  if (previous && previous.fetchedAt >= runStartedAt) return false;
  if (changed === 'all' || changed.has(candidate.id)) return true;
  if (previous && Number.isFinite(runStartedAt) && runStartedAt - previous.fetchedAt >= MAX_KEPT_OFFER_AGE_MS)
    return true;
  if (!previous || candidate.updatedAt === undefined) return true;
  return previous.updatedAt !== candidate.updatedAt || !isFinal(previous);
}

/** The offer with only what the columns read, so a kept cell stays small. */
export function keptSummary(offer: OfferSummary | null): OfferSummary | null {
  if (!offer) return null;
  const fields: OfferSummary['fields'] = {};
  for (const id of OFFER_FIELD_IDS) if (offer.fields[id] !== undefined) fields[id] = offer.fields[id];
  return { ...offer, fields };
}

export interface SettledOffers {
  /** The offers table to render with: fresh for the candidates asked, kept for the others. */
  offers: Record<string, OfferSummary[]>;
  /** What the next run keeps: every candidate with an answer, fresh or kept. */
  kept: Map<string, KeptOffer>;
}

/**
 * Merges Lever's answers for `asked` with the kept offers of the other candidates. An asked candidate Lever gave no
 * answer for (refused) is neither shown nor kept, as in a run that asked everyone.
 */
export function settleOffers(
  candidates: readonly OfferCandidate[],
  asked: readonly string[],
  fetched: Record<string, OfferSummary[]>,
  kept: KeptOffers,
  now: number,
): SettledOffers {
  const askedSet = new Set(asked);
  const offers: Record<string, OfferSummary[]> = {};
  const next = new Map<string, KeptOffer>();
  for (const { id, updatedAt } of candidates) {
    const previous = askedSet.has(id) ? undefined : kept.get(id);
    const answer = askedSet.has(id) ? fetched[id] : undefined;
    if (previous) {
      offers[id] = previous.offer ? [previous.offer] : [];
      next.set(id, previous);
    } else if (answer) {
      offers[id] = answer;
      next.set(id, { updatedAt: updatedAt ?? null, fetchedAt: now, offer: keptSummary(currentOffer(answer)) });
    }
  }
  return { offers, kept: next };
}
