// Requisition columns about the seats: who was hired, seats still open, the next start date, approval (pure).
import type { LeverRecord, LookupTables, RequisitionOfferScope } from '../lever/source';
import {
  type ColumnSpec,
  column,
  epochMs,
  field,
  ID_SEPARATOR,
  idList,
  numberOrText,
  type RawCell,
} from './column-values';

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

/** The column counting the requisition's active offers (src/lever/active-offers.ts). */
export const ACTIVE_OFFERS = 'activeOffers';

/** Staged as `<id> <posting IDs> <offer IDs>` (lists comma-separated; `?` when Lever sent no `offerIds`). */
const STAGED_PARTS = ' ';
const NO_OFFER_IDS = '?';

function stageOfferScope(record: LeverRecord): RawCell {
  const offerIds = Array.isArray(record.offerIds) ? idList(record.offerIds) : NO_OFFER_IDS;
  return [record.id, idList(record.postings), offerIds].join(STAGED_PARTS);
}

/** The offer scope of one requisition from its staged value, or null for an empty cell. */
export function offerScopeOf(raw: RawCell): RequisitionOfferScope | null {
  if (typeof raw !== 'string' || raw === '') return null;
  const [id, postings = '', offers = NO_OFFER_IDS] = raw.split(STAGED_PARTS);
  const list = (value: string) => value.split(ID_SEPARATOR).filter((item) => item !== '');
  return { id, postings: list(postings), offerIds: offers === NO_OFFER_IDS ? null : list(offers) };
}

const ACTIVE_OFFERS_COLUMN: ColumnSpec = {
  key: ACTIVE_OFFERS,
  label: 'Active offers',
  type: 'number',
  inDefault: false,
  extract: stageOfferScope,
  render: (raw, lookups) => {
    const id = offerScopeOf(raw)?.id;
    return id !== undefined && id in lookups.activeOffers ? lookups.activeOffers[id] : '';
  },
  needs: [ACTIVE_OFFERS],
  note:
    'Asks Lever for the Offer-stage candidates of the requisitions that have offers (a request per 100 of them, ' +
    'per 30 postings) and one request per such candidate for their offers. Needs the key to read offers.',
};

export const REQUISITION_HIRE_COLUMNS: readonly ColumnSpec[] = [
  fromHires('hires', 'Hires', 'text', (raw, lookups) => hiresOf(raw, lookups)?.names.join(', ') ?? ''),
  column('openSeats', 'Open seats', 'number', false, (r) => openSeats(r.headcountTotal, r.headcountHired)),
  fromHires(NEXT_START_DATE, 'Next start date', 'date', (raw, lookups) => asDate(hiresOf(raw, lookups)?.nextStartAt)),
  fromHires('lastHiredOn', 'Hired on (latest hire)', 'date', (raw, lookups) =>
    asDate(hiresOf(raw, lookups)?.lastHiredAt),
  ),
  column('approvedAt', 'Approved on', 'date', false, (r) => epochMs(field(r, 'approval', 'approvedAt'))),
  ACTIVE_OFFERS_COLUMN,
];
