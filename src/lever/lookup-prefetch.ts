// Lookup tables fetched while the records page: their requests ride along in fetch rounds that have room to spare.
//
// The commit needs the lookup tables (stages, users, …) before it can write. Fetched then, they cost a round trip
// of their own at the very end of the run. Sent with a records round that has free slots (the first round pages a
// single window), they cost nothing but their share of the rate limit.
import type { PageOutcome, PageRequest } from './client';
import { addLookupEntries, lookupGroups, lookupRequest, PER_RECORD, requestKey } from './lookups';
import { offsetParam } from './query';
import type { LookupName, LookupTables, PagedLookupName } from './source';

/** Requests that go out with a round of record pages when the round has room for them. */
export interface RoundCompanion {
  /** Up to `room` requests to send with the next round (none when there is nothing to send). */
  take(room: number): PageRequest[];
  /** The outcomes of the requests the last `take` returned, in the same order. */
  settle(outcomes: readonly PageOutcome[]): void;
  /** Requests it would send now if given the room. */
  waiting(): number;
}

interface TableCursor {
  /** The tables this one list request fills (see lookupGroups): paged once for all of them. */
  names: PagedLookupName[];
  tables: Partial<Record<PagedLookupName, LookupTables[PagedLookupName]>>;
  /** Lever's offset token for the next page; absent before the first page. */
  next?: string;
  /** 'dropped': failed here (a 403, an outage, a stale token); the commit fetches and reports it the usual way. */
  status: 'waiting' | 'done' | 'dropped';
}

export class LookupPrefetch implements RoundCompanion {
  private readonly cursors: TableCursor[] = [];
  private sent: TableCursor[] = [];

  constructor(
    private readonly confidentialAccess: boolean,
    private readonly pageSize = 100,
  ) {}

  /** Adds tables to fetch (those already asked for are kept as they are). */
  want(needed: readonly LookupName[]): void {
    // The requisition hires and offers take several dependent requests: they are fetched at the commit.
    const paged = needed.filter((name): name is PagedLookupName => !PER_RECORD.includes(name));
    const fresh = paged.filter((name) => !this.cursors.some((cursor) => cursor.names.includes(name)));
    for (const names of lookupGroups(fresh, this.confidentialAccess)) {
      const cursor = this.unstarted(names[0]);
      if (cursor) cursor.names.push(...names);
      else this.cursors.push({ names, tables: {}, status: 'waiting' });
      for (const name of names) (cursor ?? this.cursors[this.cursors.length - 1]).tables[name] = {};
    }
  }

  waiting(): number {
    return this.cursors.filter((cursor) => cursor.status === 'waiting').length;
  }

  /** A cursor for the same request that has sent nothing yet: a table can still join it. */
  private unstarted(name: PagedLookupName): TableCursor | undefined {
    const key = requestKey(name, this.confidentialAccess);
    return this.cursors.find(
      (cursor) =>
        cursor.status === 'waiting' &&
        cursor.next === undefined &&
        !this.sent.includes(cursor) &&
        requestKey(cursor.names[0], this.confidentialAccess) === key,
    );
  }

  take(room: number): PageRequest[] {
    this.sent = this.cursors.filter((cursor) => cursor.status === 'waiting').slice(0, Math.max(0, room));
    return this.sent.map((cursor) => {
      const request = lookupRequest(cursor.names[0], this.confidentialAccess, this.pageSize);
      if (cursor.next === undefined) return request;
      return { ...request, params: { ...request.params, offset: offsetParam(cursor.next) } };
    });
  }

  settle(outcomes: readonly PageOutcome[]): void {
    this.sent.forEach((cursor, index) => {
      const outcome = outcomes[index];
      if (!outcome || outcome.kind === 'deferred') return;
      if (outcome.kind === 'failed') {
        cursor.status = 'dropped';
        return;
      }
      for (const name of cursor.names) addLookupEntries(name, cursor.tables[name] ?? {}, outcome.page.data);
      cursor.next = outcome.page.next;
      if (!outcome.page.hasNext) cursor.status = 'done';
    });
    this.sent = [];
  }

  /** The tables fetched in full so far. */
  complete(): Partial<LookupTables> {
    const tables: Partial<Record<PagedLookupName, LookupTables[PagedLookupName]>> = {};
    for (const cursor of this.cursors) if (cursor.status === 'done') Object.assign(tables, cursor.tables);
    return tables as Partial<LookupTables>;
  }
}
