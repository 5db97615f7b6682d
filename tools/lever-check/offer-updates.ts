// The read-only check of whether an offer change bumps its opportunity's `updatedAt` (Lever's docs list the fields
// that do, and offers are not among them): an offer sent, approved or signed after its opportunity's `updatedAt`
// shows they are separate. Nothing found is consistent with either reading.

export type OfferUpdatesReading = 'separate' | 'cannot-tell';

export interface OfferUpdatesFinding {
  reading: OfferUpdatesReading;
  detail: string;
  addOn: string;
}

/** One GET as the check's client sends it (paced, counted, redacted). */
export type OfferCheckGet = (
  path: string,
  params: Array<[string, string]>,
  // biome-ignore lint/suspicious/noExplicitAny: Lever's bodies are read field by field
) => Promise<{ status: number; json: any; message: string }>;

/** Opportunities whose offers are read: at most this many requests beyond the one list. */
export const OFFER_PROBES = 8;

/** An offer event must be this much later than its opportunity's updatedAt to count (clocks and write order). */
export const OFFER_LATER_TOLERANCE_MS = 60_000;

const ADD_ON =
  'The add-on keeps only signed offers of opportunities that did not change and asks for every other offer at each ' +
  'refresh, which is right under either reading.';

type Offer = Record<string, unknown>;

function time(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** The offer's events Lever dates: created, approved, sent, signed by the candidate. */
function events(offer: Offer): Array<{ at: number; what: string }> {
  const signatures = offer.signatures as { candidate?: { signedAt?: unknown } } | undefined;
  return [
    { what: 'created', at: time(offer.createdAt) },
    { what: 'approved', at: time(offer.approvedAt) },
    { what: 'sent', at: time(offer.sentAt) },
    { what: 'signed', at: time(signatures?.candidate?.signedAt) },
  ];
}

/**
 * The latest event that shows an offer moving without its opportunity: more than the tolerance after `updatedAt`,
 * and not after the list was asked (an event during the probe may have bumped an updatedAt already read).
 */
function laterEvent(offers: Offer[], updatedAt: number, listedAt: number): { at: number; what: string } | undefined {
  const shown = offers
    .flatMap(events)
    .filter((event) => event.at > updatedAt + OFFER_LATER_TOLERANCE_MS && event.at <= listedAt);
  return shown.reduce<{ at: number; what: string } | undefined>((a, b) => (a && a.at >= b.at ? a : b), undefined);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The Offer-stage opportunities least recently updated: the likeliest to have an offer that moved on since. */
async function probedOpportunities(get: OfferCheckGet): Promise<Array<Record<string, unknown>> | string> {
  const list = await get('/opportunities', [
    ['stage_id', 'offer'],
    ['limit', '100'],
  ]);
  if (list.status !== 200 || !Array.isArray(list.json?.data))
    return `/opportunities?stage_id=offer: HTTP ${list.status}`;
  const records = list.json.data as Array<Record<string, unknown>>;
  return [...records].sort((a, b) => time(a.updatedAt) - time(b.updatedAt)).slice(0, OFFER_PROBES);
}

/**
 * `now` dates the list request: an offer event after it moved during the probe, when the listed updatedAt may
 * already be stale, so it proves nothing.
 */
export async function checkOfferUpdates(
  get: OfferCheckGet,
  now: () => number = Date.now,
): Promise<OfferUpdatesFinding> {
  const listedAt = now();
  const opportunities = await probedOpportunities(get);
  if (typeof opportunities === 'string') return { reading: 'cannot-tell', detail: `${opportunities}.`, addOn: ADD_ON };
  let withOffers = 0;
  for (const opportunity of opportunities) {
    const id = String(opportunity.id);
    const answer = await get(`/opportunities/${encodeURIComponent(id)}/offers`, [['limit', '100']]);
    if (answer.status === 403) {
      const detail = 'This key cannot read offers (HTTP 403), so this cannot be told.';
      return { reading: 'cannot-tell', detail, addOn: ADD_ON };
    }
    const offers = (Array.isArray(answer.json?.data) ? answer.json.data : []) as Offer[];
    withOffers += offers.length > 0 ? 1 : 0;
    const updatedAt = time(opportunity.updatedAt);
    const later = laterEvent(offers, updatedAt, listedAt);
    if (later) {
      const detail =
        `An offer of opportunity ${id} was ${later.what} at ${iso(later.at)}, after the opportunity's updatedAt ` +
        `(${iso(updatedAt)}) by more than a minute: an offer change does not bump updatedAt.`;
      return { reading: 'separate', detail, addOn: ADD_ON };
    }
  }
  const detail =
    `${opportunities.length} Offer-stage opportunities read, ${withOffers} with offers; none has an offer dated after ` +
    "the opportunity's updatedAt by more than a minute and before the list was asked: consistent with offers bumping it, or with none having moved on since.";
  return { reading: 'cannot-tell', detail, addOn: ADD_ON };
}
