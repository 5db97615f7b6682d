// ID → name tables (stages, users, archive reasons, postings, requisition fields), each endpoint paged once.
import { AppError } from '../errors';
import type { LeverClient, PageRequest } from './client';
import { endpointLabel } from './error-mapping';
import { type PagedQuery, pageAll } from './paginate';
import type { QueryParams } from './query';
import type { LookupName, LookupResult, LookupTables } from './source';

type LookupRecord = Record<string, unknown>;
type TableValue = LookupResult[LookupName][string];

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

const LOOKUPS: Record<LookupName, LookupSpec> = {
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
  requisitionFields: {
    path: '/requisition_fields',
    params: () => ({}),
    entry: (r) => (text(r.text) ? { text: r.text as string, type: text(r.type) ?? 'text' } : null),
    shows: 'custom field',
  },
};

export function emptyLookups(): LookupResult {
  return { stages: {}, users: {}, archiveReasons: {}, postings: {}, requisitionFields: {}, notes: [] };
}

/** The first-page request for one table (later pages add Lever's offset token). */
export function lookupRequest(name: LookupName, confidentialAccess: boolean, pageSize = 100): PageRequest {
  const spec = LOOKUPS[name];
  return { path: spec.path, params: { ...spec.params(confidentialAccess), limit: pageSize } };
}

/** Adds one page of a table's records to the table. */
export function addLookupEntries(name: LookupName, table: LookupResult[LookupName], records: readonly unknown[]): void {
  const spec = LOOKUPS[name];
  const entries = table as Record<string, TableValue>;
  for (const record of records as LookupRecord[]) {
    const value = typeof record?.id === 'string' ? spec.entry(record) : null;
    if (value !== null) entries[record.id as string] = value;
  }
}

function queryFor(name: LookupName, tables: LookupResult, confidentialAccess: boolean, pageSize: number): PagedQuery {
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
  /** Receives each table fetched here in full (not those the key may not read). */
  fetched?: (tables: Partial<LookupTables>) => void;
}

/**
 * Fetches the tables asked for, in parallel. A table the key may not read (403) stays empty with a note, so the
 * import still runs and shows IDs; any other failure ends it.
 */
export function fetchLookups(client: LeverClient, needed: readonly LookupName[], options: LookupOptions): LookupResult {
  const tables = emptyLookups();
  const names = [...new Set(needed)].filter((name) => {
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
