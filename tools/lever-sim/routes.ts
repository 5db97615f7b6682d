// Path routing under /v1 and the single-object GETs (`/opportunities/:id`, `/users/:id`, …).

import { forbiddenConfidential, notFound } from './errors';
import { opportunityExpander, postingExpander, requisitionExpander } from './expand';
import type { IdMaps } from './id-maps';
import type { QueryParams } from './params';
import { type Confidentiality, SIM_ENDPOINTS, type SimEndpoint } from './types';

export type Route =
  | { kind: 'list'; endpoint: SimEndpoint }
  | { kind: 'one'; endpoint: SimEndpoint; id: string }
  | { kind: 'offers'; endpoint: 'offers'; id: string }
  | { kind: 'deleted'; endpoint: 'opportunities' };

/** The route of a path such as `/v1/opportunities`, `/v1/users/<id>` or `/v1/opportunities/<id>/offers`; else a 404. */
export function route(method: string, path: string): Route {
  const segments = path.replace(/\/$/, '').split('/');
  const [empty, version, endpoint, id, ...rest] = segments;
  // Lever lists deleted opportunities under the opportunities permission.
  if (empty === '' && version === 'v1' && endpoint === 'opportunities' && id === 'deleted' && rest.length === 0)
    return { kind: 'deleted', endpoint: 'opportunities' };
  if (
    empty === '' &&
    version === 'v1' &&
    endpoint === 'opportunities' &&
    id &&
    rest.length === 1 &&
    rest[0] === 'offers'
  )
    return { kind: 'offers', endpoint: 'offers', id: safeDecode(id) };
  const known = (SIM_ENDPOINTS as readonly string[]).includes(endpoint) && endpoint !== 'offers';
  const hasId = id !== undefined && id !== '' && endpoint !== 'sources' && endpoint !== 'tags';
  if (empty !== '' || version !== 'v1' || !known || rest.length > 0 || (id !== undefined && !hasId)) {
    throw notFound(`Unknown resource: ${method} ${path}`);
  }
  if (!hasId) return { kind: 'list', endpoint: endpoint as SimEndpoint };
  return { kind: 'one', endpoint: endpoint as SimEndpoint, id: safeDecode(id) };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** `{data}` for one record; 404 when absent, 403 when it is confidential and the key may not see it. */
export function getOne(
  endpoint: SimEndpoint,
  id: string,
  params: QueryParams,
  maps: IdMaps,
  canSeeConfidential: boolean,
): unknown {
  const missing = () => notFound(`${endpoint} ${id} was not found`);
  const guard = <T extends { confidentiality?: Confidentiality }>(record: T | undefined): T => {
    if (!record) throw missing();
    if (record.confidentiality === 'confidential' && !canSeeConfidential) throw forbiddenConfidential();
    return record;
  };
  switch (endpoint) {
    case 'opportunities':
      return expandWith(guard(maps.opportunities().get(id)), opportunityExpander(params, maps));
    case 'requisitions':
      return expandWith(guard(maps.requisitions().get(id)), requisitionExpander(params, maps));
    case 'postings':
      return expandWith(guard(maps.postings().get(id)), postingExpander(params, maps));
    default:
      return lookupOne(endpoint, id, maps) ?? throwError(missing());
  }
}

function lookupOne(endpoint: SimEndpoint, id: string, maps: IdMaps): unknown {
  if (endpoint === 'users') return maps.users().get(id);
  if (endpoint === 'stages') return maps.stages().get(id);
  if (endpoint === 'archive_reasons') return maps.archiveReasons().get(id);
  if (endpoint === 'requisition_fields') return maps.requisitionFields().get(id);
  return undefined;
}

function expandWith<T>(record: T, expander: ((record: T) => T) | null): T {
  return expander ? expander(record) : record;
}

function throwError(error: Error): never {
  throw error;
}
