// `expand=` support: replaces ID fields with the objects they name, on copies (the dataset is never touched).

import type { IdMaps } from './id-maps';
import type { QueryParams } from './params';
import type { Contact, Opportunity, Posting, Requisition } from './types';

export const OPPORTUNITY_EXPANDS = ['applications', 'stage', 'owner', 'followers', 'sourcedBy', 'contact'] as const;
export const REQUISITION_EXPANDS = ['creator', 'hiringManager', 'owner', 'postings'] as const;
export const POSTING_EXPANDS = ['user', 'owner', 'hiringManager', 'followers'] as const;

type Expander<T> = (record: T) => T;

/** Validates `expand` for the endpoint; returns null when nothing is expanded. */
export function opportunityExpander(params: QueryParams, maps: IdMaps): Expander<Opportunity> | null {
  const wanted = new Set(params.manyOf('expand', OPPORTUNITY_EXPANDS));
  if (wanted.size === 0) return null;
  const user = (id: string | null) => (id === null ? null : (maps.users().get(id) ?? null));
  return (opportunity) => {
    const copy: Record<string, unknown> = { ...opportunity };
    if (wanted.has('stage')) copy.stage = maps.stages().get(opportunity.stage) ?? null;
    if (wanted.has('owner')) copy.owner = user(opportunity.owner);
    if (wanted.has('sourcedBy')) copy.sourcedBy = user(opportunity.sourcedBy);
    if (wanted.has('followers')) copy.followers = resolveAll(opportunity.followers, maps.users());
    if (wanted.has('applications')) copy.applications = resolveAll(opportunity.applications, maps.applications());
    if (wanted.has('contact')) copy.contact = contactOf(opportunity);
    return copy as unknown as Opportunity;
  };
}

export function requisitionExpander(params: QueryParams, maps: IdMaps): Expander<Requisition> | null {
  const wanted = new Set(params.manyOf('expand', REQUISITION_EXPANDS));
  if (wanted.size === 0) return null;
  return (requisition) => {
    const copy: Record<string, unknown> = { ...requisition };
    for (const field of ['creator', 'hiringManager', 'owner'] as const) {
      const id = requisition[field];
      if (wanted.has(field) && id !== undefined) copy[field] = maps.users().get(id) ?? null;
    }
    if (wanted.has('postings')) copy.postings = resolveAll(requisition.postings, maps.postings());
    return copy as unknown as Requisition;
  };
}

export function postingExpander(params: QueryParams, maps: IdMaps): Expander<Posting> | null {
  const wanted = new Set(params.manyOf('expand', POSTING_EXPANDS));
  if (wanted.size === 0) return null;
  return (posting) => {
    const copy: Record<string, unknown> = { ...posting };
    for (const field of ['user', 'owner', 'hiringManager'] as const) {
      const id = posting[field];
      if (wanted.has(field) && id !== null) copy[field] = maps.users().get(id) ?? null;
    }
    if (wanted.has('followers')) copy.followers = resolveAll(posting.followers, maps.users());
    return copy as unknown as Posting;
  };
}

function resolveAll<T>(ids: readonly string[], map: ReadonlyMap<string, T>): T[] {
  const found: T[] = [];
  for (const id of ids) {
    const record = map.get(id);
    if (record) found.push(record);
  }
  return found;
}

function contactOf(opportunity: Opportunity): Contact {
  return {
    id: opportunity.contact,
    name: opportunity.name,
    headline: opportunity.headline,
    isAnonymized: opportunity.isAnonymized,
    location: { name: opportunity.location },
    emails: [...opportunity.emails],
    phones: opportunity.phones.map((phone) => ({ ...phone })),
  };
}
