// Opportunity columns about hires: whether a record is a hire, when, and the requisition seat it fills (pure).
import type { LeverRecord, LookupTables } from '../lever/source';
import { type ColumnSpec, epochMs, field, idOf, type RawCell, text } from './column-values';

/** Staged "Hired on" value: `<archivedAt> <reasonId>`, so the date shows only once the reason's type is known. */
const STAGED_SEPARATOR = ' ';

/** Keys of the columns read from expanded applications (`requisitionForHire`). */
export const APPLICATION_COLUMN_KEYS: readonly string[] = ['hiredForRequisition', 'hiredForRequisitionName'];

function archiveReasonId(record: LeverRecord): string {
  return idOf(field(record, 'archived', 'reason'));
}

function isHiredReason(reasonId: RawCell, lookups: LookupTables): boolean {
  return typeof reasonId === 'string' && reasonId !== '' && lookups.archiveReasonTypes[reasonId] === 'hired';
}

/** Yes/no once Lever's reason types are known; empty when the key could not read them. */
function renderHired(raw: RawCell, lookups: LookupTables): unknown {
  if (Object.keys(lookups.archiveReasonTypes).length === 0) return '';
  return isHiredReason(raw, lookups);
}

function stageHiredOn(record: LeverRecord): RawCell {
  const archivedAt = epochMs(field(record, 'archived', 'archivedAt'));
  const reason = archiveReasonId(record);
  return archivedAt === '' || reason === '' ? '' : `${archivedAt}${STAGED_SEPARATOR}${reason}`;
}

function renderHiredOn(raw: RawCell, lookups: LookupTables): unknown {
  if (typeof raw !== 'string' || raw === '') return '';
  const [archivedAt, reason] = raw.split(STAGED_SEPARATOR);
  return isHiredReason(reason, lookups) ? new Date(Number(archivedAt)) : '';
}

/** The `requisitionForHire` of the opportunity's first application that has one. */
export function requisitionForHire(record: LeverRecord): Record<string, unknown> | null {
  const applications = Array.isArray(record.applications) ? record.applications : [];
  for (const application of applications) {
    const seat = field(application, 'requisitionForHire');
    if (seat !== null && typeof seat === 'object') return seat as Record<string, unknown>;
  }
  return null;
}

export const HIRE_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'hired',
    label: 'Hired',
    type: 'boolean',
    inDefault: false,
    extract: archiveReasonId,
    render: renderHired,
    needs: ['archiveReasonTypes'],
  },
  {
    key: 'hiredOn',
    label: 'Hired on',
    type: 'date',
    inDefault: false,
    extract: stageHiredOn,
    render: renderHiredOn,
    needs: ['archiveReasonTypes'],
  },
  {
    key: 'hiredForRequisition',
    label: 'Hired for requisition',
    type: 'text',
    inDefault: false,
    extract: (r) => text(requisitionForHire(r)?.requisitionCode),
  },
  {
    key: 'hiredForRequisitionName',
    label: 'Hired for requisition (name)',
    type: 'text',
    inDefault: false,
    extract: (r) => idOf(requisitionForHire(r)?.id),
    names: 'requisitions',
  },
];
