// Validates what the sidebar sends for an import and turns it into a complete definition with defaults (pure).
import { AppError, type BadInputDetails } from '../errors';
import { LEVER_ENVIRONMENTS } from '../lever/endpoints';
import type {
  FullRefreshCadence,
  ImportDefinition,
  ImportDefinitionInput,
  ImportFilters,
  ImportObject,
  RequisitionStatus,
  TriState,
  WriteMode,
} from '../shared/types';
import { columnSpec, defaultColumnKeys, orderedColumnKeys } from './columns';
import { parseIsoDay } from './local-days';

export const STAGING_SHEET_PREFIX = '_lever_staging_';
/** The hidden base of changes-only refreshes (incremental-base-sheet.ts); reserved like staging. */
export const BASE_SHEET_PREFIX = '_lever_base_';
/** The hidden offers a refresh keeps (offers-kept-sheet.ts); reserved like staging. */
export const OFFERS_SHEET_PREFIX = '_lever_offers_';
const MAX_NAME = 100;
const MAX_LIST = 100;
const OBJECTS: readonly ImportObject[] = ['opportunities', 'requisitions'];
const TRI_STATES: readonly TriState[] = ['exclude', 'include', 'only'];
const WRITE_MODES: readonly WriteMode[] = ['replace', 'updateById', 'appendSnapshot'];
const STATUSES: readonly RequisitionStatus[] = ['open', 'onHold', 'closed', 'draft'];
const CADENCES: readonly FullRefreshCadence[] = ['daily', 'weekly'];

function bad(details: BadInputDetails): never {
  throw new AppError('BAD_INPUT', details);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T | undefined, what: string): T {
  if ((value === undefined || value === null || value === '') && fallback !== undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return bad({ reason: 'notOneOf', field: what, allowed: [...allowed] });
}

function shortText(value: unknown, what: string): string {
  const textValue = typeof value === 'string' ? value.trim() : '';
  if (textValue === '') bad({ reason: 'empty', field: what });
  if (textValue.length > MAX_NAME) bad({ reason: 'tooLong', field: what, max: MAX_NAME });
  return textValue;
}

function dateFilter(value: unknown, what: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !parseIsoDay(value)) bad({ reason: 'notDate', field: what });
  return value;
}

function stringList(value: unknown, what: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) {
    bad({ reason: 'notList', field: what });
  }
  if (value.length > MAX_LIST) bad({ reason: 'listTooLong', field: what, max: MAX_LIST });
  const cleaned = [...new Set((value as string[]).map((item) => item.trim()))];
  return cleaned.length > 0 ? cleaned : undefined;
}

function onlyFor(object: ImportObject, wanted: ImportObject, present: boolean, what: string): void {
  if (present && object !== wanted) bad({ reason: 'filterObject', filter: what, object: wanted });
}

function checkDateOrder(filters: ImportFilters): void {
  if (filters.createdAfter && filters.createdBefore && filters.createdAfter > filters.createdBefore) {
    bad({ reason: 'dateOrder', after: filters.createdAfter, before: filters.createdBefore });
  }
  if (filters.hiredAfter && filters.hiredBefore && filters.hiredAfter > filters.hiredBefore) {
    bad({ reason: 'hiredDateOrder', after: filters.hiredAfter, before: filters.hiredBefore });
  }
}

/** Filters with defaults (archived, snoozed and confidential excluded), checked against the object. */
export function normaliseFilters(object: ImportObject, raw: unknown): ImportFilters {
  const input = (raw !== null && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof ImportFilters, unknown>>;
  const filters: ImportFilters = {
    archived: oneOf(input.archived, TRI_STATES, 'exclude', 'Archived'),
    snoozed: oneOf(input.snoozed, TRI_STATES, 'exclude', 'Snoozed'),
    confidential: oneOf(input.confidential, TRI_STATES, 'exclude', 'Confidential'),
  };
  const optional: Partial<ImportFilters> = {
    createdAfter: dateFilter(input.createdAfter, '"Created after"'),
    createdBefore: dateFilter(input.createdBefore, '"Created before"'),
    requisitionStatus: stringList(input.requisitionStatus, 'Requisition status')?.map((status) =>
      oneOf(status, STATUSES, undefined, 'Requisition status'),
    ),
    stageIds: stringList(input.stageIds, 'Stages'),
    postingIds: stringList(input.postingIds, 'Postings'),
    tags: stringList(input.tags, 'Tags'),
    hiresOnly: input.hiresOnly === true ? true : undefined,
    hiredAfter: dateFilter(input.hiredAfter, '"Hired after"'),
    hiredBefore: dateFilter(input.hiredBefore, '"Hired before"'),
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) Object.assign(filters, { [key]: value });
  onlyFor(object, 'opportunities', filters.archived !== 'exclude' || filters.snoozed !== 'exclude', 'archived/snoozed');
  onlyFor(object, 'opportunities', !!(filters.stageIds || filters.postingIds || filters.tags), 'stage/posting/tag');
  onlyFor(object, 'requisitions', !!filters.requisitionStatus, 'requisition status');
  onlyFor(object, 'opportunities', !!(filters.hiresOnly || filters.hiredAfter || filters.hiredBefore), 'hire');
  checkDateOrder(filters);
  return filters;
}

/** The chosen columns (the default set when none), the Lever ID first, every key known for the object. */
export function normaliseColumns(object: ImportObject, raw: unknown): string[] {
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) bad({ reason: 'columnsNotList' });
  const keys = (raw as unknown[] | undefined) ?? [];
  if (keys.some((key) => typeof key !== 'string')) bad({ reason: 'columnsNotList' });
  const chosen = keys.length > 0 ? (keys as string[]) : defaultColumnKeys(object);
  for (const key of chosen) {
    if (!columnSpec(object, key)) bad({ reason: 'unknownColumn', column: key, object });
  }
  return orderedColumnKeys(chosen);
}

function checkSheetName(sheetName: string, importId: string | undefined, others: readonly ImportDefinition[]): void {
  const reserved = [STAGING_SHEET_PREFIX, BASE_SHEET_PREFIX, OFFERS_SHEET_PREFIX];
  if (reserved.some((prefix) => sheetName.startsWith(prefix))) bad({ reason: 'reservedSheet' });
  const clash = others.find((other) => other.id !== importId && other.sheetName === sheetName);
  if (clash) bad({ reason: 'sheetTaken', importName: clash.name, sheetName });
}

export interface NormaliseContext {
  existing: ImportDefinition | null;
  others: readonly ImportDefinition[];
  now: string;
  newId: () => string;
}

/** A complete, valid definition from sidebar input; the schedule and its owner are kept (setSchedule changes them). */
export function normaliseDefinition(input: ImportDefinitionInput, context: NormaliseContext): ImportDefinition {
  if (input === null || typeof input !== 'object') bad({ reason: 'settingsMissing' });
  const { existing } = context;
  const object = oneOf(input.object, OBJECTS, undefined, 'The object');
  const sheetName = shortText(input.sheetName, 'The sheet name');
  checkSheetName(sheetName, existing?.id, context.others);
  const writeMode = oneOf(input.writeMode, WRITE_MODES, 'replace', 'The write mode');
  const definition: ImportDefinition = {
    id: existing?.id ?? context.newId(),
    name: shortText(input.name, 'The import name'),
    object,
    environment: oneOf(input.environment, LEVER_ENVIRONMENTS, 'production', 'The Lever environment'),
    filters: normaliseFilters(object, input.filters),
    columns: normaliseColumns(object, input.columns),
    sheetName,
    writeMode,
    createdAt: existing?.createdAt ?? context.now,
    updatedAt: context.now,
  };
  if (writeMode !== 'appendSnapshot')
    definition.vanished = oneOf<'remove' | 'flag'>(input.vanished, ['remove', 'flag'], 'flag', 'Vanished rows');
  if (typeof input.trackChanges === 'boolean') definition.trackChanges = input.trackChanges;
  if (object === 'opportunities' && input.fullRefresh !== undefined && input.fullRefresh !== null)
    definition.fullRefresh = oneOf(input.fullRefresh, CADENCES, undefined, 'Full refresh');
  if (existing?.sheetId !== undefined && existing.sheetName === sheetName) definition.sheetId = existing.sheetId;
  if (existing?.schedule) definition.schedule = existing.schedule;
  if (existing?.scheduleOwner !== undefined) definition.scheduleOwner = existing.scheduleOwner;
  return definition;
}
