// Queries too long for Google's URL limit: split into parts whose union is exactly the original, and read in turn.
import { AppError } from '../../../src/errors';
import { buildQueryString } from '../../../src/lever/query';
import type { FetchState, LeverQueryParams, LeverRecord, ListQuery, RecordSource } from '../../../src/lever/source';
import { queryRoom, splitParams, splitQuery, splittingLongQueries } from '../../../src/lever/url-split';

const uuid = (i: number) => `${String(i).padStart(8, '0')}-4e18-4f9a-be5f-95b1853cbbbe`;
const tags = (count: number) => Array.from({ length: count }, (_, i) => `Tag number ${i} (café & co)`);

/** Every combination of values a set of parts asks for, one key value per union list. */
function combinations(parts: LeverQueryParams[], keys: string[]): Set<string> {
  const out = new Set<string>();
  for (const part of parts) {
    const lists = keys.map((key) => (part[key] as string[]).map(String));
    const walk = (index: number, prefix: string[]) => {
      if (index === lists.length) out.add(prefix.join('|'));
      else for (const value of lists[index]) walk(index + 1, [...prefix, value]);
    };
    walk(0, []);
  }
  return out;
}

describe('splitParams', () => {
  it('leaves a query that fits alone', () => {
    const params = { archived: false, tag: ['a', 'b'], expand: ['applications'] };
    expect(splitParams(params, 200)).toEqual([params]);
  });

  it('splits one long list into parts that each fit and together hold every value once', () => {
    const params = { archived: false, archive_reason_id: Array.from({ length: 200 }, (_, i) => uuid(i)), limit: 100 };
    const room = 1500;
    const parts = splitParams(params, room);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) {
      expect(buildQueryString(part).length).toBeLessThanOrEqual(room);
      expect(part.archived).toBe(false);
      expect(part.limit).toBe(100);
    }
    expect(parts.flatMap((part) => part.archive_reason_id)).toEqual(params.archive_reason_id);
  });

  it('covers every combination of several long lists exactly (AND across filters, union within one)', () => {
    const params: LeverQueryParams = {
      stage_id: Array.from({ length: 60 }, (_, i) => uuid(i)),
      tag: tags(100),
      posting_id: [uuid(999)],
      expand: ['applications'],
    };
    const parts = splitParams(params, 1500);
    for (const part of parts) {
      expect(buildQueryString(part).length).toBeLessThanOrEqual(1500);
      expect(part.posting_id).toEqual([uuid(999)]);
      expect(part.expand).toEqual(['applications']);
    }
    const wanted = combinations([params], ['stage_id', 'tag', 'posting_id']);
    const got = combinations(parts, ['stage_id', 'tag', 'posting_id']);
    expect(got).toEqual(wanted);
    // No combination asked twice: every part is a distinct block of the product.
    const asked = parts.reduce(
      (sum, part) => sum + (part.stage_id as string[]).length * (part.tag as string[]).length,
      0,
    );
    expect(asked).toBe(60 * 100);
  });

  it('never splits what Lever does not read as a union', () => {
    const params = { expand: Array.from({ length: 300 }, () => 'applications'), status: 'open' };
    expect(() => splitParams(params, 500)).not.toThrow();
    expect(splitParams(params, 500)).toEqual([params]);
  });

  it('refuses one value too long for any request, naming the filter', () => {
    const params = { tag: ['short', 'x'.repeat(3000)] };
    let caught: unknown;
    try {
      splitParams(params, 1500);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).details).toEqual({ reason: 'filterValueTooLong', filter: 'tag' });
  });

  it('leaves room for the base URL and the page parameters', () => {
    expect(queryRoom('https://api.lever.co/v1', '/opportunities')).toBe(
      2000 - 'https://api.lever.co/v1/opportunities?'.length - 400,
    );
  });
});

/** A stand-in source: each query's records are one per tag value, in two pages, the state counting pages. */
function pagedSource(log: string[]): RecordSource {
  return {
    start: (query) => ({ version: 1, fingerprint: 'f', query, page: 0 }) as FetchState,
    next(saved, deadline, sink) {
      const state = { ...(saved as FetchState & { query: ListQuery; page: number }) };
      const values = (state.query.params.tag as string[]) ?? [];
      if (deadline <= 0) return { state, done: false, requests: 0, pages: 0, records: 0 };
      const half = values.slice(state.page * Math.ceil(values.length / 2)).slice(0, Math.ceil(values.length / 2));
      log.push(`${values[0]}:${state.page}`);
      const records: LeverRecord[] = half.map((tag) => ({ id: tag, createdAt: 1 }));
      sink(records);
      state.page += 1;
      return { state, done: state.page >= 2, requests: 1, pages: 1, records: records.length };
    },
  };
}

describe('splittingLongQueries', () => {
  const query: ListQuery = {
    object: 'opportunities',
    params: { tag: tags(100), archived: false },
    statusIn: undefined,
    archiveReasonIn: ['r1'],
  };

  it('reads every part in turn, resumable from its state, and keeps the whole query for local filters', () => {
    const log: string[] = [];
    const source = splittingLongQueries(pagedSource(log), () => 1500);
    const seen: string[] = [];
    let state = source.start(query);
    expect((state as FetchState & { query: ListQuery }).query.archiveReasonIn).toEqual(['r1']);
    let progress = source.next(state, 0, (records) => seen.push(...records.map((r) => r.id)));
    expect(progress).toMatchObject({ done: false, requests: 0 });
    for (let call = 0; call < 20 && !progress.done; call++) {
      // A state saved and read back, as the engine's checkpoint does between executions.
      state = JSON.parse(JSON.stringify(progress.state));
      progress = source.next(
        state,
        1,
        (records) => seen.push(...records.map((r) => r.id)),
        () => true,
      );
    }
    expect(progress.done).toBe(true);
    expect([...seen].sort()).toEqual([...tags(100)].sort());
    const parts = splitQuery(query, 1500);
    expect(parts.length).toBeGreaterThan(1);
    expect(log.length).toBe(parts.length * 2);
    expect(parts.every((part) => part.archiveReasonIn === undefined)).toBe(true);
  });

  it('hands a query that fits straight to the inner source', () => {
    const log: string[] = [];
    const inner = pagedSource(log);
    const source = splittingLongQueries(inner, () => 10_000);
    const state = source.start(query);
    expect(state).toEqual(inner.start(query));
  });
});
