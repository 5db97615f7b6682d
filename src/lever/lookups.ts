// ID → name tables (stages, users, archive reasons, postings, requisition fields), each endpoint paged once.
import { AppError } from '../errors';
import { fetchActiveOffers } from './active-offers';
import type { LeverClient, PageRequest } from './client';
import { endpointLabel } from './error-mapping';
import { hiredIn } from './hires-query';
import { fetchOffers } from './offers';
import { type PagedQuery, type PagedResult, pageAll } from './paginate';
import type { QueryParams } from './query';
import { fetchRequisitionHires } from './requisition-hires';
import type {
  LookupName,
  LookupResult,
  LookupTables,
  OfferSummary,
  PagedLookupName,
  PostingDetails,
  RequisitionOfferScope,
} from './source';

type LookupRecord = Record<string, unknown>;
type TableValue = LookupResult[PagedLookupName][string];

interface LookupSpec {
  path: string;
  params(confidentialAccess: boolean): QueryParams;
  /** The table entry for one record, or null to skip it. */
  entry(record: LookupRecord): TableValue | null;
  /** The column that shows IDs when the table is missing. */
  shows: string;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function salaryRange(value: unknown): PostingDetails['salaryRange'] {
  const range = value as Record<string, unknown> | null | undefined;
  if (!range || typeof range.min !== 'number' || typeof range.max !== 'number') return null;
  return { min: range.min, max: range.max, currency: text(range.currency) ?? '', interval: text(range.interval) ?? '' };
}

function postingDetails(record: LookupRecord): PostingDetails {
  const categories = (record.categories ?? {}) as Record<string, unknown>;
  const codes = Array.isArray(record.requisitionCodes) ? record.requisitionCodes : [];
  return {
    team: text(categories.team) ?? '',
    department: text(categories.department) ?? '',
    location: text(categories.location) ?? '',
    commitment: text(categories.commitment) ?? '',
    salaryRange: salaryRange(record.salaryRange),
    requisitionCodes: codes.filter((code): code is string => typeof code === 'string' && code !== ''),
  };
}

const LOOKUPS: Record<PagedLookupName, LookupSpec> = {
  stages: { path: '/stages', params: () => ({}), entry: (r) => text(r.text), shows: 'stage' },
  // Owners who have left Lever still own records: without includeDeactivated they would show as IDs.
  users: {
    path: '/users',
    params: () => ({ includeDeactivated: true }),
    entry: (r) => text(r.name) ?? text(r.email),
    shows: 'owner and user',
  },
  archiveReasons: { path: '/archive_reasons', params: () => ({}), entry: (r) => text(r.text), shows: 'archive reason' },
  // Lever leaves confidential postings out unless asked, and refuses to be asked by a key without access.
  postings: {
    path: '/postings',
    params: (confidential) => (confidential ? { confidentiality: 'all' } : {}),
    entry: (r) => text(r.text),
    shows: 'posting',
  },
  archiveReasonTypes: {
    path: '/archive_reasons',
    params: () => ({}),
    entry: (r) => text(r.type),
    shows: 'hire',
  },
  requisitions: {
    path: '/requisitions',
    params: (confidential) => (confidential ? { confidentiality: 'all' } : {}),
    entry: (r) => text(r.name) ?? text(r.requisitionCode),
    shows: 'requisition name',
  },
  postingDetails: {
    path: '/postings',
    params: (confidential) => (confidential ? { confidentiality: 'all' } : {}),
    entry: postingDetails,
    shows: 'posting category',
  },
  requisitionFields: {
    path: '/requisition_fields',
    params: () => ({}),
    entry: (r) => (text(r.text) ? { text: r.text as string, type: text(r.type) ?? 'text' } : null),
    shows: 'custom field',
  },
};

/** Tables built from several dependent requests about the records in scope, not paged from one list. */
export const PER_RECORD: readonly LookupName[] = ['requisitionHires', 'offers', 'activeOffers'];

export function emptyLookups(): LookupResult {
  return {
    stages: {},
    users: {},
    archiveReasons: {},
    postings: {},
    requisitionFields: {},
    archiveReasonTypes: {},
    requisitions: {},
    requisitionHires: {},
    offers: {},
    postingDetails: {},
    activeOffers: {},
    notes: [],
  };
}

/** The first-page request for one table (later pages add Lever's offset token). */
export function lookupRequest(name: PagedLookupName, confidentialAccess: boolean, pageSize = 100): PageRequest {
  const spec = LOOKUPS[name];
  return { path: spec.path, params: { ...spec.params(confidentialAccess), limit: pageSize } };
}

/** The tables listed from one endpoint (`/postings`: titles and details), in a fixed order. */
export function lookupsOn(path: string): PagedLookupName[] {
  return (Object.keys(LOOKUPS) as PagedLookupName[]).filter((name) => LOOKUPS[name].path === path);
}

/** Adds one page of a table's records to the table. */
export function addLookupEntries(
  name: PagedLookupName,
  table: LookupResult[PagedLookupName],
  records: readonly unknown[],
): void {
  const spec = LOOKUPS[name];
  const entries = table as Record<string, TableValue>;
  for (const record of records as LookupRecord[]) {
    const value = typeof record?.id === 'string' ? spec.entry(record) : null;
    if (value !== null) entries[record.id as string] = value;
  }
}

/**
 * The tables in groups that share one list request (archive reasons' names and types, postings' titles and
 * details): each group is paged once and fills all its tables, so no endpoint is asked twice in a run.
 */
export function lookupGroups(names: readonly PagedLookupName[], confidentialAccess: boolean): PagedLookupName[][] {
  const groups = new Map<string, PagedLookupName[]>();
  for (const name of new Set(names)) {
    const key = requestKey(name, confidentialAccess);
    groups.set(key, [...(groups.get(key) ?? []), name]);
  }
  return [...groups.values()];
}

/** What makes two tables' list requests the same one. */
export function requestKey(name: PagedLookupName, confidentialAccess: boolean): string {
  const request = lookupRequest(name, confidentialAccess);
  return `${request.path}?${JSON.stringify(request.params)}`;
}

function queryFor(
  group: readonly PagedLookupName[],
  tables: LookupResult,
  confidentialAccess: boolean,
  pageSize: number,
): PagedQuery {
  return {
    request: lookupRequest(group[0], confidentialAccess, pageSize),
    onRecords: (records) => {
      for (const name of group) addLookupEntries(name, tables[name], records);
    },
  };
}

export interface LookupOptions {
  confidentialAccess: boolean;
  deadline: number;
  pageSize?: number;
  /** Tables already fetched in full (while the records paged, or cached): used as they are. */
  ready?: Partial<LookupTables>;
  /** The fetch time, for the requisitions' next start dates. */
  now?: number;
  /** The opportunities whose offers the `offers` table holds. */
  offersFor?: readonly string[];
  /** The requisitions whose hires' start dates are shown (LookupScope.hireStartsFor). */
  hireStartsFor?: readonly string[];
  /** The requisitions whose active offers are shown (LookupScope.activeOffersFor). */
  activeOffersFor?: readonly RequisitionOfferScope[];
  /** Receives each table fetched here in full (not those the key may not read). */
  fetched?: (tables: Partial<LookupTables>) => void;
}

/** A key without Lever's offers permission still imports: the offer columns stay empty, with a note. */
function addOffers(client: LeverClient, tables: LookupResult, options: LookupOptions): void {
  const read = fetchOffers(client, options.offersFor ?? [], options.deadline);
  tables.offers = read.offers;
  if (read.forbidden) tables.notes?.push(OFFERS_FORBIDDEN_NOTE);
}

export const OFFERS_FORBIDDEN_NOTE =
  'This key cannot read offers (Lever\'s "Offers" read permission), so offer columns, "Next start date" and ' +
  '"Active offers" stay empty.';

/** Returns the hires' offers it read, so that "Active offers" does not ask for them again. */
function addRequisitionHires(
  client: LeverClient,
  tables: LookupResult,
  options: LookupOptions,
): Record<string, OfferSummary[]> {
  const { table, offersForbidden, startsUnknown, offers } = fetchRequisitionHires(client, {
    confidentialAccess: options.confidentialAccess,
    deadline: options.deadline,
    // The archive reason table is always paged with the hires: empty means none are hired, or the key may not list
    // them (that table's note says so); asking /archive_reasons again would only repeat its answer.
    hiredReasons: hiredIn(tables.archiveReasonTypes),
    startsFor: options.hireStartsFor,
    readOffers: true,
    now: options.now ?? Date.now(),
  });
  tables.requisitionHires = table;
  if (offersForbidden) {
    tables.notes?.push(OFFERS_FORBIDDEN_NOTE);
  }
  if (startsUnknown > 0) tables.notes?.push(startsUnknownNote(startsUnknown));
  return offers;
}

function addActiveOffers(
  client: LeverClient,
  tables: LookupResult,
  options: LookupOptions,
  known: Record<string, OfferSummary[]>,
): void {
  const read = fetchActiveOffers(client, options.activeOffersFor ?? [], { ...options, known });
  tables.activeOffers = read.counts;
  if (read.offersForbidden) {
    if (!tables.notes?.includes(OFFERS_FORBIDDEN_NOTE)) tables.notes?.push(OFFERS_FORBIDDEN_NOTE);
  } else if (read.uncounted > 0) tables.notes?.push(activeOffersNote(read.uncounted));
}

export function startsUnknownNote(requisitions: number): string {
  const which = requisitions === 1 ? '1 requisition' : `${requisitions} requisitions`;
  return `"Next start date" is empty for ${which}: Lever refused the offers of one of their hires.`;
}

export function activeOffersNote(uncounted: number): string {
  const which = uncounted === 1 ? '1 requisition' : `${uncounted} requisitions`;
  return `"Active offers" is empty for ${which}: Lever did not list their offers, or an offer was not found among the candidates of their postings.`;
}

/**
 * Fetches the tables asked for, in parallel. A table the key may not read (403) stays empty with a note, so the
 * import still runs and shows IDs; any other failure ends it.
 */
export function fetchLookups(client: LeverClient, needed: readonly LookupName[], options: LookupOptions): LookupResult {
  const tables = emptyLookups();
  // The requisition hires read Lever's hired reasons from the archive reason types (one shared /archive_reasons).
  const paged = [...needed, ...(needed.includes('requisitionHires') ? ['archiveReasonTypes' as const] : [])];
  fetchPaged(client, tables, paged, options);
  const hiresOffers = needed.includes('requisitionHires') ? addRequisitionHires(client, tables, options) : {};
  if (needed.includes('offers')) addOffers(client, tables, options);
  if (needed.includes('activeOffers')) addActiveOffers(client, tables, options, hiresOffers);
  return tables;
}

function fetchPaged(client: LeverClient, tables: LookupResult, needed: readonly LookupName[], options: LookupOptions) {
  const paged = needed.filter((name): name is PagedLookupName => !PER_RECORD.includes(name));
  const names = [...new Set(paged)].filter((name) => {
    const ready = options.ready?.[name];
    if (ready) Object.assign(tables[name], ready);
    return !ready;
  });
  const groups = lookupGroups(names, options.confidentialAccess);
  const queries = groups.map((group) => queryFor(group, tables, options.confidentialAccess, options.pageSize ?? 100));
  const results = pageAll(client, queries, options.deadline);
  const complete: Partial<Record<LookupName, LookupTables[LookupName]>> = {};
  results.forEach((result, index) => {
    for (const name of groups[index]) settleTable(name, result, tables, complete);
  });
  options.fetched?.(complete as Partial<LookupTables>);
}

/** A table paged to its end is complete; one the key may not read (403) stays empty with a note. */
function settleTable(
  name: PagedLookupName,
  result: PagedResult,
  tables: LookupResult,
  complete: Partial<Record<LookupName, LookupTables[LookupName]>>,
): void {
  if (result.kind === 'done') {
    complete[name] = tables[name];
    return;
  }
  if (result.kind === 'deferred') throw new AppError('TIME_BUDGET', { reason: 'lookups' });
  if (result.status !== 403) throw result.error;
  tables[name] = {};
  tables.notes?.push(
    `This key cannot read ${endpointLabel(LOOKUPS[name].path)}, so ${LOOKUPS[name].shows} columns show Lever IDs.`,
  );
}
