// Pages several independent queries to their ends at once (one fetchAll per round), following `next`.
import type { LeverClient, PageOutcome, PageRequest } from './client';
import { invalidOffsetError, isInvalidOffsetToken } from './error-mapping';
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
  /** Tokens Lever refused for this query: a refused token stays refused, so none is ever sent again. */
  refused: Set<string>;
  result?: PagedResult;
}

/**
 * Each restart pages with a smaller page size, so its pages end at other records and its tokens differ from the
 * refused ones (the refused token itself is never sent again, see advance).
 */
function withOffset(cursor: Cursor): PageRequest {
  const { path, params } = cursor.query.request;
  const limit =
    typeof params.limit === 'number' && cursor.restarts > 0
      ? Math.max(1, params.limit - cursor.restarts)
      : params.limit;
  return {
    path,
    params: { ...params, limit, offset: cursor.next === undefined ? undefined : offsetParam(cursor.next) },
  };
}

function restart(cursor: Cursor, outcome: Extract<PageOutcome, { kind: 'failed' }> | null): void {
  cursor.restarts += 1;
  cursor.next = undefined;
  if (cursor.restarts > MAX_RESTARTS) {
    cursor.result = outcome ?? {
      kind: 'failed',
      status: 400,
      leverMessage: '',
      error: invalidOffsetError(cursor.query.request),
    };
  }
}

function advance(cursor: Cursor, outcome: PageOutcome, sent: PageRequest): void {
  if (outcome.kind === 'page') {
    cursor.query.onRecords(outcome.page.data);
    cursor.next = outcome.page.next;
    if (!outcome.page.hasNext) cursor.result = { kind: 'done' };
    else if (cursor.next !== undefined && cursor.refused.has(cursor.next)) restart(cursor, null);
  } else if (outcome.kind === 'failed' && isInvalidOffsetToken(outcome.leverMessage)) {
    if (typeof sent.params.offset === 'string') cursor.refused.add(sent.params.offset);
    restart(cursor, outcome);
  } else {
    cursor.result = outcome;
  }
}

/** Runs every query to its last page (or failure, or the deadline); results come back in query order. */
export function pageAll(client: LeverClient, queries: readonly PagedQuery[], deadline: number): PagedResult[] {
  const cursors: Cursor[] = queries.map((query) => ({ query, restarts: 0, refused: new Set<string>() }));
  for (;;) {
    const active = cursors.filter((cursor) => cursor.result === undefined).slice(0, client.maxBatch);
    if (active.length === 0) break;
    const requests = active.map(withOffset);
    const outcomes = client.getPages(requests, deadline);
    active.forEach((cursor, index) => {
      advance(cursor, outcomes[index], requests[index]);
    });
  }
  return cursors.map((cursor) => cursor.result ?? { kind: 'deferred' });
}
