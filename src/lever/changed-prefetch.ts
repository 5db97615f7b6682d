// A full run's drift-check list (IDs `updated_at_start` returns since the base), asked with the first records round.
//
// Asked after the fetch, the list costs a round of its own. Asked in the first round, one query pages on in later
// rounds' spare slots; but then a record edited while the run reads is missing from it although its row differs
// from the base. Such a record shows the edit in its `updatedAt`, so the records read here whose `updatedAt` is at
// or after the moment the list was asked count as listed: Lever's filter would list them (the field moved since
// the base), and only a change that leaves `updatedAt` alone is drift. Only a complete list (or the 403 that says
// the key may not list changes) is kept; anything else is asked again, after the fetch, when the check needs it.
import type { PageOutcome, PageRequest } from './client';
import type { RoundCompanion } from './lookup-prefetch';
import { offsetParam } from './query';
import type { ChangedQuery, LeverRecord } from './source';
import { initialWindow, windowParams } from './windows';

const PAGE_SIZE = 100;

interface Listing {
  query: ChangedQuery;
  /** When the first page was handed to a round: every later edit shows in a record's `updatedAt` from then on. */
  askedAt?: number;
  ids: Set<string>;
  /** Lever's offset token for the next page; absent before the first page. */
  next?: string;
  status: 'waiting' | 'sent' | 'done' | 'forbidden' | 'dropped';
}

/** Same instant, bounds and scope. */
function sameQuery(a: ChangedQuery, b: ChangedQuery): boolean {
  return (
    a.since === b.since &&
    a.createdFrom === b.createdFrom &&
    a.createdTo === b.createdTo &&
    a.confidential === b.confidential
  );
}

export class ChangedPrefetch implements RoundCompanion {
  private listing: Listing | null = null;
  /** Records read this execution whose `updatedAt` moved since the listing's instant: ID → `updatedAt`. */
  private readonly moved = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  /** Asks for the changed IDs with the next round that has room (a listing for the same query is kept). */
  want(query: ChangedQuery): void {
    if (this.listing && sameQuery(this.listing.query, query)) return;
    this.listing = { query, ids: new Set(), status: 'waiting' };
    this.moved.clear();
  }

  /** The records the fetch read, as they arrive: those edited since the listing's instant are noted. */
  note(records: readonly LeverRecord[]): void {
    const since = this.listing?.query.since;
    if (since === undefined) return;
    for (const record of records) {
      const at = record.updatedAt;
      if (typeof at === 'number' && at >= since) this.moved.set(String(record.id), at);
    }
  }

  waiting(): number {
    return this.listing?.status === 'waiting' ? 1 : 0;
  }

  take(room: number): PageRequest[] {
    const listing = this.listing;
    if (room <= 0 || !listing || listing.status !== 'waiting') return [];
    listing.askedAt ??= this.now();
    listing.status = 'sent';
    return [this.request(listing)];
  }

  settle(outcomes: readonly PageOutcome[]): void {
    const listing = this.listing;
    const outcome = outcomes[0];
    if (listing?.status !== 'sent' || !outcome) return;
    if (outcome.kind === 'deferred') listing.status = 'waiting';
    // Only a first page's 403 says the key may not list changes; any other failure leaves it to the check.
    else if (outcome.kind === 'failed')
      listing.status = outcome.status === 403 && listing.next === undefined ? 'forbidden' : 'dropped';
    else {
      for (const record of outcome.page.data) listing.ids.add(String((record as { id?: unknown }).id));
      listing.next = outcome.page.next;
      listing.status = outcome.page.hasNext ? 'waiting' : 'done';
    }
  }

  /**
   * The changed IDs for exactly this query: Lever's list plus the records read here that were edited after it was
   * asked; null for a 403; undefined when not (fully) read, so the caller asks Lever after the fetch.
   */
  answerFor(query: ChangedQuery): Set<string> | null | undefined {
    const listing = this.listing;
    if (!listing || !sameQuery(listing.query, query) || listing.askedAt === undefined) return undefined;
    if (listing.status === 'forbidden') return null;
    if (listing.status !== 'done') return undefined;
    const askedAt = listing.askedAt;
    const ids = new Set(listing.ids);
    for (const [id, at] of this.moved) if (at >= askedAt) ids.add(id);
    return ids;
  }

  private request(listing: Listing): PageRequest {
    const { query } = listing;
    const params = {
      updated_at_start: query.since,
      ...windowParams(initialWindow(query.createdFrom, query.createdTo)),
      ...(query.confidential ? { confidentiality: 'all' } : {}),
      limit: PAGE_SIZE,
      ...(listing.next === undefined ? {} : { offset: offsetParam(listing.next) }),
    };
    return { path: '/opportunities', params };
  }
}
