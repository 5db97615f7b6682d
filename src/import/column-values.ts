// Column specs and the small readers that take one field of a raw Lever record into a staged value (pure).
import type { LeverRecord, LookupName, LookupTables } from '../lever/source';
import type { ColumnInfo } from '../shared/types';

/** A value as staged between executions: IDs not yet named, dates as epoch ms, '' for empty. */
export type RawCell = string | number | boolean;

export interface ExtractContext {
  /** 'production' | 'sandbox' | 'eu': decides the host of links back to Lever. */
  environment: string;
}

export interface ColumnSpec extends ColumnInfo {
  extract(record: LeverRecord, context: ExtractContext): RawCell;
  /** The lookup table that turns this column's staged IDs (comma-separated) into names. */
  names?: Exclude<LookupName, 'requisitionFields' | 'requisitionHires' | 'offers' | 'postingDetails' | 'activeOffers'>;
  /** Other lookup tables `render` reads (e.g. archive reason types for "Hired"). */
  needs?: readonly LookupName[];
  /** Overrides the type-based rendering (requisition custom fields depend on the field's declared type). */
  render?(raw: RawCell, lookups: LookupTables): unknown;
  /** Overrides the static label (requisition custom fields are labelled with the field's text). */
  headerLabel?(lookups: LookupTables): string;
}

/** Separator of staged ID lists: Lever IDs are UUIDs or slugs and never contain it. */
export const ID_SEPARATOR = ',';

export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return '';
}

/** Epoch ms, or '' for a missing or non-numeric timestamp. */
export function epochMs(value: unknown): number | '' {
  return typeof value === 'number' && Number.isFinite(value) ? value : '';
}

/** A number as a number; numeric text ("3") as a number; other text (Lever's "unlimited") kept as text. */
export function numberOrText(value: unknown): number | string {
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value !== 'string' || value.trim() === '') return '';
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : value;
}

export function flag(value: unknown): boolean | '' {
  return typeof value === 'boolean' ? value : '';
}

/** A list of strings (or of objects with `value`, like phones) joined for reading. */
export function joined(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value
    .map((item) => (item !== null && typeof item === 'object' ? text((item as { value?: unknown }).value) : text(item)))
    .filter((item) => item !== '')
    .join(', ');
}

/** An ID field that may come expanded (`{id, …}`) or as a bare ID. */
export function idOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return text((value as { id?: unknown }).id);
  return '';
}

export function idList(value: unknown): string {
  if (!Array.isArray(value)) return idOf(value);
  return value
    .map(idOf)
    .filter((id) => id !== '')
    .join(ID_SEPARATOR);
}

/** A nested field of a record (or of any value), undefined when any step is missing. */
export function field(root: unknown, ...path: string[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Shorthand for catalogue entries. */
export function column(
  key: string,
  label: string,
  type: ColumnInfo['type'],
  inDefault: boolean,
  extract: ColumnSpec['extract'],
  names?: ColumnSpec['names'],
): ColumnSpec {
  return names ? { key, label, type, inDefault, extract, names } : { key, label, type, inDefault, extract };
}

/** Lever's web app host for an environment, for links back to records. */
export function leverAppHost(environment: string): string {
  if (environment === 'sandbox') return 'https://hire.sandbox.lever.co';
  if (environment === 'eu') return 'https://hire.eu.lever.co';
  return 'https://hire.lever.co';
}
