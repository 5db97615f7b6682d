// Which opportunities have offers (every hire a signed one; some at the Offer stage a pending, denied or declined
// one), kept as compact plans and built only when read, so a 500,000-opportunity account stays cheap.

import type { Offer, OfferStatus } from '../offer-types';
import type { Application, ArchiveReason, Opportunity, Posting, Requisition, User } from '../types';
import { buildOffer, type OfferPlan } from './offer-builder';
import type { Rng } from './random';
import { applicationsOf, requisitionsByPosting } from './requisition-hires';

export interface OfferContext {
  users: readonly User[];
  postings: readonly Posting[];
  requisitions: readonly Requisition[];
  applications: readonly Application[];
  archiveReasons: readonly ArchiveReason[];
}

const PENDING: ReadonlyArray<readonly [OfferStatus, number]> = [
  ['draft', 2],
  ['approval-sent', 2],
  ['approved', 2],
  ['sent', 3],
  ['sent-manually', 1],
  ['opened', 2],
  ['denied', 1],
];

/**
 * Plans the offers and lists their ids on the requisition they are for (`offerIds`, replaced). `hires` get a
 * signed offer; active opportunities at the Offer stage get one 60% of the time, and archived ones that declined
 * ("Offer declined") 50% of the time, sent or opened.
 */
export function planOffers(
  rng: Rng,
  opportunities: readonly Opportunity[],
  hires: readonly Opportunity[],
  context: OfferContext,
) {
  const hired = new Set(hires);
  const declined = context.archiveReasons.find((reason) => reason.text === 'Offer declined')?.id;
  const holders: Array<{ opportunity: Opportunity; status: OfferStatus }> = [];
  for (const o of opportunities) {
    if (hired.has(o)) holders.push({ opportunity: o, status: 'signed' });
    else if (o.stage !== 'offer') continue;
    else if (o.archived === null && rng.chance(0.6)) holders.push({ opportunity: o, status: rng.weighted(PENDING) });
    else if (o.archived?.reason === declined && rng.chance(0.5))
      holders.push({ opportunity: o, status: rng.pick(['sent', 'opened'] as const) });
  }
  const applications = applicationsOf(
    context.applications,
    holders.map((holder) => holder.opportunity),
  );
  const postings = new Map(context.postings.map((posting) => [posting.id, posting]));
  const byPosting = requisitionsByPosting(context.requisitions);
  const byId = new Map(context.requisitions.map((requisition) => [requisition.id, requisition]));
  for (const requisition of context.requisitions) requisition.offerIds = [];
  const plans = new Map<string, OfferPlan[]>();
  for (const { opportunity, status } of holders) {
    const application = applications.get(opportunity.id);
    const posting = application?.posting ? (postings.get(application.posting) ?? null) : null;
    const requisition = requisitionOf(application, posting, byPosting, byId);
    const plan = planOf(rng, { opportunity, status, posting, requisition, users: context.users });
    requisition?.offerIds.push(plan.id);
    plans.set(opportunity.id, [plan]);
  }
  return plans;
}

function requisitionOf(
  application: Application | undefined,
  posting: Posting | null,
  byPosting: ReadonlyMap<string, Requisition[]>,
  byId: ReadonlyMap<string, Requisition>,
): Requisition | null {
  const forHire = application?.requisitionForHire?.id;
  if (forHire) return byId.get(forHire) ?? null;
  return posting ? (byPosting.get(posting.id)?.[0] ?? null) : null;
}

function planOf(
  rng: Rng,
  source: {
    opportunity: Opportunity;
    status: OfferStatus;
    posting: Posting | null;
    requisition: Requisition | null;
    users: readonly User[];
  },
): OfferPlan {
  const { opportunity, posting, requisition } = source;
  const until = opportunity.archived?.archivedAt ?? Math.max(opportunity.lastAdvancedAt, opportunity.lastInteractionAt);
  return {
    id: rng.uuid(),
    seed: rng.uint32(),
    status: source.status,
    from: opportunity.lastAdvancedAt,
    until: Math.max(until, opportunity.lastAdvancedAt),
    creator: opportunity.owner ?? rng.pick(source.users).id,
    candidate: { name: opportunity.name, email: opportunity.emails[0] ?? null },
    posting: posting
      ? {
          id: posting.id,
          text: posting.text,
          location: posting.categories.location ?? null,
          commitment: posting.categories.commitment ?? null,
        }
      : null,
    hiringManager: requisition?.hiringManager ?? posting?.hiringManager ?? null,
    band: requisition?.compensationBand ? { ...requisition.compensationBand } : (posting?.salaryRange ?? null),
  };
}

/**
 * `offers` by opportunity id, each entry built on its first read and then stored as a plain value; entries
 * can be read, edited, replaced or deleted like those of any object.
 */
export function lazyOffers(plans: ReadonlyMap<string, OfferPlan[]>): Record<string, Offer[]> {
  const book: Record<string, Offer[]> = {};
  const settle = (id: string, offers: Offer[]) =>
    Object.defineProperty(book, id, { value: offers, writable: true, enumerable: true, configurable: true });
  for (const [id, list] of plans) {
    Object.defineProperty(book, id, {
      enumerable: true,
      configurable: true,
      get: () => {
        const offers = list.map(buildOffer);
        settle(id, offers);
        return offers;
      },
      set: (offers: Offer[]) => settle(id, offers),
    });
  }
  return book;
}
