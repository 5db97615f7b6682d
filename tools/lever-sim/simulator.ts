// LeverSimulator: an in-process Lever Data API v1 (auth, rate limit, faults, lists, lookups) over a mutable dataset.

import { KeyRing, requirePermission } from './auth';
import type { Dated } from './created-index';
import { type DatasetWatch, watchDataset } from './dataset-watch';
import { deletedPage } from './deleted';
import {
  InvalidOffsetError,
  invalidOffset,
  JSON_HEADERS,
  rateLimited,
  SimHttpError,
  SimNetworkError,
  serverFailure,
} from './errors';
import { FaultQueue } from './faults';
import { IdMaps } from './id-maps';
import { ListIndexes, type ListPlan, planList } from './list-plans';
import { offersPage } from './offers';
import { type ListPage, type OrderedSource, readAll, readPage, StaleIndexError } from './pagination';
import { QueryParams } from './params';
import { type RateLimitOptions, TokenBuckets } from './rate-limit';
import { type LeverReadings, STRICTEST_READINGS } from './readings';
import { ReorderCache } from './reorder';
import { getOne, type Route, route } from './routes';
import type {
  LeverDataset,
  SimEndpoint,
  SimEnvironment,
  SimFault,
  SimKey,
  SimRequest,
  SimRequestLogEntry,
  SimResponse,
} from './types';

export interface LeverSimulatorOptions {
  dataset: LeverDataset;
  keys: SimKey[];
  now: () => number;
  /** Token bucket per key on the `now()` clock; default 10/s with bursts of 20; false disables it. */
  rateLimit?: RateLimitOptions | false;
  /** Send `Retry-After` on 429 (Lever does not document one). Default false. */
  retryAfter?: boolean;
  hosts?: Record<string, SimEnvironment>;
  /** Lever's silent behaviours (readings.ts); each defaults to its strictest reading. */
  readings?: Partial<LeverReadings>;
}

export const DEFAULT_HOSTS: Readonly<Record<string, SimEnvironment>> = {
  'api.lever.co': 'production',
  'api.sandbox.lever.co': 'sandbox',
  'api.eu.lever.co': 'eu',
};

export class LeverSimulator {
  readonly dataset: LeverDataset;
  readonly requests: SimRequestLogEntry[] = [];
  /** Mutable: a test may flip a reading mid-run. */
  readonly readings: LeverReadings;
  private readonly watch: DatasetWatch;
  private readonly maps: IdMaps;
  private readonly indexes = new ListIndexes();
  private readonly reordered = new ReorderCache();
  private readonly keys: KeyRing;
  private readonly buckets: TokenBuckets | null;
  private readonly faults = new FaultQueue();
  private readonly hosts: Record<string, SimEnvironment>;
  private readonly retryAfter: boolean;
  private readonly now: () => number;
  /** Offset tokens refused once (as received): refused again whenever they come back. */
  private readonly refusedTokens = new Set<string>();

  constructor(options: LeverSimulatorOptions) {
    this.dataset = options.dataset;
    this.watch = watchDataset(options.dataset);
    this.maps = new IdMaps(this.watch);
    this.keys = new KeyRing(options.keys);
    const rateLimit = options.rateLimit ?? { perSecond: 10, burst: 20 };
    this.buckets = rateLimit === false ? null : new TokenBuckets(rateLimit);
    this.retryAfter = options.retryAfter ?? false;
    this.hosts = options.hosts ?? { ...DEFAULT_HOSTS };
    this.now = options.now;
    this.readings = { ...STRICTEST_READINGS, ...options.readings };
  }

  /** Answers one HTTP request; throws SimNetworkError for an unknown host or an injected network fault. */
  handle(request: SimRequest): SimResponse {
    const now = this.now();
    const method = (request.method || 'GET').toUpperCase();
    const { url, environment } = this.resolve(request.url);
    const params = QueryParams.fromSearch(url.searchParams);
    const entry: SimRequestLogEntry = { at: now, method, path: url.pathname, query: params.toRecord(), status: 0 };
    this.requests.push(entry);
    const offset = params.list('offset')[0];
    const fault = this.faults.take(url.pathname, offset !== undefined);
    if (fault && 'network' in fault) throw new SimNetworkError(`Address unavailable: ${url.origin}${url.pathname}`);
    if (fault && 'invalidToken' in fault && offset !== undefined) this.refusedTokens.add(offset);
    const response =
      fault && 'status' in fault
        ? serverFailure(fault.status, this.retryAfter)
        : this.respond({ method, path: url.pathname, params, headers: request.headers ?? {}, environment, now }, entry);
    entry.status = response.status;
    return response;
  }

  injectFaults(fault: SimFault): void {
    this.faults.add(fault);
  }

  revokeKey(key: string): void {
    this.keys.revoke(key);
  }

  addKey(key: SimKey): void {
    this.keys.add(key);
  }

  resetRateLimit(): void {
    this.buckets?.reset();
  }

  /**
   * Ground truth: the set of ids a list query returns across all pages (the same filters as handle), listed
   * newest first (the order an import sorts its sheet in) whatever the `listOrder` reading.
   */
  query(endpoint: 'opportunities' | 'requisitions', params: Record<string, string | string[]>, key?: string): string[] {
    const simKey = key === undefined ? undefined : this.keys.find(key);
    if (key !== undefined && !simKey) throw new Error('query(): unknown simulator key');
    if (simKey) requirePermission(simKey, endpoint);
    const query = QueryParams.fromRecord(params);
    const access = { canSeeConfidential: simKey?.confidential ?? true, now: this.now() };
    const records = this.withFreshIndex(endpoint, query, access, (plan) => readAll(plan.source, plan.accept), false);
    return (records as Array<{ id: string }>).map((record) => record.id);
  }

  private resolve(rawUrl: string): { url: URL; environment: SimEnvironment } {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new SimNetworkError(`Invalid URL: ${rawUrl}`);
    }
    const environment = this.hosts[url.host] ?? this.hosts[url.hostname];
    if (url.protocol !== 'https:' || !environment) throw new SimNetworkError(`DNS error: ${url.origin}`);
    return { url, environment };
  }

  private respond(request: RoutedRequest, entry: SimRequestLogEntry): SimResponse {
    try {
      const key = this.keys.authenticate(request.headers, request.environment);
      entry.key = key.key;
      this.takeToken(key.key, request.now);
      if (request.method !== 'GET') {
        throw new SimHttpError(405, 'MethodNotAllowed', `${request.method} is not supported on ${request.path}`);
      }
      const target = route(request.method, request.path);
      requirePermission(key, target.endpoint);
      const offset = request.params.list('offset')[0];
      if (offset !== undefined && this.refusedTokens.has(offset)) throw invalidOffset();
      const body = this.answer(target, request.params, key.confidential, request.now);
      return { status: 200, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) };
    } catch (error) {
      if (error instanceof InvalidOffsetError) {
        const offset = request.params.list('offset')[0];
        if (offset !== undefined) this.refusedTokens.add(offset);
        return invalidOffset(this.readings.invalidTokenStatus).toResponse();
      }
      if (error instanceof SimHttpError) return error.toResponse();
      throw error;
    }
  }

  private answer(target: Route, params: QueryParams, canSeeConfidential: boolean, now: number): unknown {
    if (target.kind === 'list') return this.listPage(target.endpoint, params, canSeeConfidential, now);
    if (target.kind === 'deleted') {
      const readings = this.readings;
      return envelope(deletedPage(this.dataset, { params, canSeeConfidential, readings }));
    }
    if (target.kind === 'offers')
      return envelope(offersPage(this.dataset, this.maps, { ...target, params, canSeeConfidential }));
    return { data: getOne(target.endpoint, target.id, params, this.maps, canSeeConfidential) };
  }

  private takeToken(key: string, now: number): void {
    if (!this.buckets || this.buckets.take(key, now)) return;
    throw rateLimited(this.retryAfter ? this.buckets.secondsUntilToken(key, now) : null);
  }

  private listPage(endpoint: SimEndpoint, params: QueryParams, canSeeConfidential: boolean, now: number) {
    return this.withFreshIndex(endpoint, params, { canSeeConfidential, now }, (plan) => {
      const page = readPage(plan.source, params, endpoint, plan.accept);
      return envelope({ ...page, data: page.data.map(plan.present) });
    });
  }

  /** Runs `read` over the endpoint's plan, rebuilding the indexes once if a createdAt was edited in place. */
  private withFreshIndex<R>(
    endpoint: SimEndpoint,
    params: QueryParams,
    access: { canSeeConfidential: boolean; now: number },
    read: (plan: ListPlan<unknown>) => R,
    inListOrder = true,
  ): R {
    const changedAt = this.dataset.changedAt;
    const context = { watch: this.watch, maps: this.maps, readings: this.readings, changedAt, ...access };
    const plan = () => {
      const newestFirst = planList(endpoint, params, context, this.indexes);
      return inListOrder ? this.ordered(endpoint, params, newestFirst) : newestFirst;
    };
    try {
      return read(plan());
    } catch (error) {
      if (!(error instanceof StaleIndexError)) throw error;
      this.watch.bump();
      return read(plan());
    }
  }

  /** `/opportunities` and `/requisitions` in the order of the `listOrder` reading (the index is newest-first). */
  private ordered(endpoint: SimEndpoint, params: QueryParams, plan: ListPlan<unknown>): ListPlan<unknown> {
    const order = this.readings.listOrder;
    if (order === 'newest-first' || (endpoint !== 'opportunities' && endpoint !== 'requisitions')) return plan;
    const source = plan.source as OrderedSource<Dated>;
    const key = `${endpoint}?${params.canonical(['offset', 'limit'])}`;
    return { ...plan, source: this.reordered.get(source, order, key, this.watch.version()) } as ListPlan<unknown>;
  }
}

/** Lever's list envelope: `next` only while `hasNext`. */
function envelope(page: ListPage<unknown>): { data: unknown[]; hasNext: boolean; next?: string } {
  const body: { data: unknown[]; hasNext: boolean; next?: string } = { data: page.data, hasNext: page.hasNext };
  if (page.next !== undefined) body.next = page.next;
  return body;
}

interface RoutedRequest {
  method: string;
  path: string;
  params: QueryParams;
  headers: Record<string, string>;
  environment: SimEnvironment;
  now: number;
}
