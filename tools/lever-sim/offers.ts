// `GET /opportunities/:id/offers`: the opportunity's offers as a paginated list, under the opportunity's own
// access rules (404 when it does not exist, 403 when it is confidential and the key may not see it).

import { forbiddenConfidential, notFound } from './errors';
import type { IdMaps } from './id-maps';
import type { Offer } from './offer-types';
import { type ListPage, positionalSource, readPage } from './pagination';
import type { QueryParams } from './params';
import type { LeverDataset } from './types';

export const OFFER_EXPANDS = ['creator'] as const;

export function offersPage(
  dataset: LeverDataset,
  maps: IdMaps,
  request: { id: string; params: QueryParams; canSeeConfidential: boolean },
): ListPage<unknown> {
  const { id, params } = request;
  const expand = params.manyOf('expand', OFFER_EXPANDS);
  const opportunity = maps.opportunities().get(id);
  if (!opportunity) throw notFound(`opportunities ${id} was not found`);
  if (opportunity.confidentiality === 'confidential' && !request.canSeeConfidential) throw forbiddenConfidential();
  const offers: readonly Offer[] = dataset.offers?.[id] ?? [];
  // The token is bound to the opportunity too, so it cannot page through another opportunity's offers.
  const page = readPage(positionalSource(offers), params, `opportunities/${id}/offers`, () => true);
  if (expand.length === 0) return page;
  const users = maps.users();
  return { ...page, data: page.data.map((offer) => ({ ...offer, creator: users.get(offer.creator) ?? null })) };
}
