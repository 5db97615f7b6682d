// Builds one offer from its compact plan: timeline by status, form fields by identifier, documents, signatures.

import type { Offer, OfferField, OfferStatus } from '../offer-types';
import type { CompensationBand } from '../types';
import { Rng } from './random';

const DAY = 86_400_000;

/** What an offer is built from, snapshotted at generation time so a later edit of a record cannot change it. */
export interface OfferPlan {
  id: string;
  seed: number;
  status: OfferStatus;
  /** When the opportunity reached the Offer stage, and (for a hire) when it was archived as hired. */
  from: number;
  until: number;
  creator: string;
  candidate: { name: string; email: string | null };
  posting: { id: string; text: string; location: string | null; commitment: string | null } | null;
  hiringManager: string | null;
  band: CompensationBand | null;
}

const SENT: ReadonlySet<OfferStatus> = new Set(['sent', 'sent-manually', 'opened', 'signed']);
const APPROVED: ReadonlySet<OfferStatus> = new Set(['approved', ...SENT]);

export function buildOffer(plan: OfferPlan): Offer {
  const rng = new Rng(plan.seed, 'offer');
  const span = Math.max(0, plan.until - plan.from);
  const createdAt = plan.from + Math.floor(rng.float() * span * 0.3);
  const approvedAt = APPROVED.has(plan.status) ? createdAt + Math.floor(rng.float() * span * 0.3) : null;
  const sentAt =
    SENT.has(plan.status) && approvedAt !== null ? approvedAt + Math.floor(rng.float() * span * 0.3) : null;
  const signedAt = plan.status === 'signed' ? plan.until : null;
  const [firstName, ...rest] = plan.candidate.name.split(' ');
  return {
    id: plan.id,
    createdAt,
    creator: plan.creator,
    status: plan.status,
    fields: fieldsOf(rng, plan, signedAt ?? plan.until),
    signatures:
      sentAt === null
        ? {}
        : { candidate: { email: plan.candidate.email ?? '', signedAt, firstName, lastName: rest.join(' ') } },
    approved: plan.status === 'denied' ? false : approvedAt === null ? null : true,
    approvedAt,
    sentAt,
    posting: plan.posting?.id ?? null,
    sentDocument: sentAt === null || plan.status === 'sent-manually' ? null : documentOf(plan, 'sent', sentAt),
    signedDocument: signedAt === null ? null : documentOf(plan, 'signed', signedAt),
  };
}

function documentOf(plan: OfferPlan, kind: 'sent' | 'signed', at: number) {
  const suffix = kind === 'signed' ? ' (signed)' : '';
  return {
    fileName: `Offer Letter - ${plan.candidate.name}${suffix}.pdf`,
    uploadedAt: at,
    downloadUrl: `https://hire.lever.co/offers/${plan.id}/${kind}Document`,
  };
}

/** Lever's standard offer-form identifiers; values are numbers (amounts, dates in ms) or text. */
function fieldsOf(rng: Rng, plan: OfferPlan, decidedAt: number): OfferField[] {
  const band = plan.band ?? { currency: 'USD', interval: 'per-year-salary', min: 60_000, max: 180_000 };
  const step = band.interval === 'per-hour-wage' ? 1 : 1000;
  const amount = Math.round((band.min + rng.float() * (band.max - band.min)) / step) * step;
  const start = decidedAt + rng.int(14, 60) * DAY;
  const fields: OfferField[] = [
    { text: 'Job title', identifier: 'job_title', value: plan.posting?.text ?? 'Specialist' },
    { text: 'Candidate name', identifier: 'candidate_name', value: plan.candidate.name },
    { text: 'Hiring manager', identifier: 'hiring_manager', value: plan.hiringManager },
    { text: 'Location', identifier: 'location', value: plan.posting?.location ?? null },
    { text: 'Employment status', identifier: 'employment_status', value: plan.posting?.commitment ?? null },
    { text: 'Salary', identifier: 'salary_amount', value: amount },
    { text: 'Compensation currency', identifier: 'compensation_currency', value: band.currency },
    { text: 'Salary interval', identifier: 'salary_interval', value: band.interval },
    { text: 'Anticipated start date', identifier: 'anticipated_start_date', value: start - (start % DAY) },
  ];
  if (rng.chance(0.5)) fields.push({ text: 'Equity', identifier: 'equity', value: `${rng.int(1, 40) * 500} RSUs` });
  if (rng.chance(0.3))
    fields.push({ text: 'Signing bonus', identifier: 'signing_bonus', value: rng.int(5, 30) * 1000 });
  return fields;
}
