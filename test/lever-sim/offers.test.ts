// Offers: who has them and what they hold, and GET /opportunities/:id/offers with Lever's permissions and limits.

import type { LeverDataset, Offer, Opportunity } from '../../tools/lever-sim';
import { FULL, get, makeFixture, NO_CONFIDENTIAL, OPPS_ONLY, walk } from './support';

const DAY = 86_400_000;
const { sim, dataset } = makeFixture({ opportunities: 2000, requisitions: 300 });
const offers = dataset.offers ?? {};

function hires(data: LeverDataset): Opportunity[] {
  const hired = new Set(data.archiveReasons.filter((r) => r.type === 'hired').map((r) => r.id));
  return data.opportunities.filter((o) => o.archived !== null && hired.has(o.archived.reason));
}

function field(offer: Offer, identifier: string) {
  return offer.fields.find((f) => f.identifier === identifier)?.value;
}

describe('generated offers', () => {
  it('gives every hire exactly one signed offer, with its start date after the hire', () => {
    for (const hire of hires(dataset)) {
      const [offer, ...more] = offers[hire.id] ?? [];
      expect(more).toEqual([]);
      expect(offer.status).toBe('signed');
      expect(offer.approved).toBe(true);
      const archivedAt = hire.archived?.archivedAt as number;
      expect(offer.createdAt).toBeGreaterThanOrEqual(hire.lastAdvancedAt);
      expect(offer.approvedAt as number).toBeGreaterThanOrEqual(offer.createdAt);
      expect(offer.sentAt as number).toBeGreaterThanOrEqual(offer.approvedAt as number);
      expect(offer.sentAt as number).toBeLessThanOrEqual(archivedAt);
      expect(offer.signedDocument?.uploadedAt).toBe(archivedAt);
      expect(field(offer, 'anticipated_start_date') as number).toBeGreaterThan(archivedAt);
      expect((field(offer, 'anticipated_start_date') as number) % DAY).toBe(0);
    }
  });

  it('fills the offer form by identifier, the salary inside the band of the requisition filled', () => {
    const requisitions = new Map(dataset.requisitions.map((r) => [r.id, r]));
    const applications = new Map((dataset.applications ?? []).map((a) => [a.opportunityId, a]));
    let checked = 0;
    for (const hire of hires(dataset)) {
      const offer = (offers[hire.id] ?? [])[0];
      for (const id of ['salary_amount', 'compensation_currency', 'salary_interval', 'anticipated_start_date']) {
        expect(field(offer, id)).not.toBeUndefined();
      }
      const band = requisitions.get(applications.get(hire.id)?.requisitionForHire?.id ?? '')?.compensationBand;
      if (!band) continue;
      expect(field(offer, 'salary_amount') as number).toBeGreaterThanOrEqual(band.min);
      expect(field(offer, 'salary_amount') as number).toBeLessThanOrEqual(band.max);
      expect(field(offer, 'compensation_currency')).toBe(band.currency);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
    expect(Object.values(offers).some((list) => list.some((o) => field(o, 'equity') !== undefined))).toBe(true);
  });

  it('has pending, denied and declined offers at the Offer stage, and none for most opportunities', () => {
    const hired = new Set(hires(dataset).map((o) => o.id));
    const others = dataset.opportunities.filter((o) => !hired.has(o.id) && offers[o.id]);
    expect(others.length).toBeGreaterThan(10);
    for (const o of others) {
      expect(o.stage).toBe('offer');
      expect(offers[o.id][0].status).not.toBe('signed');
      expect(offers[o.id][0].signedDocument).toBeNull();
    }
    expect(new Set(others.map((o) => offers[o.id][0].status)).size).toBeGreaterThanOrEqual(5);
    expect(Object.keys(offers).length).toBeLessThan(dataset.opportunities.length / 10);
  });

  it("lists each offer on its requisition's offerIds", () => {
    const all = new Set(Object.values(offers).flatMap((list) => list.map((o) => o.id)));
    const listed = dataset.requisitions.flatMap((r) => r.offerIds);
    expect(listed.length).toBeGreaterThan(0);
    for (const id of listed) expect(all.has(id)).toBe(true);
  });

  it('builds an entry once, and lets a test replace it', () => {
    const id = hires(dataset)[0].id;
    expect(offers[id]).toBe(offers[id]);
    const copy = { ...offers[id][0], status: 'opened' as const };
    offers[id] = [copy];
    expect(offers[id]).toEqual([copy]);
  });
});

describe('GET /opportunities/:id/offers', () => {
  const hire = hires(dataset).find((o) => o.confidentiality === 'non-confidential') as Opportunity;
  const secret = hires(dataset).find((o) => o.confidentiality === 'confidential') as Opportunity;
  const none = dataset.opportunities.find((o) => !offers[o.id] && o.confidentiality === 'non-confidential');

  it("answers the opportunity's offers in Lever's list envelope", () => {
    expect(get(sim, `/opportunities/${hire.id}/offers`).json).toEqual({ data: offers[hire.id], hasNext: false });
    expect(get(sim, `/opportunities/${none?.id}/offers`).json).toEqual({ data: [], hasNext: false });
  });

  it('is 404 for an unknown opportunity and for /offers itself', () => {
    const missing = get(sim, '/opportunities/00000000-0000-4000-8000-000000000000/offers');
    expect(missing.status).toBe(404);
    expect(missing.json.code).toBe('ResourceNotFound');
    expect(get(sim, '/offers').status).toBe(404);
    expect(get(sim, `/opportunities/${hire.id}/offers/extra`).status).toBe(404);
  });

  it('is 403 for a key without the offers permission, even for an opportunity it can read', () => {
    const denied = get(sim, `/opportunities/${hire.id}/offers`, [], OPPS_ONLY);
    expect(denied.status).toBe(403);
    expect(denied.json.code).toBe('ForbiddenError');
    expect(get(sim, `/opportunities/${hire.id}`, [], OPPS_ONLY).status).toBe(200);
  });

  it("follows the opportunity's confidentiality", () => {
    expect(get(sim, `/opportunities/${secret.id}/offers`, [], FULL).json.data).toEqual(offers[secret.id]);
    const denied = get(sim, `/opportunities/${secret.id}/offers`, [], NO_CONFIDENTIAL);
    expect(denied.status).toBe(403);
    expect(get(sim, `/opportunities/${hire.id}/offers`, [], NO_CONFIDENTIAL).status).toBe(200);
  });

  it('paginates with tokens bound to the opportunity, and expands the creator', () => {
    const other = hires(dataset).find((o) => o.id !== hire.id && o.confidentiality === 'non-confidential');
    const extra = { ...offers[hire.id][0], id: 'second-offer', status: 'denied' as const };
    offers[hire.id] = [...offers[hire.id], extra];
    const walked = walk(sim, `/opportunities/${hire.id}/offers`, [['limit', '1']]);
    expect(walked.pages).toHaveLength(2);
    expect(walked.records).toEqual(offers[hire.id]);
    const token = walked.pages[0].json.next as string;
    const foreign = get(sim, `/opportunities/${other?.id}/offers`, [
      ['limit', '1'],
      ['offset', token],
    ]);
    expect(foreign.json.message).toMatch(/Invalid offset token/);
    const expanded = get(sim, `/opportunities/${hire.id}/offers`, [['expand', 'creator']]).json.data[0];
    expect(expanded.creator).toEqual(dataset.users.find((u) => u.id === offers[hire.id][0].creator));
    expect(get(sim, `/opportunities/${hire.id}/offers`, [['expand', 'stage']]).status).toBe(400);
  });

  it('is rate limited, fault-injectable on */offers and logged like other endpoints', () => {
    const limited = makeFixture({ opportunities: 300, requisitions: 20, rateLimit: { perSecond: 1, burst: 2 } });
    const path = `/opportunities/${limited.dataset.opportunities[0].id}/offers`;
    const statuses = [1, 2, 3].map(() => get(limited.sim, path).status);
    expect(statuses).toEqual([200, 200, 429]);
    sim.injectFaults({ status: 503, count: 1, path: '/opportunities/*/offers' });
    expect(get(sim, '/opportunities').status).toBe(200);
    expect(get(sim, `/opportunities/${hire.id}/offers`).status).toBe(503);
    expect(get(sim, `/opportunities/${hire.id}/offers`).status).toBe(200);
    expect(sim.requests[sim.requests.length - 1]).toMatchObject({ path: `/v1/opportunities/${hire.id}/offers` });
  });
});
