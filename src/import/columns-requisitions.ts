// The requisition columns, including one column per requisition custom field labelled with its name (pure).
import type { LeverRecord, LookupTables } from '../lever/source';
import {
  type ColumnSpec,
  column,
  epochMs,
  field,
  flag,
  idList,
  idOf,
  leverAppHost,
  numberOrText,
  type RawCell,
  text,
} from './column-values';
import { REQUISITION_HIRE_COLUMNS } from './columns-requisition-hires';
import {
  APPROVAL_STATUS_LABELS,
  CONFIDENTIALITY_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  PAY_INTERVAL_LABELS,
  REQUISITION_STATUS_LABELS,
  shownAs,
} from './lever-labels';

export const CUSTOM_FIELD_PREFIX = 'customField.';

function approvalStatus(record: LeverRecord): string {
  return text(field(record, 'approval', 'status'));
}

export const REQUISITION_COLUMNS: readonly ColumnSpec[] = [
  column('id', 'Lever ID', 'text', true, (r) => r.id),
  column('requisitionCode', 'Requisition code', 'text', true, (r) => text(r.requisitionCode)),
  column('name', 'Name', 'text', true, (r) => text(r.name)),
  { ...column('status', 'Status', 'text', true, (r) => text(r.status)), render: shownAs(REQUISITION_STATUS_LABELS) },
  column('headcountTotal', 'Headcount total', 'number', true, (r) => numberOrText(r.headcountTotal)),
  column('headcountHired', 'Headcount hired', 'number', true, (r) => numberOrText(r.headcountHired)),
  column('department', 'Department', 'text', true, (r) => text(r.department)),
  column('team', 'Team', 'text', true, (r) => text(r.team)),
  column('location', 'Location', 'text', true, (r) => text(r.location)),
  {
    ...column('employmentStatus', 'Employment status', 'text', true, (r) => text(r.employmentStatus)),
    render: shownAs(EMPLOYMENT_STATUS_LABELS),
  },
  column('hiringManager', 'Hiring manager', 'text', true, (r) => idOf(r.hiringManager), 'users'),
  column('owner', 'Owner', 'text', true, (r) => idOf(r.owner), 'users'),
  column('creator', 'Created by', 'text', false, (r) => idOf(r.creator), 'users'),
  column('backfill', 'Backfill', 'boolean', true, (r) => flag(r.backfill)),
  {
    ...column('confidentiality', 'Confidentiality', 'text', false, (r) => text(r.confidentiality)),
    render: shownAs(CONFIDENTIALITY_LABELS),
  },
  column('compensationMin', 'Compensation min', 'number', false, (r) =>
    numberOrText(field(r, 'compensationBand', 'min')),
  ),
  column('compensationMax', 'Compensation max', 'number', false, (r) =>
    numberOrText(field(r, 'compensationBand', 'max')),
  ),
  column('compensationCurrency', 'Currency', 'text', false, (r) => text(field(r, 'compensationBand', 'currency'))),
  {
    ...column('compensationInterval', 'Pay interval', 'text', false, (r) =>
      text(field(r, 'compensationBand', 'interval')),
    ),
    render: shownAs(PAY_INTERVAL_LABELS),
  },
  ...REQUISITION_HIRE_COLUMNS,
  column('postings', 'Postings', 'text', false, (r) => idList(r.postings), 'postings'),
  {
    ...column('approvalStatus', 'Approval status', 'text', false, approvalStatus),
    render: shownAs(APPROVAL_STATUS_LABELS),
  },
  column('internalNotes', 'Internal notes', 'text', false, (r) => text(r.internalNotes)),
  column('createdAt', 'Created', 'date', true, (r) => epochMs(r.createdAt)),
  column('updatedAt', 'Updated', 'date', false, (r) => epochMs(r.updatedAt)),
  column('closedAt', 'Closed', 'date', false, (r) => epochMs(r.closedAt)),
  column('timeToFillStartAt', 'Time to fill start', 'date', false, (r) => epochMs(r.timeToFillStartAt)),
  column('timeToFillEndAt', 'Time to fill end', 'date', false, (r) => epochMs(r.timeToFillEndAt)),
  column(
    'link',
    'Link to Lever',
    'link',
    true,
    (r, context) => `${leverAppHost(context.environment)}/requisitions/${r.id}`,
  ),
];

/** A custom field value as staged: text and numbers kept, a nested object (field type `object`) as "key: value". */
export function customFieldValue(value: unknown): RawCell {
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value))
    return value
      .map(customFieldValue)
      .filter((item) => item !== '')
      .join(', ');
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const described = entries.map(([key, item]) => `${key}: ${customFieldValue(item)}`);
    return described.join(', ');
  }
  return '';
}

function renderCustomField(fieldId: string, raw: RawCell, lookups: LookupTables): unknown {
  const type = lookups.requisitionFields[fieldId]?.type;
  if (type === 'date' && typeof raw === 'number') return new Date(raw);
  return raw;
}

/** The column for one requisition custom field (key `customField.<fieldId>`). */
export function customFieldColumn(fieldId: string, label: string, inDefault: boolean, type?: string): ColumnSpec {
  return {
    key: CUSTOM_FIELD_PREFIX + fieldId,
    label,
    type: type === 'date' ? 'date' : type === 'number' ? 'number' : 'text',
    inDefault,
    extract: (record) => customFieldValue(field(record, 'customFields', fieldId)),
    render: (raw, lookups) => renderCustomField(fieldId, raw, lookups),
    headerLabel: (lookups) => lookups.requisitionFields[fieldId]?.text || label,
  };
}
