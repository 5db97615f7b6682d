// Offer changes between refreshes (an offer moving on, e.g. sent → signed; a new offer; a revised salary), each
// bumping its opportunity's `updatedAt` only under the 'bumps' reading of `readings.offerUpdates`.

import type { Offer, OfferStatus } from '../offer-types';
import type { OfferUpdatesReading } from '../readings';
import type { LeverDataset } from '../types';
import { Rng } from './random';
import { between } from './times';

export type OfferChange =
  /** The opportunity's newest offer moves to this status (its sent/approved/signed times follow). */
  | { kind: 'status'; status: OfferStatus }
  /** A new offer, newer than any before it. */
  | { kind: 'created'; status: OfferStatus }
  /** The newest offer's salary changes. */
  | { kind: 'revised'; salary: number };

const SENT: ReadonlySet<OfferStatus> = new Set(['sent', 'sent-manually', 'opened', 'signed']);
const APPROVED: ReadonlySet<OfferStatus> = new Set(['approved', ...SENT]);

function newest(offers: readonly Offer[]): Offer | undefined {
  return [...offers].sort((a, b) => b.createdAt - a.createdAt)[0];
}

/** The offer with `status` reached at `at`: times it had stay, the ones the status implies are set. */
function moved(offer: Offer, status: OfferStatus, at: number): Offer {
  const approvedAt = APPROVED.has(status) ? (offer.approvedAt ?? at) : offer.approvedAt;
  const sentAt = SENT.has(status) ? (offer.sentAt ?? at) : offer.sentAt;
  const candidate = offer.signatures.candidate;
  const signatures =
    status === 'signed' && candidate ? { candidate: { ...candidate, signedAt: at } } : { ...offer.signatures };
  const approved = status === 'denied' ? false : approvedAt === null ? offer.approved : true;
  return { ...offer, status, approvedAt, sentAt, signatures, approved };
}

function blankOffer(id: string, at: number, creator: string): Offer {
  const fields = [
    { text: 'Salary', identifier: 'salary_amount', value: 90_000 },
    { text: 'Compensation currency', identifier: 'compensation_currency', value: 'USD' },
    { text: 'Salary interval', identifier: 'salary_interval', value: 'per-year-salary' },
    {
      text: 'Anticipated start date',
      identifier: 'anticipated_start_date',
      value: at - (at % 86_400_000) + 30 * 86_400_000,
    },
  ];
  return {
    id,
    createdAt: at,
    creator,
    status: 'draft',
    fields,
    signatures: {},
    approved: null,
    approvedAt: null,
    sentAt: null,
    posting: null,
    sentDocument: null,
    signedDocument: null,
  };
}

function applied(offers: Offer[], change: OfferChange, at: number, fresh: () => Offer): Offer[] {
  const current = newest(offers);
  if (change.kind === 'created') {
    const template = current ? { ...current, fields: current.fields.map((f) => ({ ...f })) } : fresh();
    const clean: Offer = {
      ...template,
      id: fresh().id,
      createdAt: at,
      status: 'draft',
      approved: null,
      approvedAt: null,
      sentAt: null,
      signatures: {},
      sentDocument: null,
      signedDocument: null,
    };
    return [...offers, moved(clean, change.status, at)];
  }
  if (!current) throw new Error('the opportunity has no offer to change');
  const next =
    change.kind === 'status'
      ? moved(current, change.status, at)
      : {
          ...current,
          fields: current.fields.map((f) => (f.identifier === 'salary_amount' ? { ...f, value: change.salary } : f)),
        };
  return offers.map((offer) => (offer === current ? next : offer));
}

/**
 * Changes one opportunity's offers at `at`, in place. Under 'bumps' the opportunity's `updatedAt` moves to `at`;
 * under 'separate' (Lever's documented list of fields, the default) the opportunity is left as it was.
 */
export function changeOffer(
  dataset: LeverDataset,
  opportunityId: string,
  change: OfferChange,
  options: { at: number; reading: OfferUpdatesReading },
): void {
  const opportunity = dataset.opportunities.find((o) => o.id === opportunityId);
  if (!opportunity) throw new Error(`no opportunity ${opportunityId}`);
  dataset.offers ??= {};
  const offers = dataset.offers[opportunityId] ?? [];
  const creator = opportunity.owner ?? dataset.users[0]?.id ?? '';
  const id = `${opportunityId.slice(0, 8)}-offer-${offers.length + 1}-${options.at}`;
  dataset.offers[opportunityId] = applied(offers, change, options.at, () => blankOffer(id, options.at, creator));
  if (options.reading === 'bumps') opportunity.updatedAt = Math.max(opportunity.updatedAt ?? 0, options.at);
}

export interface OfferMutationOptions {
  seed: number;
  /** Every change happens in (since, now]. */
  since: number;
  now: number;
  reading: OfferUpdatesReading;
  /** Pending offers (approved, sent, opened) signed; active Offer-stage opportunities without an offer sent one. */
  counts?: { signed?: number; created?: number };
}

const PENDING: ReadonlySet<OfferStatus> = new Set(['approved', 'sent', 'sent-manually', 'opened']);

/** Seeded offer changes between two refreshes, as a team's hour would leave them; returns the changed IDs. */
export function mutateOffers(
  dataset: LeverDataset,
  options: OfferMutationOptions,
): { signed: string[]; created: string[] } {
  const rng = new Rng(options.seed, `offers-${options.since}`);
  const offers = dataset.offers ?? {};
  const pending = Object.keys(offers).filter((id) => PENDING.has(newest(offers[id] ?? [])?.status ?? 'draft'));
  const bare = dataset.opportunities.filter((o) => o.stage === 'offer' && o.archived === null && !offers[o.id]?.length);
  const pick = (ids: string[], count: number) =>
    ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / count)) === 0).slice(0, count);
  const at = () => between(rng, options.since + 1, options.now);
  const signed = pick(pending, options.counts?.signed ?? 3);
  const created = pick(
    bare.map((o) => o.id),
    options.counts?.created ?? 2,
  );
  for (const id of signed)
    changeOffer(dataset, id, { kind: 'status', status: 'signed' }, { at: at(), reading: options.reading });
  for (const id of created)
    changeOffer(dataset, id, { kind: 'created', status: 'sent' }, { at: at(), reading: options.reading });
  return { signed, created };
}
