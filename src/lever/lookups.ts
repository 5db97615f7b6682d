// ID → name tables (stages, users, archive reasons, postings, requisition fields), each endpoint paged once.
import { AppError } from '../errors';
import type { LeverClient, PageRequest } from './client';
import { endpointLabel } from './error-mapping';
import { fetchOffers } from './offers';
import { type PagedQuery, pageAll } from './paginate';
import type { QueryParams } from './query';
import { fetchRequisitionHires } from './requisition-hires';
import type { LookupName, LookupResult, LookupTables, PagedLookupName, PostingDetails } from './source';

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
    notes: [],
  };
}

/** The first-page request for one table (later pages add Lever's offset token). */
export function lookupRequest(name: PagedLookupName, confidentialAccess: boolean, pageSize = 100): PageRequest {
  const spec = LOOKUPS[name];
  return { path: spec.path, params: { ...spec.params(confidentialAccess), limit: pageSize } };
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

function queryFor(
  name: PagedLookupName,
  tables: LookupResult,
  confidentialAccess: boolean,
  pageSize: number,
): PagedQuery {
  return {
    request: lookupRequest(name, confidentialAccess, pageSize),
    onRecords: (records) => addLookupEntries(name, tables[name], records),
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
  'This key cannot read offers (Lever\'s "Offers" read permission), so offer columns and "Next start date" stay empty.';

function addRequisitionHires(client: LeverClient, tables: LookupResult, options: LookupOptions): void {
  const { table, offersForbidden } = fetchRequisitionHires(client, {
    confidentialAccess: options.confidentialAccess,
    deadline: options.deadline,
    readOffers: true,
    now: options.now ?? Date.now(),
  });
  tables.requisitionHires = table;
  if (offersForbidden) {
    tables.notes?.push(OFFERS_FORBIDDEN_NOTE);
  }
}

/**
 * Fetches the tables asked for, in parallel. A table the key may not read (403) stays empty with a note, so the
 * import still runs and shows IDs; any other failure ends it.
 */
export function fetchLookups(client: LeverClient, needed: readonly LookupName[], options: LookupOptions): LookupResult {
  const tables = emptyLookups();
  if (needed.includes('requisitionHires')) addRequisitionHires(client, tables, options);
  if (needed.includes('offers')) addOffers(client, tables, options);
  const paged = needed.filter((name): name is PagedLookupName => name !== 'requisitionHires' && name !== 'offers');
  const names = [...new Set(paged)].filter((name) => {
    const ready = options.ready?.[name];
    if (ready) Object.assign(tables[name], ready);
    return !ready;
  });
  const queries = names.map((name) => queryFor(name, tables, options.confidentialAccess, options.pageSize ?? 100));
  const results = pageAll(client, queries, options.deadline);
  const complete: Partial<Record<LookupName, LookupTables[LookupName]>> = {};
  results.forEach((result, index) => {
    const name = names[index];
    if (result.kind === 'done') {
      complete[name] = tables[name];
      return;
    }
    if (result.kind === 'deferred') {
      throw new AppError('TIME_BUDGET', { reason: 'lookups' });
    }
    if (result.status !== 403) throw result.error;
    tables[name] = {};
    tables.notes?.push(
      `This key cannot read ${endpointLabel(LOOKUPS[name].path)}, so ${LOOKUPS[name].shows} columns show Lever IDs.`,
    );
  });
  options.fetched?.(complete as Partial<LookupTables>);
  return tables;
}
