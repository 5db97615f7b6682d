// Contract between the Lever client and the import engine: a resumable stream of records for one list query.
// The engine keeps the FetchState in its checkpoint between executions; the client owns what is inside it.

import type { ImportObject } from '../shared/types';

/** What `LeverAccess.changedSince` asks: the instant, the import's createdAt bounds, and confidential or not. */
export interface ChangedQuery {
  since: number;
  createdFrom?: number;
  createdTo?: number;
  confidential: boolean;
}

/** Query parameters as Lever takes them; arrays repeat the key (`tag=a&tag=b`). */
export type LeverQueryParams = Record<string, string | number | boolean | Array<string | number>>;

export interface ListQuery {
  object: ImportObject;
  /** Every filter except created_at_*; those come from createdFrom/createdTo so the client can split the range. */
  params: LeverQueryParams;
  /** Inclusive epoch-ms bounds of createdAt; absent means unbounded. */
  createdFrom?: number;
  createdTo?: number;
  /**
   * Requisitions only: keep records whose `status` is one of these, filtered locally. Lever's reading of a
   * repeated `status` parameter is unknown (union, first or last value), so several statuses are never sent.
   */
  statusIn?: string[];
  /**
   * Opportunities only: keep records archived with a reason of type `hired`. The access layer turns it into
   * `archive_reason_id` (Lever's hired reasons) and `archiveReasonIn` before the first request.
   */
  hiresOnly?: boolean;
  /** Keep records whose archive reason is one of these, filtered locally (set from `hiresOnly`). */
  archiveReasonIn?: string[];
}

/**
 * JSON-serialisable and small (the engine stores it in DocumentProperties, 9 KB per value):
 * opaque to the engine. Bound to the query it was started for.
 */
export interface FetchState {
  version: number;
  /** Fingerprint of the ListQuery; the engine restarts cleanly when it no longer matches. */
  fingerprint: string;
  [detail: string]: unknown;
}

export interface FetchProgress {
  state: FetchState;
  done: boolean;
  /** Counters for this call only. */
  requests: number;
  pages: number;
  records: number;
}

export interface RecordSource {
  start(query: ListQuery): FetchState;
  /**
   * Fetches pages until `deadline` (epoch ms) or the end, handing each page's records to `sink` as they arrive.
   * Records may arrive in any order and, after Lever rejects a stale offset token, a window may be re-read from
   * its start: the engine de-duplicates by `id` and sorts. Throws AppError on errors that retries cannot fix.
   * `enough`, when given, is asked between batches of requests: once it says true, `next` returns early with its
   * state (so the caller can write what it holds and save a checkpoint that matches it).
   */
  next(
    state: FetchState,
    deadline: number,
    sink: (records: LeverRecord[]) => void,
    enough?: () => boolean,
  ): FetchProgress;
}

/** A raw Lever record (opportunity or requisition) as the API returns it. */
export interface LeverRecord {
  id: string;
  createdAt: number;
  [field: string]: unknown;
}

/** ID → display name tables, each fetched once per run (users include deactivated ones). */
export interface LookupTables {
  stages: Record<string, string>;
  users: Record<string, string>;
  archiveReasons: Record<string, string>;
  postings: Record<string, string>;
  requisitionFields: Record<string, { text: string; type: string }>;
  /** Archive reason ID → Lever's type (`hired` / `non-hired`): tells hires apart. */
  archiveReasonTypes: Record<string, string>;
  /** Requisition ID → name, for the seat a hire fills. */
  requisitions: Record<string, string>;
  /** Requisition ID → its hires (src/lever/requisition-hires.ts): fetched, not paged like the others. */
  requisitionHires: Record<string, RequisitionHires>;
  /** Opportunity ID → its offers (fetched for the opportunities in scope that can have one). */
  offers: Record<string, OfferSummary[]>;
  /** Posting ID → its categories, salary range and requisition codes. */
  postingDetails: Record<string, PostingDetails>;
  /** Requisition ID → its active offers (src/lever/active-offers.ts); absent when it could not be counted exactly. */
  activeOffers: Record<string, number>;
}

/** What the posting columns show of a posting. */
export interface PostingDetails {
  team: string;
  department: string;
  location: string;
  commitment: string;
  salaryRange: { min: number; max: number; currency: string; interval: string } | null;
  requisitionCodes: string[];
}

/** The tables that are one paged list each (all but the per-record ones). */
export type PagedLookupName = Exclude<LookupName, 'requisitionHires' | 'offers' | 'activeOffers'>;

export type LookupName = keyof LookupTables;

/** Which records the per-record tables are for: `offers` are fetched for these opportunities only. */
export interface LookupScope {
  offersFor?: readonly string[];
  /** The requisitions (IDs) whose "Next start date" is shown: only their hires' offers are asked. */
  hireStartsFor?: readonly string[];
  /** The requisitions whose active offers are shown. */
  activeOffersFor?: readonly RequisitionOfferScope[];
}

/** What counting a requisition's active offers starts from: its postings and its own list of offers. */
export interface RequisitionOfferScope {
  id: string;
  postings: string[];
  /** Lever's `offerIds`; null when the record carries none (the count is then left empty). */
  offerIds: string[] | null;
}

/** The tables plus one sentence per table the key may not read (that table is left empty: IDs show instead). */
export interface LookupResult extends LookupTables {
  notes?: string[];
}

/**
 * What the engine needs from Lever, built for the running user from their saved key
 * (src/lever/factory.ts: `leverForUser(): LeverAccess`, throws AppError NO_KEY when none is saved).
 */
export interface LeverAccess {
  environment: string;
  source: RecordSource;
  /** Fetches only the tables asked for; one pass over each endpoint. */
  lookups(needed: readonly LookupName[], scope?: LookupScope): LookupResult;
  /**
   * Optional: starts fetching these tables alongside the records (in request rounds with room to spare), so a
   * `lookups` call later in the same execution finds them ready instead of waiting a round trip for them.
   */
  prefetchLookups?(needed: readonly LookupName[]): void;
  /** The first page of a query (for previews): records plus whether more exist. */
  firstPage(query: ListQuery, limit: number): { records: LeverRecord[]; hasMore: boolean };
  /**
   * IDs of opportunities deleted at or after `since` (with confidential ones when `confidential`); null when the
   * key may not read Lever's deleted list. Optional: fakes without it make changes-only runs see no deletions.
   */
  deletedSince?(since: number, confidential: boolean): Set<string> | null;
  /**
   * Optional: asks for `deletedSince(since, confidential)` alongside the records (in a round with room to spare), so
   * the merge later in the same execution finds it ready instead of waiting a round trip for it.
   */
  prefetchDeleted?(since: number, confidential: boolean): void;
  /**
   * Optional: runs `task` while the run waits for Lever's tokens, in time that would otherwise be slept (never when
   * no wait comes). The task must not throw.
   */
  whileWaiting?(task: () => void): void;
  /**
   * Optional: asks for `changedSince(query)` with the first records round (its later pages in spare slots), so the
   * drift check at the end of the same execution need not wait a round trip for it.
   */
  prefetchChanged?(query: ChangedQuery): void;
  /**
   * What the list asked with the fetch (prefetchChanged) holds, when complete: Lever's IDs plus the records read
   * since whose `updatedAt` shows they were edited after it was asked; null for a 403; undefined when not read.
   */
  prefetchedChanged?(query: ChangedQuery): Set<string> | null | undefined;
  /**
   * IDs of opportunities Lever's `updated_at_start` filter returns for `since` within the createdAt bounds (the
   * drift check of a full run), asked now; null when the key may not list them. Optional: fakes without it check
   * no drift.
   */
  changedSince?(query: ChangedQuery): Set<string> | null;
}

/** What a requisition's hire columns show. Dates are epoch ms; null when unknown. */
export interface RequisitionHires {
  names: string[];
  /** The latest hire's archive (hire) date. */
  lastHiredAt: number | null;
  /** The earliest anticipated start date (from the hires' offers) on or after the day of the fetch. */
  nextStartAt: number | null;
}

/** An offer reduced to what the columns show: its status, dates and form fields by their stable identifiers. */
export interface OfferSummary {
  id: string;
  status: string;
  createdAt: number;
  sentAt: number | null;
  approvedAt: number | null;
  fields: Record<string, string | number | null>;
}
