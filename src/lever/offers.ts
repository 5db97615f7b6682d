// Offers of opportunities (`GET /opportunities/:id/offers`): one request each, in parallel under the rate limiter.
import { AppError } from '../errors';
import type { LeverClient } from './client';
import { pageAll } from './paginate';
import type { OfferSummary } from './source';

export interface OffersResult {
  /** Offers per opportunity read; an opportunity Lever answered with none maps to []. */
  offers: Record<string, OfferSummary[]>;
  /** Every request was refused (403): the key lacks Lever's offers permission. */
  forbidden: boolean;
  /** Opportunities whose offers were refused (403): their offers are unknown, not none. */
  refused: string[];
  requests: number;
}

function time(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function fieldValue(value: unknown): string | number | null {
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

export function summarizeOffer(raw: Record<string, unknown>): OfferSummary {
  const fields: OfferSummary['fields'] = {};
  for (const item of Array.isArray(raw.fields) ? (raw.fields as Array<Record<string, unknown>>) : []) {
    if (typeof item?.identifier === 'string') fields[item.identifier] = fieldValue(item.value);
  }
  return {
    id: String(raw.id ?? ''),
    status: typeof raw.status === 'string' ? raw.status : '',
    createdAt: time(raw.createdAt) ?? 0,
    sentAt: time(raw.sentAt),
    approvedAt: time(raw.approvedAt),
    fields,
  };
}

/** The offer that speaks for an opportunity now: its newest one. */
export function currentOffer(offers: readonly OfferSummary[] | undefined): OfferSummary | null {
  if (!offers || offers.length === 0) return null;
  return offers.reduce((latest, offer) => (offer.createdAt > latest.createdAt ? offer : latest));
}

/**
 * Fetches the offers of these opportunities. A 404 (the opportunity was deleted) reads as none; a 403 leaves the
 * opportunity out; any other failure ends the call as it would any fetch.
 */
export function fetchOffers(client: LeverClient, opportunityIds: readonly string[], deadline: number): OffersResult {
  const ids = [...new Set(opportunityIds)];
  const offers: Record<string, OfferSummary[]> = {};
  const queries = ids.map((id) => ({
    request: { path: `/opportunities/${encodeURIComponent(id)}/offers`, params: { limit: 100 } },
    onRecords: (records: unknown[]) => {
      const read = (records as Array<Record<string, unknown>>).map(summarizeOffer);
      offers[id] = [...(offers[id] ?? []), ...read];
    },
  }));
  const results = pageAll(client, queries, deadline);
  const refused: string[] = [];
  results.forEach((result, index) => {
    if (result.kind === 'done') offers[ids[index]] ??= [];
    else if (result.kind === 'failed' && result.status === 404) offers[ids[index]] = [];
    else if (result.kind === 'failed' && result.status === 403) refused.push(ids[index]);
    else if (result.kind === 'failed') throw result.error;
    else throw new AppError('TIME_BUDGET', { reason: 'lookups' });
  });
  return { offers, forbidden: ids.length > 0 && refused.length === ids.length, refused, requests: ids.length };
}
