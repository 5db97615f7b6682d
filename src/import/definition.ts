// Validates what the sidebar sends for an import and turns it into a complete definition with defaults (pure).
import { AppError } from '../errors';
import { LEVER_ENVIRONMENTS } from '../lever/endpoints';
import type {
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
const MAX_NAME = 100;
const MAX_LIST = 100;
const OBJECTS: readonly ImportObject[] = ['opportunities', 'requisitions'];
const TRI_STATES: readonly TriState[] = ['exclude', 'include', 'only'];
const WRITE_MODES: readonly WriteMode[] = ['replace', 'updateById', 'appendSnapshot'];
const STATUSES: readonly RequisitionStatus[] = ['open', 'onHold', 'closed', 'draft'];

function bad(message: string): never {
  throw new AppError('BAD_INPUT', message);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T | undefined, what: string): T {
  if ((value === undefined || value === null || value === '') && fallback !== undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return bad(`${what} must be one of: ${allowed.join(', ')}.`);
}

function shortText(value: unknown, what: string): string {
  const textValue = typeof value === 'string' ? value.trim() : '';
  if (textValue === '') bad(`${what} cannot be empty.`);
  if (textValue.length > MAX_NAME) bad(`${what} can have at most ${MAX_NAME} characters.`);
  return textValue;
}

function dateFilter(value: unknown, what: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !parseIsoDay(value))
    bad(`${what} must be a date written as yyyy-MM-dd, e.g. 2025-01-31.`);
  return value;
}

function stringList(value: unknown, what: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) {
    bad(`${what} must be a list of non-empty values.`);
  }
  if (value.length > MAX_LIST) bad(`${what} can list at most ${MAX_LIST} values.`);
  const cleaned = [...new Set((value as string[]).map((item) => item.trim()))];
  return cleaned.length > 0 ? cleaned : undefined;
}

function onlyFor(object: ImportObject, wanted: ImportObject, present: boolean, what: string): void {
  if (present && object !== wanted) bad(`The ${what} filter applies to ${wanted} only.`);
}

function checkDateOrder(filters: ImportFilters): void {
  if (filters.createdAfter && filters.createdBefore && filters.createdAfter > filters.createdBefore) {
    bad(`"Created after" (${filters.createdAfter}) is later than "Created before" (${filters.createdBefore}).`);
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
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) Object.assign(filters, { [key]: value });
  onlyFor(object, 'opportunities', filters.archived !== 'exclude' || filters.snoozed !== 'exclude', 'archived/snoozed');
  onlyFor(object, 'opportunities', !!(filters.stageIds || filters.postingIds || filters.tags), 'stage/posting/tag');
  onlyFor(object, 'requisitions', !!filters.requisitionStatus, 'requisition status');
  checkDateOrder(filters);
  return filters;
}

/** The chosen columns (the default set when none), the Lever ID first, every key known for the object. */
export function normaliseColumns(object: ImportObject, raw: unknown): string[] {
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) bad('Columns must be a list of column keys.');
  const keys = (raw as unknown[] | undefined) ?? [];
  if (keys.some((key) => typeof key !== 'string')) bad('Columns must be a list of column keys.');
  const chosen = keys.length > 0 ? (keys as string[]) : defaultColumnKeys(object);
  for (const key of chosen) {
    if (!columnSpec(object, key)) bad(`There is no column "${key}" for ${object}.`);
  }
  return orderedColumnKeys(chosen);
}

function checkSheetName(sheetName: string, importId: string | undefined, others: readonly ImportDefinition[]): void {
  if (sheetName.startsWith(STAGING_SHEET_PREFIX)) bad('That sheet name is reserved for the add-on’s working area.');
  const clash = others.find((other) => other.id !== importId && other.sheetName === sheetName);
  if (clash) bad(`The import "${clash.name}" already writes to the sheet "${sheetName}". Choose another sheet.`);
}

export interface NormaliseContext {
  existing: ImportDefinition | null;
  others: readonly ImportDefinition[];
  now: string;
  newId: () => string;
}

/** A complete, valid definition from sidebar input; the schedule and its owner are kept (setSchedule changes them). */
export function normaliseDefinition(input: ImportDefinitionInput, context: NormaliseContext): ImportDefinition {
  if (input === null || typeof input !== 'object') bad('The import settings are missing.');
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
  if (existing?.sheetId !== undefined && existing.sheetName === sheetName) definition.sheetId = existing.sheetId;
  if (existing?.schedule) definition.schedule = existing.schedule;
  if (existing?.scheduleOwner !== undefined) definition.scheduleOwner = existing.scheduleOwner;
  return definition;
}
