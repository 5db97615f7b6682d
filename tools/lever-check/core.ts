// The read-only checks behind `npm run check:lever`: which reading of Lever's undocumented behaviour
// (shared/reference/unknowns.md items 1–5, what `updated_at_start` selects, and whether offers bump updatedAt) a real
// account shows. Pure: every request goes through `transport`.
import { checkOfferUpdates, type OfferUpdatesFinding } from './offer-updates';

/** One GET. Throws for a network failure; `body` is the raw response text. */
export type Transport = (
  url: string,
  headers: Record<string, string>,
) => Promise<{ status: number; body: string }> | { status: number; body: string };

export interface LeverCheckOptions {
  /** API root including `/v1`, e.g. https://api.lever.co/v1. */
  baseUrl: string;
  apiKey: string;
  transport: Transport;
  /** Clock for pacing (default Date.now and setTimeout); tests pass the simulator's clock. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Hard ceiling on requests (default 50). */
  maxRequests?: number;
}

export type OrderReading = 'newest-first' | 'newest-runs' | 'unordered' | 'cannot-tell';
export type StatusReading = 'union' | 'first' | 'last' | 'ignored' | 'refused' | 'cannot-tell';
export type ConfidentialReading = 'forbidden' | 'can-read' | 'cannot-tell';
/**
 * What `updated_at_start` selects (lever-api §5.1, §7.5): `any-change` once a record it returns has an older
 * `updatedAt` field (the filter is not on the field); otherwise the field reading cannot be ruled out.
 */
export type UpdatedFilterFinding = 'any-change' | 'field-or-no-such-change' | 'cannot-tell';
/** Whether archiving moves `updatedAt` (recently archived records: `updatedAt` ≥ `archived.archivedAt`). */
export type ArchiveBumpFinding = 'bumps' | 'does-not-bump' | 'cannot-tell';

export interface OrderFinding {
  query: string;
  reading: OrderReading;
  /** Records seen, newest-first runs among them, and whether the whole list was read. */
  records: number;
  runs: number;
  complete: boolean;
  detail: string;
}

export interface LeverCheckReport {
  baseUrl: string;
  /** Set when the checks stopped early (bad key, network failure, request budget). */
  aborted?: string;
  listOrder: { findings: OrderFinding[]; addOn: string };
  status: { reading: StatusReading; detail: string; addOn: string };
  confidential: { reading: ConfidentialReading; detail: string; addOn: string };
  invalidToken: { status: number | null; mentionsInvalidOffsetToken: boolean; detail: string; addOn: string };
  updatedFilter: {
    reading: UpdatedFilterFinding;
    archive: ArchiveBumpFinding;
    /** Records the filter returned, and how many of them have an `updatedAt` field older than the filter's start. */
    returned: number;
    older: number;
    detail: string;
    addOn: string;
  };
  tokenEncoding: {
    pageTwo: 'works' | 'refused' | 'not-tried';
    /** The token decoded before being encoded once (the wire then carries `next` verbatim). */
    decodedVariant: 'accepted' | 'refused' | 'same-as-received' | 'not-tried';
    detail: string;
    addOn: string;
  };
  offerUpdates: OfferUpdatesFinding;
  requests: number;
}

export const DEFAULT_MAX_REQUESTS = 50;
/** Lever allows 10 requests/s per key: one request every 100 ms at most. */
const MIN_INTERVAL_MS = 100;
const PAGE = 100;
const ORDER_PAGES = 3;
const MIN_RECORDS_FOR_ORDER = 20;
const STATUSES = ['open', 'onHold', 'closed', 'draft'] as const;
const INVALID_TOKEN = 'lever-check-invalid-offset-token';
const INVALID_TOKEN_TEXT = /invalid offset token/i;

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: Lever's bodies are read field by field
  json: any;
  message: string;
}

type Params = Array<[string, string]>;

class Stop extends Error {}

/** Sends paced, counted, redacted GETs; never retries except once after a 429. */
class Lever {
  requests = 0;
  private last = -Infinity;
  private readonly auth: string;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly max: number;

  constructor(private readonly options: LeverCheckOptions) {
    this.auth = `Basic ${Buffer.from(`${options.apiKey}:`).toString('base64')}`;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.max = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
  }

  redact(text: string): string {
    let out = text;
    for (const secret of [this.options.apiKey, this.auth.slice('Basic '.length)]) {
      if (secret.length > 0) out = out.split(secret).join('[redacted]');
    }
    return out;
  }

  /** `rawQuery` is appended as is (already encoded); `params` are encoded once here. */
  async get(path: string, params: Params, rawQuery?: string): Promise<Answer> {
    const encoded = params.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    if (rawQuery !== undefined) encoded.push(rawQuery);
    const url = `${this.options.baseUrl}${path}${encoded.length ? `?${encoded.join('&')}` : ''}`;
    for (let attempt = 0; ; attempt++) {
      const answer = await this.send(url);
      if (answer.status === 401)
        throw new Stop('Lever refused the key (HTTP 401): check LEVER_API_KEY and --environment.');
      if (answer.status !== 429 || attempt > 0) return answer;
      await this.sleep(1000);
    }
  }

  private async send(url: string): Promise<Answer> {
    if (this.requests >= this.max) throw new Stop(`Stopped at the request budget (${this.max}).`);
    const wait = this.last + MIN_INTERVAL_MS - this.now();
    if (wait > 0) await this.sleep(wait);
    this.last = this.now();
    this.requests += 1;
    let response: { status: number; body: string };
    try {
      response = await this.options.transport(url, { Authorization: this.auth, Accept: 'application/json' });
    } catch (error) {
      throw new Stop(this.redact(`Network failure: ${error instanceof Error ? error.message : String(error)}`));
    }
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      json = undefined;
    }
    const message =
      json && typeof json === 'object' && typeof (json as { message?: unknown }).message === 'string'
        ? (json as { message: string }).message
        : response.body.slice(0, 200);
    return { status: response.status, json, message: this.redact(message) };
  }
}

function isPage(answer: Answer): boolean {
  return answer.status === 200 && answer.json && Array.isArray(answer.json.data);
}

/** `HTTP 403: <Lever's message>`, without a final period (callers end the sentence). */
function failure(answer: Answer): string {
  const message = answer.message.trim().replace(/[.\s]+$/, '');
  return `HTTP ${answer.status}${message ? `: ${message}` : ''}`;
}

interface Walk {
  records: Array<Record<string, unknown>>;
  complete: boolean;
  /** The first `next` token, and how page 2 (that token, encoded once) answered: null when it worked. */
  firstNext?: string;
  pageTwoError?: string | null;
  error?: string;
}

async function walk(lever: Lever, path: string, params: Params, pages: number): Promise<Walk> {
  const records: Array<Record<string, unknown>> = [];
  let next: string | undefined;
  let firstNext: string | undefined;
  let pageTwoError: string | null | undefined;
  for (let page = 0; page < pages; page++) {
    // The token goes back exactly as received, percent-encoded once like any other value.
    const answer = await lever.get(path, next === undefined ? params : [...params, ['offset', next]]);
    if (page === 1) pageTwoError = isPage(answer) ? null : failure(answer);
    if (!isPage(answer)) return { records, complete: false, firstNext, pageTwoError, error: failure(answer) };
    records.push(...answer.json.data);
    if (!answer.json.hasNext || typeof answer.json.next !== 'string') {
      return { records, complete: true, firstNext, pageTwoError };
    }
    next = answer.json.next as string;
    firstNext ??= next;
  }
  return { records, complete: false, firstNext, pageTwoError };
}

function createdAtOf(record: Record<string, unknown>): number | null {
  return typeof record.createdAt === 'number' ? record.createdAt : null;
}

/** Newest-first runs in a sequence of createdAt values (ties do not break a run). */
function countRuns(createdAts: readonly number[]): number {
  let runs = createdAts.length > 0 ? 1 : 0;
  for (let i = 1; i < createdAts.length; i++) if (createdAts[i] > createdAts[i - 1]) runs += 1;
  return runs;
}

function classify(query: string, result: Walk, extra = ''): OrderFinding {
  const createdAts = result.records.map(createdAtOf).filter((value): value is number => value !== null);
  const runs = countRuns(createdAts);
  const n = createdAts.length;
  const base = { query, records: n, runs, complete: result.complete };
  const seen = `${n} records${result.complete ? ' (the whole list)' : ' (the list goes on)'}`;
  if (result.error && n < MIN_RECORDS_FOR_ORDER) {
    return { ...base, reading: 'cannot-tell', detail: `Lever answered ${result.error}.` };
  }
  if (n < MIN_RECORDS_FOR_ORDER) {
    return {
      ...base,
      reading: 'cannot-tell',
      detail: `Too few records to tell (${n}; at least ${MIN_RECORDS_FOR_ORDER}).`,
    };
  }
  if (runs === 1) return { ...base, reading: 'newest-first', detail: `${seen}, newest createdAt first.${extra}` };
  if (runs <= Math.max(2, n / 10)) {
    return { ...base, reading: 'newest-runs', detail: `${seen} in ${runs} newest-first runs, one after another.` };
  }
  return { ...base, reading: 'unordered', detail: `${seen}, falling into ${runs} newest-first runs.` };
}

/**
 * A list read in part looks newest-first even when a later run follows. Under one global newest-first order,
 * every record created after the oldest one seen has been seen: a created_at window over that span finds
 * any that has not.
 */
async function confirmNoLaterRun(lever: Lever, path: string, first: Walk): Promise<OrderFinding> {
  const finding = classify(path, first);
  if (finding.reading !== 'newest-first' || first.complete) return finding;
  const createdAts = first.records.map(createdAtOf).filter((value): value is number => value !== null);
  const lo = Math.min(...createdAts);
  const hi = Math.max(...createdAts);
  const seen = new Set(first.records.map((record) => record.id));
  const window: Params = [
    ['limit', String(PAGE)],
    ['created_at_start', String(lo + 1)],
    ['created_at_end', String(hi)],
  ];
  const expected = first.records.filter((record) => (createdAtOf(record) ?? lo) > lo).length;
  const check = await walk(lever, path, window, Math.ceil(expected / PAGE) + 1);
  const later = check.records.filter((record) => {
    const createdAt = createdAtOf(record);
    return createdAt !== null && createdAt > lo && createdAt <= hi && !seen.has(record.id);
  });
  if (later.length > 0) {
    return {
      ...finding,
      reading: 'newest-runs',
      runs: 2,
      detail:
        `${finding.records} records newest-first, but a created_at window over their span holds ${later.length} ` +
        'more that the list had not reached: another newest-first run follows.',
    };
  }
  const note = check.error ? ` (the created_at check failed: ${check.error})` : '';
  return {
    ...finding,
    detail: `${finding.detail} A created_at window over their span holds no record the list had not returned${note}.`,
  };
}

async function checkOrder(lever: Lever): Promise<{ findings: OrderFinding[]; opportunities: Walk }> {
  const limit: Params = [['limit', String(PAGE)]];
  const opportunities = await walk(lever, '/opportunities', limit, ORDER_PAGES);
  const findings = [await confirmNoLaterRun(lever, '/opportunities', opportunities)];
  const requisitions = await walk(lever, '/requisitions', limit, ORDER_PAGES);
  findings.push(await confirmNoLaterRun(lever, '/requisitions', requisitions));
  // Airbyte's recorded opportunities came in two runs from an updated_at window: the median update seen.
  const updated = opportunities.records
    .map((record) => record.updatedAt)
    .filter((value): value is number => typeof value === 'number')
    .sort((a, b) => a - b);
  if (updated.length > 0) {
    const start = updated[Math.floor(updated.length / 2)];
    const query = `/opportunities?updated_at_start=${start}`;
    const result = await walk(lever, '/opportunities', [...limit, ['updated_at_start', String(start)]], ORDER_PAGES);
    findings.push(classify(query, result));
  }
  return { findings, opportunities };
}

function orderAddOn(findings: readonly OrderFinding[]): string {
  const readings = new Set(findings.map((finding) => finding.reading));
  if (readings.size === 1 && readings.has('newest-first')) {
    return 'The add-on checks the order as it pages and uses it to stop windows early while it holds: imports take the fast path. It never depends on the order for which records it imports.';
  }
  return 'The add-on never depends on the order for which records it imports: it checks the order of every query as it pages and stops trusting it after the first inversion, so imports stay exact but can be slower.';
}

async function checkStatus(lever: Lever): Promise<LeverCheckReport['status']> {
  const addOn =
    'The add-on never sends two status values in one query (one query per status, or a local filter), so requisition imports are exact under every reading.';
  const nonEmpty: string[] = [];
  for (const status of STATUSES) {
    const answer = await lever.get('/requisitions', [
      ['limit', '20'],
      ['status', status],
    ]);
    if (!isPage(answer)) return { reading: 'cannot-tell', detail: `status=${status}: ${failure(answer)}.`, addOn };
    const records = answer.json.data as Array<{ status?: unknown }>;
    if (records.some((record) => record.status !== status)) {
      return {
        reading: 'ignored',
        detail: `status=${status} alone returned requisitions of other statuses: Lever ignores the filter.`,
        addOn,
      };
    }
    if (records.length > 0) nonEmpty.push(status);
  }
  if (nonEmpty.length < 2) {
    return {
      reading: 'cannot-tell',
      detail: `Only ${nonEmpty.length} status has requisitions (${nonEmpty.join(', ') || 'none'}): a pair needs two.`,
      addOn,
    };
  }
  const [a, b] = nonEmpty;
  const pair = await walk(
    lever,
    '/requisitions',
    [
      ['limit', String(PAGE)],
      ['status', a],
      ['status', b],
    ],
    ORDER_PAGES,
  );
  const query = `status=${a}&status=${b}`;
  if (pair.error && pair.records.length === 0) {
    return { reading: 'refused', detail: `${query}: Lever answered ${pair.error}.`, addOn };
  }
  const seen = new Set(pair.records.map((record) => record.status));
  const counts = `${pair.records.length} requisitions${pair.complete ? '' : ' (first pages)'}`;
  if (seen.has(a) && seen.has(b)) return { reading: 'union', detail: `${query}: ${counts} of both statuses.`, addOn };
  if (seen.has(a)) return { reading: 'first', detail: `${query}: ${counts}, all ${a} (the first value).`, addOn };
  if (seen.has(b)) return { reading: 'last', detail: `${query}: ${counts}, all ${b} (the last value).`, addOn };
  return { reading: 'cannot-tell', detail: `${query}: no requisitions, though each alone has some.`, addOn };
}

async function checkConfidential(lever: Lever): Promise<LeverCheckReport['confidential']> {
  const answers: Array<[string, Answer]> = [];
  for (const path of ['/requisitions', '/opportunities']) {
    answers.push([
      path,
      await lever.get(path, [
        ['limit', '1'],
        ['confidentiality', 'confidential'],
      ]),
    ]);
  }
  const denied = answers.find(([, answer]) => answer.status === 403);
  if (denied) {
    return {
      reading: 'forbidden',
      detail: `${denied[0]}?confidentiality=confidential: ${failure(denied[1])}.`,
      addOn: 'The add-on tells the user this key cannot read confidential records and stops imports that ask for them.',
    };
  }
  const returned = answers.find(([, answer]) => isPage(answer) && answer.json.data.length > 0);
  if (returned) {
    return {
      reading: 'can-read',
      detail: `${returned[0]}?confidentiality=confidential returned a confidential record: this key can read confidential records.`,
      addOn: 'The add-on tells the user the key can read confidential records (one came back).',
    };
  }
  const odd = answers.find(([, answer]) => !isPage(answer));
  return {
    reading: 'cannot-tell',
    detail:
      (odd ? `${odd[0]}: ${failure(odd[1])}. ` : 'Both lists answered 200 with no records: ') +
      'Lever either leaves confidential records out silently or the account has none. To tell, run this with a key ' +
      'known to lack confidential access (a 403 means "forbidden"; an empty 200 means "silent"), or on an account ' +
      'known to have confidential records.',
    addOn:
      'The add-on says "cannot tell yet" for this key, imports what the key can read, and only says it can read confidential records once one comes back.',
  };
}

async function checkInvalidToken(lever: Lever): Promise<LeverCheckReport['invalidToken']> {
  const answer = await lever.get('/opportunities', [
    ['limit', '1'],
    ['offset', INVALID_TOKEN],
  ]);
  const mentions = INVALID_TOKEN_TEXT.test(answer.message);
  const detail = `Lever answered ${failure(answer)}.`;
  const addOn = mentions
    ? 'The add-on recognises "Invalid offset token" by its message whatever the status, never retries the same token, and restarts that query.'
    : 'The add-on recognises this error by the words "Invalid offset token", which this answer does not contain: please report it (issue 11), the add-on would treat it as an ordinary failure.';
  return { status: answer.status, mentionsInvalidOffsetToken: mentions, detail, addOn };
}

async function checkTokenEncoding(lever: Lever, opportunities: Walk): Promise<LeverCheckReport['tokenEncoding']> {
  const addOnOk = 'The add-on passes the token back exactly as received, percent-encoded once: this matches.';
  const token = opportunities.firstNext;
  if (token === undefined) {
    return {
      pageTwo: 'not-tried',
      decodedVariant: 'not-tried',
      detail: '/opportunities has a single page: no token to follow.',
      addOn: 'The add-on passes the token back exactly as received, percent-encoded once.',
    };
  }
  if (opportunities.pageTwoError !== null) {
    return {
      pageTwo: 'refused',
      decodedVariant: 'not-tried',
      detail: `Page 2 with the token as received, encoded once: ${opportunities.pageTwoError ?? 'not reached'}.`,
      addOn:
        'The add-on passes the token back exactly as received, encoded once, which Lever refused here: please report it (issue 11).',
    };
  }
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // not percent-encoded: the variant is the same token
  }
  if (encodeURIComponent(decoded) === encodeURIComponent(token)) {
    return {
      pageTwo: 'works',
      decodedVariant: 'same-as-received',
      detail: 'Page 2 works with the token as received, encoded once; the token has no percent-escapes to vary.',
      addOn: addOnOk,
    };
  }
  const variant = await lever.get('/opportunities', [
    ['limit', String(PAGE)],
    ['offset', decoded],
  ]);
  const accepted = isPage(variant);
  return {
    pageTwo: 'works',
    decodedVariant: accepted ? 'accepted' : 'refused',
    detail:
      'Page 2 works with the token as received, encoded once. The token decoded first, then encoded once (so ' +
      "the URL carries Lever's text verbatim), was " +
      (accepted ? 'accepted too.' : `refused (${failure(variant)}).`),
    addOn: addOnOk,
  };
}

const NOT_CHECKED = 'Not checked: the checks stopped early.';

/** How far back the updated_at probe looks: long enough for some changes, short enough to be a few pages. */
export const UPDATED_PROBE_WINDOW_MS = 7 * 86_400_000;
const UPDATED_PROBE_PAGES = 3;

function numberOr(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

/** Recently archived records whose `updatedAt` is at or after their `archivedAt`, and those before it. */
async function archiveBumps(lever: Lever, start: number): Promise<{ finding: ArchiveBumpFinding; text: string }> {
  const params: Params = [
    ['limit', String(PAGE)],
    ['archived', 'true'],
    ['archived_at_start', String(start)],
  ];
  const result = await walk(lever, '/opportunities', params, 1);
  if (result.error) return { finding: 'cannot-tell', text: `The archived list answered ${result.error}.` };
  let bumped = 0;
  let behind = 0;
  for (const record of result.records) {
    const archivedAt = numberOr((record.archived as { archivedAt?: unknown } | null)?.archivedAt);
    const updatedAt = numberOr(record.updatedAt);
    if (archivedAt === null) continue;
    if (updatedAt !== null && updatedAt >= archivedAt) bumped++;
    else behind++;
  }
  const text = `Of ${bumped + behind} records archived since then, ${behind} have an updatedAt before their archivedAt.`;
  if (bumped + behind === 0) return { finding: 'cannot-tell', text: 'No record was archived since then.' };
  return { finding: behind > 0 ? 'does-not-bump' : 'bumps', text };
}

/**
 * Read-only: lists opportunities with `updated_at_start` = now less a week and counts those whose `updatedAt` field
 * is older (possible only if the filter sees changes the field does not), then checks archives against `updatedAt`.
 */
async function checkUpdatedFilter(lever: Lever, now: number): Promise<LeverCheckReport['updatedFilter']> {
  const start = now - UPDATED_PROBE_WINDOW_MS;
  const params: Params = [
    ['limit', String(PAGE)],
    ['updated_at_start', String(start)],
  ];
  const result = await walk(lever, '/opportunities', params, UPDATED_PROBE_PAGES);
  // A record without a numeric updatedAt says nothing about the filter: counting it as older would claim any-change.
  const dated = result.records.flatMap((record) => numberOr(record.updatedAt) ?? []);
  const older = dated.filter((updatedAt) => updatedAt < start);
  const archive = await archiveBumps(lever, start);
  const reading: UpdatedFilterFinding =
    older.length > 0 ? 'any-change' : dated.length > 0 ? 'field-or-no-such-change' : 'cannot-tell';
  const seen = `/opportunities?updated_at_start=${start} returned ${result.records.length} records${result.complete ? '' : ' (first pages)'}, ${older.length} with an older updatedAt.`;
  return {
    reading,
    archive: archive.finding,
    returned: result.records.length,
    older: older.length,
    detail: `${result.error ? `It answered ${result.error}. ` : ''}${seen} ${archive.text}`,
    // After a failed list, "cannot tell" means the probe did not finish, not that nothing changed.
    addOn: result.error && reading === 'cannot-tell' ? UPDATED_ADD_ON_UNREAD : UPDATED_ADD_ON[reading],
  };
}

const UPDATED_ADD_ON_UNREAD =
  'The list could not be read, so this is unknown. Each full run compares its result with the last refresh; any drift switches that import to full runs.';

const UPDATED_ADD_ON: Record<UpdatedFilterFinding, string> = {
  'any-change':
    'The filter sees changes the updatedAt field does not show: changes-only refreshes see them too. Each full run still checks for drift.',
  'field-or-no-such-change':
    "Every record returned has a recent updatedAt: the filter may compare the field, so a change outside Lever's updatedAt list could be missed. Each full run compares its result with the last refresh; any drift switches that import to full runs (Diagnostics shows the count).",
  'cannot-tell':
    'No record changed in the last week. Each full run compares its result with the last refresh; any drift switches that import to full runs.',
};

function emptyReport(baseUrl: string): LeverCheckReport {
  return {
    baseUrl,
    listOrder: { findings: [], addOn: NOT_CHECKED },
    status: { reading: 'cannot-tell', detail: NOT_CHECKED, addOn: '' },
    confidential: { reading: 'cannot-tell', detail: NOT_CHECKED, addOn: '' },
    invalidToken: { status: null, mentionsInvalidOffsetToken: false, detail: NOT_CHECKED, addOn: '' },
    updatedFilter: {
      reading: 'cannot-tell',
      archive: 'cannot-tell',
      returned: 0,
      older: 0,
      detail: NOT_CHECKED,
      addOn: '',
    },
    tokenEncoding: { pageTwo: 'not-tried', decodedVariant: 'not-tried', detail: NOT_CHECKED, addOn: '' },
    offerUpdates: { reading: 'cannot-tell', detail: NOT_CHECKED, addOn: '' },
    requests: 0,
  };
}

/** Runs every check in turn (read-only GETs, at most `maxRequests`). Never throws for Lever's answers. */
export async function checkLever(options: LeverCheckOptions): Promise<LeverCheckReport> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const lever = new Lever({ ...options, baseUrl });
  const report = emptyReport(baseUrl);
  try {
    const order = await checkOrder(lever);
    report.listOrder = { findings: order.findings, addOn: orderAddOn(order.findings) };
    report.tokenEncoding = await checkTokenEncoding(lever, order.opportunities);
    report.status = await checkStatus(lever);
    report.confidential = await checkConfidential(lever);
    report.invalidToken = await checkInvalidToken(lever);
    report.updatedFilter = await checkUpdatedFilter(lever, (options.now ?? Date.now)());
    report.offerUpdates = await checkOfferUpdates((path, params) => lever.get(path, params), options.now ?? Date.now);
  } catch (error) {
    if (!(error instanceof Stop)) throw new Error(lever.redact(error instanceof Error ? error.message : String(error)));
    report.aborted = error.message;
  }
  report.requests = lever.requests;
  return report;
}

const ORDER_TEXT: Record<OrderReading, string> = {
  'newest-first': 'newest-first',
  'newest-runs': 'newest-first in several runs',
  unordered: 'no order',
  'cannot-tell': 'cannot tell',
};

const STATUS_TEXT: Record<StatusReading, string> = {
  union: 'union',
  first: 'first value only',
  last: 'last value only',
  ignored: 'filter ignored',
  refused: 'refused',
  'cannot-tell': 'cannot tell',
};

const CONFIDENTIAL_TEXT: Record<ConfidentialReading, string> = {
  forbidden: 'forbidden',
  'can-read': 'this key can read confidential records',
  'cannot-tell': 'silent or none exist: cannot tell',
};

const UPDATED_TEXT: Record<UpdatedFilterFinding, string> = {
  'any-change': 'matches any change (not the updatedAt field)',
  'field-or-no-such-change': 'consistent with comparing the updatedAt field',
  'cannot-tell': 'cannot tell',
};

const ARCHIVE_TEXT: Record<ArchiveBumpFinding, string> = {
  bumps: 'moves updatedAt',
  'does-not-bump': 'does NOT move updatedAt (please report it)',
  'cannot-tell': 'cannot tell',
};

const OFFER_TEXT: Record<OfferUpdatesFinding['reading'], string> = {
  separate: 'separate (an offer changed without its opportunity)',
  'cannot-tell': 'cannot tell',
};

/** The plain-text report: one heading per unknowns.md item, the reading, then what the add-on does. */
export function formatReport(report: LeverCheckReport): string {
  const lines = [`Lever check against ${report.baseUrl}`, ''];
  if (report.aborted) lines.push(`STOPPED EARLY: ${report.aborted}`, '');
  lines.push('1. List order');
  for (const finding of report.listOrder.findings) {
    lines.push(`   ${finding.query}: ${ORDER_TEXT[finding.reading]}. ${finding.detail}`);
  }
  lines.push(`   Add-on: ${report.listOrder.addOn}`, '');
  lines.push(`2. Repeated status on /requisitions: ${STATUS_TEXT[report.status.reading]}. ${report.status.detail}`);
  if (report.status.addOn) lines.push(`   Add-on: ${report.status.addOn}`);
  lines.push('');
  lines.push(
    `3. Confidential records: ${CONFIDENTIAL_TEXT[report.confidential.reading]}. ${report.confidential.detail}`,
  );
  if (report.confidential.addOn) lines.push(`   Add-on: ${report.confidential.addOn}`);
  lines.push('');
  const token = report.invalidToken;
  const status = token.status === null ? 'not checked' : `HTTP ${token.status}`;
  const mention =
    token.status === null
      ? ''
      : token.mentionsInvalidOffsetToken
        ? ', says "Invalid offset token"'
        : ', does NOT say "Invalid offset token"';
  lines.push(`4. Invalid offset token: ${status}${mention}. ${token.detail}`);
  if (token.addOn) lines.push(`   Add-on: ${token.addOn}`);
  lines.push('');
  lines.push(`5. Token encoding: page 2 ${report.tokenEncoding.pageTwo}. ${report.tokenEncoding.detail}`);
  if (report.tokenEncoding.addOn) lines.push(`   Add-on: ${report.tokenEncoding.addOn}`);
  const updated = report.updatedFilter;
  lines.push(
    '',
    `6. updated_at_start: ${UPDATED_TEXT[updated.reading]}; archiving ${ARCHIVE_TEXT[updated.archive]}. ${updated.detail}`,
  );
  if (updated.addOn) lines.push(`   Add-on: ${updated.addOn}`);
  lines.push(
    '',
    `7. Offer changes and updatedAt: ${OFFER_TEXT[report.offerUpdates.reading]}. ${report.offerUpdates.detail}`,
  );
  if (report.offerUpdates.addOn) lines.push(`   Add-on: ${report.offerUpdates.addOn}`);
  lines.push('', `Requests used: ${report.requests}`);
  return `${lines.join('\n')}\n`;
}
