// Pages several independent queries to their ends at once (one fetchAll per round), following `next`.
import type { LeverClient, PageOutcome, PageRequest } from './client';
import { isInvalidOffsetToken } from './error-mapping';
import { offsetParam } from './query';

const MAX_RESTARTS = 2;

export interface PagedQuery {
  request: PageRequest;
  /** Receives each page's records. After a stale offset token the query starts over, so records may repeat. */
  onRecords(records: unknown[]): void;
}

export type PagedResult = { kind: 'done' } | Extract<PageOutcome, { kind: 'failed' | 'deferred' }>;

interface Cursor {
  query: PagedQuery;
  next?: string;
  restarts: number;
  result?: PagedResult;
}

function withOffset(cursor: Cursor): PageRequest {
  const { path, params } = cursor.query.request;
  return { path, params: { ...params, offset: cursor.next === undefined ? undefined : offsetParam(cursor.next) } };
}

function advance(cursor: Cursor, outcome: PageOutcome): void {
  if (outcome.kind === 'page') {
    cursor.query.onRecords(outcome.page.data);
    cursor.next = outcome.page.next;
    if (!outcome.page.hasNext) cursor.result = { kind: 'done' };
  } else if (outcome.kind === 'failed' && isInvalidOffsetToken(outcome.status, outcome.leverMessage)) {
    cursor.restarts += 1;
    cursor.next = undefined;
    if (cursor.restarts > MAX_RESTARTS) cursor.result = outcome;
  } else {
    cursor.result = outcome;
  }
}

/** Runs every query to its last page (or failure, or the deadline); results come back in query order. */
export function pageAll(client: LeverClient, queries: readonly PagedQuery[], deadline: number): PagedResult[] {
  const cursors: Cursor[] = queries.map((query) => ({ query, restarts: 0 }));
  for (;;) {
    const active = cursors.filter((cursor) => cursor.result === undefined).slice(0, client.maxBatch);
    if (active.length === 0) break;
    const outcomes = client.getPages(active.map(withOffset), deadline);
    active.forEach((cursor, index) => {
      advance(cursor, outcomes[index]);
    });
  }
  return cursors.map((cursor) => cursor.result ?? { kind: 'deferred' });
}
