// The fields change tracking watches per object, read from catalogue columns and compared as display text (pure).
import type { ImportObject } from '../shared/types';
import { isDate } from '../sheet/cells';

export interface TrackedField {
  /** Stable key, stored in the snapshot sheet's header. */
  key: string;
  /** Shown in the changes sheet's Field column. */
  label: string;
  /** Catalogue column keys the field is read from (all of them must be staged for the field to be tracked). */
  sources: readonly string[];
  /** The field as display text, from its sources' rendered values (IDs already turned into names). */
  text(values: readonly unknown[]): string;
  /** Compared on Lever's staged codes rather than the cells' labels ("onHold", not "On hold"): logs stay stable. */
  raw?: true;
}

/** The column that names a record in the changes sheet (tracked for requisitions, shown only for opportunities). */
export const NAME_COLUMN = 'name';

/** Sheet-style display text: numbers as written, booleans as yes/no, dates as yyyy-MM-dd (UTC). */
export function displayText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (isDate(value)) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return '';
}

function single(key: string, label: string, raw?: true): TrackedField {
  const field: TrackedField = { key, label, sources: [key], text: (values) => displayText(values[0]) };
  return raw ? { ...field, raw } : field;
}

/** "USD 90000–120000 per-year-salary"; parts Lever left empty are skipped. */
export function compensationText(values: readonly unknown[]): string {
  const [min, max, currency, interval] = values.map(displayText);
  const range = min && max ? `${min}–${max}` : min || max;
  return [currency, range, interval].filter((part) => part !== '').join(' ');
}

const REQUISITION_FIELDS: readonly TrackedField[] = [
  single('name', 'Name'),
  single('status', 'Status', true),
  single('headcountTotal', 'Headcount total'),
  single('headcountHired', 'Headcount hired'),
  single('hiringManager', 'Hiring manager'),
  single('owner', 'Owner'),
  single('location', 'Location'),
  single('team', 'Team'),
  single('department', 'Department'),
  single('employmentStatus', 'Employment status', true),
  {
    key: 'compensation',
    label: 'Compensation band',
    sources: ['compensationMin', 'compensationMax', 'compensationCurrency', 'compensationInterval'],
    text: compensationText,
    // The interval's code ("per-year-salary"), not its label: change logs stay as they were.
    raw: true,
  },
];

const OPPORTUNITY_FIELDS: readonly TrackedField[] = [
  single('stage', 'Stage'),
  single('archived', 'Archived'),
  single('archiveReason', 'Archive reason'),
];

export function trackedFields(object: ImportObject): readonly TrackedField[] {
  return object === 'opportunities' ? OPPORTUNITY_FIELDS : REQUISITION_FIELDS;
}

/** Field key → label, for the changes sheet. */
export function fieldLabels(object: ImportObject): Record<string, string> {
  return Object.fromEntries(trackedFields(object).map((field) => [field.key, field.label]));
}

/** Every catalogue column change tracking reads, the record's name first. */
export function trackedSourceColumns(object: ImportObject): string[] {
  return [...new Set([NAME_COLUMN, ...trackedFields(object).flatMap((field) => field.sources)])];
}
