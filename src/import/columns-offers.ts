// Opportunity columns from the opportunity's current offer, read by the offer form's field identifiers (pure).
import { currentOffer } from '../lever/offers';
import type { LeverRecord, LookupTables, OfferSummary } from '../lever/source';
import { type ColumnSpec, field, idOf, type RawCell } from './column-values';
import { OFFER_STATUS_LABELS, PAY_INTERVAL_LABELS, shownAs } from './lever-labels';

/** Lever's built-in Offer stage: opportunities there (hired, declined or pending) are the ones with offers. */
const OFFER_STAGE = 'offer';
const SEPARATOR = ' ';

/**
 * Staged as `<id> <archive reason> <updatedAt>` (reason '' at the Offer stage) when the opportunity is at the Offer
 * stage or archived (a hire is known only once the reason's type is), '' otherwise: only those may have offers, so
 * only they are fetched. `updatedAt` lets a refresh tell an unchanged opportunity's kept offers from stale ones.
 */
function offerCandidate(record: LeverRecord): RawCell {
  const atOffer = idOf(record.stage) === OFFER_STAGE;
  const reason = idOf(field(record, 'archived', 'reason'));
  if (!atOffer && reason === '') return '';
  const updatedAt = typeof record.updatedAt === 'number' ? String(record.updatedAt) : 'null';
  return [record.id, atOffer ? '' : reason, updatedAt].join(SEPARATOR);
}

/** An opportunity that may have offers, with its `updatedAt` (null: Lever's never-updated; undefined: unknown). */
export interface OfferCandidate {
  id: string;
  updatedAt: number | null | undefined;
}

function updatedAtOf(text: string | undefined): number | null | undefined {
  if (text === 'null') return null;
  const value = text === undefined || text === '' ? Number.NaN : Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** The candidate a staged value stands for, or null (not at the Offer stage and not a hire). */
export function offerCandidateOf(raw: RawCell, archiveReasonTypes: Record<string, string>): OfferCandidate | null {
  if (typeof raw !== 'string' || raw === '') return null;
  const [id, reason, updatedAt] = raw.split(SEPARATOR);
  // A value staged before updatedAt was (`<id>` or `<id> <reason>`) reads as unknown.
  if (reason === undefined || reason === '' || archiveReasonTypes[reason] === 'hired')
    return { id, updatedAt: updatedAtOf(updatedAt) };
  return null;
}

/** The offer form fields the columns read: the only ones a refresh keeps. */
export const OFFER_FIELD_IDS = [
  'anticipated_start_date',
  'salary_amount',
  'compensation_currency',
  'salary_interval',
  'equity',
] as const;

function offerOf(raw: RawCell, lookups: LookupTables): OfferSummary | null {
  if (typeof raw !== 'string' || raw === '') return null;
  return currentOffer(lookups.offers[raw.split(SEPARATOR)[0]]);
}

/** An offer's code by its label (an unknown code as sent); offer columns render from the offer, not the cell. */
function labelOf(labels: Readonly<Record<string, string>>, code: string | number | null | undefined): unknown {
  return typeof code === 'string' ? shownAs(labels)(code) : code;
}

function dateOrEmpty(value: unknown): Date | '' {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value) : '';
}

function offerColumn(
  key: string,
  label: string,
  type: ColumnSpec['type'],
  value: (offer: OfferSummary) => unknown,
): ColumnSpec {
  return {
    key,
    label,
    type,
    inDefault: false,
    extract: offerCandidate,
    render: (raw, lookups) => {
      const offer = offerOf(raw, lookups);
      return offer ? (value(offer) ?? '') : '';
    },
    needs: ['archiveReasonTypes', 'offers'],
  };
}

export const OFFER_COLUMNS: readonly ColumnSpec[] = [
  offerColumn('offerStatus', 'Offer status', 'text', (o) => labelOf(OFFER_STATUS_LABELS, o.status)),
  offerColumn('offerSentOn', 'Offer sent on', 'date', (o) => dateOrEmpty(o.sentAt)),
  offerColumn('offerApprovedOn', 'Offer approved on', 'date', (o) => dateOrEmpty(o.approvedAt)),
  offerColumn('offerStartDate', 'Anticipated start date', 'date', (o) => dateOrEmpty(o.fields.anticipated_start_date)),
  offerColumn('offerSalary', 'Offer salary', 'number', (o) => o.fields.salary_amount),
  offerColumn('offerCurrency', 'Offer currency', 'text', (o) => o.fields.compensation_currency),
  offerColumn('offerInterval', 'Offer salary interval', 'text', (o) =>
    labelOf(PAY_INTERVAL_LABELS, o.fields.salary_interval),
  ),
  offerColumn('offerEquity', 'Offer equity', 'text', (o) => o.fields.equity),
];
