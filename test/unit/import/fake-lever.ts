// A fake LeverAccess over an array of records: pages cost virtual time, order and repeats are under test control.
import { AppError } from '../../../src/errors';
import type {
  FetchProgress,
  FetchState,
  LeverAccess,
  LeverRecord,
  ListQuery,
  LookupName,
  LookupResult,
  RecordSource,
} from '../../../src/lever/source';
import { lookups } from './fixtures';

export class FakeClock {
  constructor(public t: number) {}
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface FakeSourceOptions {
  pageSize?: number;
  msPerPage?: number;
  /** Re-send the previous page after every n pages (as after an offset-token restart). */
  repeatEvery?: number;
  /** Throws this once the given number of pages has been served in total. */
  failAt?: { page: number; error: Error };
}

export class FakeSource implements RecordSource {
  served = 0;
  starts: ListQuery[] = [];

  constructor(
    public records: LeverRecord[],
    private readonly clock: FakeClock,
    private readonly options: FakeSourceOptions = {},
  ) {}

  start(query: ListQuery): FetchState {
    this.starts.push(query);
    return { version: 1, fingerprint: JSON.stringify(query), position: 0 };
  }

  next(
    state: FetchState,
    deadline: number,
    sink: (records: LeverRecord[]) => void,
    enough: () => boolean = () => false,
  ): FetchProgress {
    const size = this.options.pageSize ?? 100;
    let position = state.position as number;
    let pages = 0;
    let records = 0;
    while (position < this.records.length && this.clock.now() < deadline && !enough()) {
      if (this.options.failAt && this.served >= this.options.failAt.page) throw this.options.failAt.error;
      this.clock.advance(this.options.msPerPage ?? 250);
      const repeat = this.options.repeatEvery && pages > 0 && pages % this.options.repeatEvery === 0;
      const from = repeat ? Math.max(0, position - size) : position;
      const page = this.records.slice(from, from + size);
      sink(page.map((record) => ({ ...record })));
      if (!repeat) position += page.length;
      pages += 1;
      records += page.length;
      this.served += 1;
    }
    return { state: { ...state, position }, done: position >= this.records.length, requests: pages, pages, records };
  }
}

export function fakeAccess(
  source: RecordSource,
  environment = 'production',
): LeverAccess & { lookupCalls: LookupName[][]; prefetchCalls: LookupName[][] } {
  const lookupCalls: LookupName[][] = [];
  const prefetchCalls: LookupName[][] = [];
  return {
    environment,
    source,
    lookupCalls,
    prefetchCalls,
    prefetchLookups(needed: readonly LookupName[]): void {
      prefetchCalls.push([...needed]);
    },
    lookups(needed: readonly LookupName[]): LookupResult {
      lookupCalls.push([...needed]);
      return lookups();
    },
    firstPage(_query: ListQuery, limit: number) {
      const all = (source as FakeSource).records;
      return { records: all.slice(0, limit), hasMore: all.length > limit };
    },
  };
}

export function authError(): AppError {
  return new AppError('LEVER_AUTH', {});
}
