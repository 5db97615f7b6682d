// "Active offers" of requisitions: offers have no list endpoint, so their holders are found through the requisitions'
// postings, and each requisition's own list of its offers (`offerIds`) proves that none was missed.
//
// Counted: a candidate whose newest offer is one of the requisition's `offerIds`, in an active status (out for
// approval, approved, sent, opened), and whose opportunity is not archived (a declined or hired candidate's offer is
// settled whatever status it was left in). Lever lets an offer be made at any stage, though its guide moves the
// candidate to "Offer" first; so the cheap step asks the Offer stage only, and a requisition with an offer not found
// there is looked up among every candidate of its postings. An offer still not found leaves its cell empty, with a
// note: the count is exact or absent, never short.
import { AppError } from '../errors';
import type { LeverClient } from './client';
import { currentOffer, fetchOffers } from './offers';
import { pageAll } from './paginate';
import type { OfferSummary, RequisitionOfferScope } from './source';

/** Offer statuses that are still in play: not a draft, not refused in approval, not signed. */
export const ACTIVE_OFFER_STATUSES: readonly string[] = [
  'approval-sent',
  'approved',
  'sent',
  'sent-manually',
  'opened',
];

/** Posting IDs per list request: 30 × 48 characters of `&posting_id=<uuid>` keep the URL under 2 KB. */
const POSTINGS_PER_REQUEST = 30;
const OFFER_STAGE = 'offer';
/**
 * The widened search asks one offers request per candidate of the postings: past this many (about a minute at
 * Lever's 10 a second) those requisitions are left uncounted, with the note, rather than making every run that long.
 */
export const MAX_WIDENED_CANDIDATES = 600;

export interface ActiveOffersOptions {
  confidentialAccess: boolean;
  deadline: number;
  /** Offers already read in this run (the hires' for "Next start date"), by opportunity: not asked again. */
  known?: Readonly<Record<string, OfferSummary[]>>;
}

export interface ActiveOffersResult {
  /** Requisition ID → its active offers; absent when it could not be counted exactly. */
  counts: Record<string, number>;
  /** Requisitions left uncounted because an offer of theirs was not found (or Lever listed none of their offers). */
  uncounted: number;
  /** The key was refused every offer. */
  offersForbidden: boolean;
}

interface Holder {
  archived: boolean;
  offers: OfferSummary[];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The opportunities applied to these postings (at the Offer stage only, or at any), with whether each is archived. */
function listCandidates(
  client: LeverClient,
  postings: readonly string[],
  offerStageOnly: boolean,
  options: ActiveOffersOptions,
): Map<string, boolean> {
  const found = new Map<string, boolean>();
  const queries = chunks([...new Set(postings)], POSTINGS_PER_REQUEST).map((ids) => ({
    request: {
      path: '/opportunities',
      params: {
        posting_id: ids,
        ...(offerStageOnly ? { stage_id: OFFER_STAGE } : {}),
        ...(options.confidentialAccess ? { confidentiality: 'all' } : {}),
        limit: 100,
      },
    },
    onRecords: (records: unknown[]) => {
      for (const record of records as Array<Record<string, unknown>>) {
        if (typeof record?.id === 'string')
          found.set(record.id, record.archived !== null && record.archived !== undefined);
      }
    },
  }));
  for (const result of pageAll(client, queries, options.deadline)) {
    if (result.kind === 'failed') throw result.error;
    if (result.kind === 'deferred') throw new AppError('TIME_BUDGET', { reason: 'lookups' });
  }
  return found;
}

/** Reads the offers of the candidates not read yet; true when the key was refused every one asked. */
function readHolders(
  client: LeverClient,
  candidates: Map<string, boolean>,
  holders: Map<string, Holder>,
  options: ActiveOffersOptions,
): boolean {
  const fresh = [...candidates.keys()].filter((id) => !holders.has(id));
  const known = options.known ?? {};
  const read = fetchOffers(
    client,
    fresh.filter((id) => !known[id]),
    options.deadline,
  );
  for (const id of fresh) {
    holders.set(id, { archived: candidates.get(id) === true, offers: known[id] ?? read.offers[id] ?? [] });
  }
  return read.forbidden;
}

function located(holders: ReadonlyMap<string, Holder>): Set<string> {
  const ids = new Set<string>();
  for (const holder of holders.values()) for (const offer of holder.offers) ids.add(offer.id);
  return ids;
}

function allFound(requisition: RequisitionOfferScope, found: ReadonlySet<string>): boolean {
  return (requisition.offerIds ?? []).every((id) => found.has(id));
}

function countFor(requisition: RequisitionOfferScope, holders: ReadonlyMap<string, Holder>): number {
  const own = new Set(requisition.offerIds ?? []);
  let count = 0;
  for (const holder of holders.values()) {
    const offer = currentOffer(holder.offers);
    if (!holder.archived && offer && own.has(offer.id) && ACTIVE_OFFER_STATUSES.includes(offer.status)) count++;
  }
  return count;
}

/**
 * Reads the offers of the Offer-stage candidates of these requisitions' postings, then of every candidate of the
 * postings of those whose offers were not all found. True when the key was refused the offers.
 */
function findHolders(
  client: LeverClient,
  requisitions: readonly RequisitionOfferScope[],
  holders: Map<string, Holder>,
  options: ActiveOffersOptions,
): boolean {
  const postingsOf = (list: readonly RequisitionOfferScope[]) => list.flatMap((r) => r.postings);
  const offerStage = listCandidates(client, postingsOf(requisitions), true, options);
  if (readHolders(client, offerStage, holders, options)) return true;
  const missing = requisitions.filter((r) => !allFound(r, located(holders)));
  if (missing.length === 0) return false;
  const everyone = listCandidates(client, postingsOf(missing), false, options);
  // Too many to ask one by one: their requisitions stay uncounted (not all their offers are found).
  if ([...everyone.keys()].filter((id) => !holders.has(id)).length > MAX_WIDENED_CANDIDATES) return false;
  return readHolders(client, everyone, holders, options);
}

/** Active offers per requisition, for these requisitions (see the top of this file). */
export function fetchActiveOffers(
  client: LeverClient,
  requisitions: readonly RequisitionOfferScope[],
  options: ActiveOffersOptions,
): ActiveOffersResult {
  const counts: Record<string, number> = {};
  // No offers listed: none to count, and nothing to ask.
  for (const r of requisitions) if (r.offerIds?.length === 0) counts[r.id] = 0;
  const withOffers = requisitions.filter((r) => r.offerIds && r.offerIds.length > 0);
  const holders = new Map<string, Holder>();
  const forbidden = withOffers.length > 0 && findHolders(client, withOffers, holders, options);
  const found = located(holders);
  for (const r of withOffers) if (!forbidden && allFound(r, found)) counts[r.id] = countFor(r, holders);
  return { counts, uncounted: requisitions.length - Object.keys(counts).length, offersForbidden: forbidden };
}
