// Requisitions that know their hires: hired opportunities (one paged list) grouped by the seat they fill, with the
// start dates of their offers, asked only for the hires of the requisitions whose start dates are shown.
//
// The list stays account-wide: a hire's seat is its application's `requisitionForHire`, and nothing Lever documents
// ties that seat to the requisition's current postings (a posting can be unlinked after the hire), so a `posting_id`
// filter could miss hires; `headcountHired` cannot prove it did not (Lever may count it otherwise). One page holds
// 100 hires, so the list is cheap; the offers (one request per hire) are what scoping saves.
import { AppError } from '../errors';
import type { LeverClient } from './client';
import { currentOffer, fetchOffers } from './offers';
import { pageAll } from './paginate';
import type { OfferSummary, RequisitionHires } from './source';
import { queryRoom, splitParams } from './url-split';

const DAY_MS = 86_400_000;

interface Hire {
  opportunityId: string;
  name: string;
  hiredAt: number | null;
  requisitionId: string;
}

export interface RequisitionHiresOptions {
  confidentialAccess: boolean;
  deadline: number;
  /** Lever's archive reasons of type `hired`. */
  hiredReasons: readonly string[];
  /** The requisitions whose next start date is shown: only their hires' offers are asked (all when absent). */
  startsFor?: readonly string[];
  /** Start dates come from offers: false when the key cannot read them. */
  readOffers: boolean;
  now: number;
}

function seatOf(record: Record<string, unknown>): string | null {
  const applications = Array.isArray(record.applications) ? record.applications : [];
  for (const application of applications as Array<Record<string, unknown>>) {
    const seat = application?.requisitionForHire as { id?: unknown } | null | undefined;
    if (seat && typeof seat.id === 'string') return seat.id;
  }
  return null;
}

function toHire(record: Record<string, unknown>): Hire | null {
  const requisitionId = seatOf(record);
  if (!requisitionId || typeof record.id !== 'string') return null;
  const archived = record.archived as { archivedAt?: unknown } | null;
  const hiredAt = typeof archived?.archivedAt === 'number' ? archived.archivedAt : null;
  return { opportunityId: record.id, name: typeof record.name === 'string' ? record.name : '', hiredAt, requisitionId };
}

function listHires(client: LeverClient, options: RequisitionHiresOptions): Hire[] {
  if (options.hiredReasons.length === 0) return [];
  const params = {
    archive_reason_id: [...options.hiredReasons],
    expand: ['applications'],
    limit: 100,
    ...(options.confidentialAccess ? { confidentiality: 'all' } : {}),
  };
  const hires = new Map<string, Hire>();
  const onRecords = (records: unknown[]) => {
    for (const hire of (records as Array<Record<string, unknown>>).map(toHire)) {
      if (hire) hires.set(hire.opportunityId, hire);
    }
  };
  // Many hired reasons make a URL too long for Google: one list per part of them (the map keeps each hire once).
  const parts = splitParams(params, queryRoom(client.baseUrl, '/opportunities'));
  const queries = parts.map((part) => ({ request: { path: '/opportunities', params: part }, onRecords }));
  for (const result of pageAll(client, queries, options.deadline)) {
    if (result.kind === 'failed') throw result.error;
    if (result.kind === 'deferred') throw new AppError('TIME_BUDGET', { reason: 'lookups' });
  }
  return [...hires.values()];
}

function startDate(offers: ReturnType<typeof fetchOffers>['offers'], opportunityId: string): number | null {
  const value = currentOffer(offers[opportunityId])?.fields.anticipated_start_date;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The hires whose offers give a start date that is shown. */
function startDateHires(hires: readonly Hire[], startsFor: readonly string[] | undefined): string[] {
  const wanted = startsFor ? new Set(startsFor) : null;
  return hires.filter((hire) => !wanted || wanted.has(hire.requisitionId)).map((hire) => hire.opportunityId);
}

export interface RequisitionHiresResult {
  table: Record<string, RequisitionHires>;
  /** The key was refused every offer. */
  offersForbidden: boolean;
  /** Requisitions whose next start date is unknown: Lever refused the offers of one of their hires. */
  startsUnknown: number;
  offers: Record<string, OfferSummary[]>;
}

/** Hires per requisition ID, with the start dates their offers give. */
export function fetchRequisitionHires(client: LeverClient, options: RequisitionHiresOptions): RequisitionHiresResult {
  const hires = listHires(client, options);
  const read = options.readOffers
    ? fetchOffers(client, startDateHires(hires, options.startsFor), options.deadline)
    : { offers: {}, forbidden: false, refused: [] };
  const refused = new Set(read.refused);
  const unknown = new Set<string>();
  // Start dates are days (UTC midnight in Lever's offers): a start today is still "next".
  const today = options.now - (options.now % DAY_MS);
  const table: Record<string, RequisitionHires> = {};
  for (const hire of hires) {
    const entry = table[hire.requisitionId] ?? { names: [], lastHiredAt: null, nextStartAt: null };
    table[hire.requisitionId] = entry;
    entry.names.push(hire.name);
    if (hire.hiredAt !== null) entry.lastHiredAt = Math.max(entry.lastHiredAt ?? 0, hire.hiredAt);
    // A hire whose offers Lever refused may start first: its requisition's next start date is not known.
    if (refused.has(hire.opportunityId)) unknown.add(hire.requisitionId);
    const start = startDate(read.offers, hire.opportunityId);
    if (start !== null && start >= today) entry.nextStartAt = Math.min(entry.nextStartAt ?? start, start);
  }
  for (const id of unknown) table[id].nextStartAt = null;
  for (const entry of Object.values(table)) entry.names.sort();
  const startsUnknown = read.forbidden ? 0 : unknown.size;
  return { table, offersForbidden: read.forbidden, startsUnknown, offers: read.offers };
}
