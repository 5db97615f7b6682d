// The readings of Lever's behaviour where its docs are silent (shared/reference/unknowns.md), one switch each.

/** Order of records in `/opportunities` and `/requisitions` lists (unknowns 1). */
export type ListOrderReading =
  /** One run, newest `createdAt` first (ties by id). */
  | 'newest-first'
  /** Several newest-first runs one after another (as Airbyte's recorded opportunities). */
  | 'newest-runs'
  /** No order at all: a fixed pseudo-random permutation per query. */
  | 'unordered';

/** How repeated `status` values on `/requisitions` are read (unknowns 2). */
export type StatusReading = 'union' | 'first' | 'last';

/** What a key without confidential access gets for `confidentiality=confidential|all` (unknowns 3). */
export type ConfidentialDenialReading =
  /** 403 with Lever's error body. */
  | 'forbidden'
  /** 200 that silently leaves the confidential records out. */
  | 'silent';

/** The HTTP status of "Invalid offset token" (unknowns 4); the message is the same under each. */
export type InvalidTokenStatusReading = 400 | 422 | 500;

/**
 * How `updated_at_start/_end` on `/opportunities` select records (lever-api §5.1 and §7.5). Either way the
 * `updatedAt` field moves only for Lever's documented fields (DOCS), and a snooze that runs out is no change at all.
 */
export type UpdatedFilterReading =
  /** The filter sees every change to a record, also one to a field that leaves its `updatedAt` field alone. */
  | 'any-change'
  /** The filter compares the `updatedAt` field: a change to an undocumented field is invisible to it. */
  | 'field';

/**
 * Whether a change to an opportunity's offers (a new offer; one sent, approved, signed, revised) bumps the
 * opportunity's `updatedAt`. Lever lists the fields that do (lever-api.md, Opportunity) and offers are not among them.
 */
export type OfferUpdatesReading = 'bumps' | 'separate';

export interface LeverReadings {
  listOrder: ListOrderReading;
  updatedFilter: UpdatedFilterReading;
  statusReading: StatusReading;
  confidentialDenial: ConfidentialDenialReading;
  invalidTokenStatus: InvalidTokenStatusReading;
  offerUpdates: OfferUpdatesReading;
}

/** The strictest plausible reading of each: the simulator's default. */
export const STRICTEST_READINGS: Readonly<LeverReadings> = {
  listOrder: 'unordered',
  updatedFilter: 'field',
  statusReading: 'first',
  confidentialDenial: 'silent',
  invalidTokenStatus: 500,
  offerUpdates: 'separate',
};

/** Every reading of each switch, for tests that run a flow under all of them. */
export const ALL_READINGS = {
  listOrder: ['newest-first', 'newest-runs', 'unordered'] as const,
  updatedFilter: ['any-change', 'field'] as const,
  statusReading: ['union', 'first', 'last'] as const,
  confidentialDenial: ['forbidden', 'silent'] as const,
  invalidTokenStatus: [400, 422, 500] as const,
  offerUpdates: ['bumps', 'separate'] as const,
};
