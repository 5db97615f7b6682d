// Requisition columns about the seats: who was hired, seats still open, the next start date, approval (pure).
import type { LookupTables } from '../lever/source';
import { type ColumnSpec, column, epochMs, field, numberOrText, type RawCell } from './column-values';

/** Total minus hired; Lever's "unlimited" headcount stays readable as it is. */
export function openSeats(total: unknown, hired: unknown): number | string {
  const seats = numberOrText(total);
  if (typeof seats !== 'number') return seats;
  const filled = numberOrText(hired);
  return seats - (typeof filled === 'number' ? filled : 0);
}

function hiresOf(raw: RawCell, lookups: LookupTables) {
  return typeof raw === 'string' ? lookups.requisitionHires[raw] : undefined;
}

function asDate(value: number | null | undefined): Date | '' {
  return typeof value === 'number' ? new Date(value) : '';
}

/** A column read from the requisition's hires, staged as the requisition's ID. */
function fromHires(
  key: string,
  label: string,
  type: ColumnSpec['type'],
  render: (raw: RawCell, lookups: LookupTables) => unknown,
): ColumnSpec {
  // The archive reason types name Lever's hired reasons; fetched with the other tables (and prefetched).
  const needs = ['archiveReasonTypes', 'requisitionHires'] as const;
  return { key, label, type, inDefault: false, extract: (r) => r.id, render, needs };
}

/** The column whose dates come from the hires' offers: only the requisitions it shows have their offers read. */
export const NEXT_START_DATE = 'nextStartDate';

export const REQUISITION_HIRE_COLUMNS: readonly ColumnSpec[] = [
  fromHires('hires', 'Hires', 'text', (raw, lookups) => hiresOf(raw, lookups)?.names.join(', ') ?? ''),
  column('openSeats', 'Open seats', 'number', false, (r) => openSeats(r.headcountTotal, r.headcountHired)),
  fromHires(NEXT_START_DATE, 'Next start date', 'date', (raw, lookups) => asDate(hiresOf(raw, lookups)?.nextStartAt)),
  fromHires('lastHiredOn', 'Hired on (latest hire)', 'date', (raw, lookups) =>
    asDate(hiresOf(raw, lookups)?.lastHiredAt),
  ),
  column('approvedAt', 'Approved on', 'date', false, (r) => epochMs(field(r, 'approval', 'approvedAt'))),
];
