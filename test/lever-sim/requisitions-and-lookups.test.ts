// /requisitions filters (§2.2), the lookup lists, single-object GETs and `expand`.

import type { Opportunity, Requisition } from '../../tools/lever-sim';
import { FULL, get, ids, leverOrder, makeFixture, NEWEST_FIRST, NO_CONFIDENTIAL, type Params, walk } from './support';

const { sim, dataset } = makeFixture({
  opportunities: 300,
  requisitions: 160,
  readings: { ...NEWEST_FIRST, statusReading: 'union', confidentialDenial: 'forbidden' },
});

function expectedRequisitions(keep: (r: Requisition) => boolean, all = false): string[] {
  const visible = dataset.requisitions.filter((r) => all || r.confidentiality !== 'confidential');
  return ids(leverOrder(visible.filter(keep)));
}

function servedRequisitions(params: Params, key = FULL): string[] {
  return ids(walk<{ id: string }>(sim, '/requisitions', [['limit', '17'], ...params], key).records);
}

describe('/requisitions', () => {
  it('serves non-confidential requisitions by default (a missing confidentiality counts as non-confidential)', () => {
    expect(dataset.requisitions.some((r) => r.confidentiality === undefined)).toBe(true);
    expect(servedRequisitions([])).toEqual(expectedRequisitions(() => true));
    expect(servedRequisitions([['confidentiality', 'confidential']])).toEqual(
      expectedRequisitions((r) => r.confidentiality === 'confidential', true),
    );
    expect(get(sim, '/requisitions', [['confidentiality', 'all']], NO_CONFIDENTIAL).status).toBe(403);
  });

  it('status is a union and validated', () => {
    const result = servedRequisitions([
      ['status', 'open'],
      ['status', 'onHold'],
    ]);
    expect(result).toEqual(expectedRequisitions((r) => r.status === 'open' || r.status === 'onHold'));
    expect(result.length).toBeGreaterThan(0);
    const bad = get(sim, '/requisitions', [['status', 'archived']]);
    expect(bad.status).toBe(400);
    expect(bad.json.message).toContain('status');
  });

  it('filters on requisition_code and an inclusive created_at window', () => {
    const target = dataset.requisitions[10];
    expect(
      servedRequisitions([
        ['requisition_code', target.requisitionCode],
        ['confidentiality', 'all'],
      ]),
    ).toEqual([target.id]);
    const at = String(target.createdAt);
    expect(
      servedRequisitions([
        ['created_at_start', at],
        ['confidentiality', 'all'],
      ]),
    ).toEqual(expectedRequisitions((r) => r.createdAt >= target.createdAt, true));
    expect(
      servedRequisitions([
        ['created_at_end', at],
        ['confidentiality', 'all'],
      ]),
    ).toContain(target.id);
  });

  it('ignores opportunity-only filters, as Lever does', () => {
    expect(
      servedRequisitions([
        ['archived', 'true'],
        ['updated_at_start', '0'],
        ['snoozed', 'maybe'],
      ]),
    ).toEqual(expectedRequisitions(() => true));
  });

  it('expands creator, hiringManager, owner and postings', () => {
    const params: Params = ['creator', 'hiringManager', 'owner', 'postings'].map((field) => ['expand', field]);
    const page = get(sim, '/requisitions', [['limit', '50'], ['confidentiality', 'all'], ...params]);
    const withManager = page.json.data.find((r: Requisition) => r.hiringManager !== undefined);
    const raw = dataset.requisitions.find((r) => r.id === withManager.id) as Requisition;
    expect(withManager.hiringManager.id).toBe(raw.hiringManager);
    expect(withManager.creator.name).toBe(dataset.users.find((u) => u.id === raw.creator)?.name);
    const withPosting = page.json.data.find((r: { postings: unknown[] }) => r.postings.length > 0);
    expect(typeof withPosting.postings[0].text).toBe('string');
    expect(typeof raw.creator).toBe('string');
  });
});

describe('lookups', () => {
  it('/users lists active users unless includeDeactivated=true', () => {
    const active = walk<{ id: string }>(sim, '/users').records;
    expect(ids(active)).toEqual(ids(leverOrder(dataset.users.filter((u) => u.deactivatedAt === null))));
    const everyone = walk<{ id: string }>(sim, '/users', [['includeDeactivated', 'true']]).records;
    expect(everyone.length).toBe(dataset.users.length);
    expect(everyone.length).toBeGreaterThan(active.length);
  });

  it('/users/:id serves a deactivated user by id', () => {
    const gone = dataset.users.find((u) => u.deactivatedAt !== null);
    expect(get(sim, `/users/${gone?.id}`).json).toEqual({ data: gone });
  });

  it('/archive_reasons filters by type', () => {
    const hired = walk<{ type: string; text: string }>(sim, '/archive_reasons', [['type', 'hired']]).records;
    expect(hired.map((r) => r.text)).toEqual(['Hired', 'Hired - internal transfer']);
    expect(hired.every((r) => r.type === 'hired')).toBe(true);
    expect(walk(sim, '/archive_reasons').records).toEqual(dataset.archiveReasons);
    expect(get(sim, '/archive_reasons', [['type', 'fired']]).status).toBe(400);
  });

  it('/postings defaults to non-confidential and filters by state', () => {
    const postings = walk<{ id: string; confidentiality: string }>(sim, '/postings').records;
    expect(postings.every((p) => p.confidentiality === 'non-confidential')).toBe(true);
    expect(postings.length).toBe(dataset.postings.filter((p) => p.confidentiality === 'non-confidential').length);
    const published = walk<{ state: string }>(sim, '/postings', [['state', 'published']]).records;
    expect(published.length).toBeGreaterThan(0);
    expect(published.every((p) => p.state === 'published')).toBe(true);
  });

  it('/stages, /requisition_fields, /sources and /tags', () => {
    expect(walk(sim, '/stages').records).toEqual(dataset.stages);
    expect(walk(sim, '/requisition_fields').records).toEqual(dataset.requisitionFields);
    const required = walk<{ isRequired: boolean }>(sim, '/requisition_fields', [['isRequired', 'true']]).records;
    expect(required.every((f) => f.isRequired) && required.length > 0).toBe(true);
    const sources = walk<{ text: string; count: number }>(sim, '/sources').records;
    const linkedIn = dataset.opportunities.filter((o) => o.sources.includes('LinkedIn')).length;
    expect(sources.find((s) => s.text === 'LinkedIn')?.count).toBe(linkedIn);
    const tags = walk<{ text: string; count: number }>(sim, '/tags').records;
    expect(tags.find((t) => t.text === '-internal')?.count).toBeGreaterThan(0);
    expect(Object.keys(tags[0]).sort()).toEqual(['count', 'text']);
  });
});

describe('single objects and expand', () => {
  const opportunity = dataset.opportunities.find(
    (o) => o.confidentiality === 'non-confidential' && o.applications.length > 0,
  ) as Opportunity;

  it('GET /opportunities/:id answers {data}', () => {
    expect(get(sim, `/opportunities/${opportunity.id}`).json).toEqual({ data: opportunity });
  });

  it('answers 404 ResourceNotFound for a missing id and an unknown path', () => {
    const missing = get(sim, '/opportunities/00000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({
      code: 'ResourceNotFound',
      message: 'opportunities 00000000-0000-0000-0000-000000000000 was not found',
    });
    for (const path of ['/candidates', '/tags/x', '/opportunities/x/offers']) {
      const response = get(sim, path);
      expect(response.status).toBe(404);
      expect(response.json.code).toBe('ResourceNotFound');
    }
  });

  it('answers 403 for a confidential record to a key without confidential access', () => {
    const secret = dataset.opportunities.find((o) => o.confidentiality === 'confidential') as Opportunity;
    expect(get(sim, `/opportunities/${secret.id}`, [], NO_CONFIDENTIAL).status).toBe(403);
    expect(get(sim, `/opportunities/${secret.id}`, [], FULL).json.data.id).toBe(secret.id);
  });

  it('expands stage, owner, followers, sourcedBy, contact and applications', () => {
    const sourced = dataset.opportunities.find(
      (o) => o.sourcedBy && o.owner && o.followers.length > 0 && o.confidentiality === 'non-confidential',
    ) as Opportunity;
    const fields = ['stage', 'owner', 'followers', 'sourcedBy', 'contact', 'applications'];
    for (const target of [sourced, opportunity]) {
      const { data } = get(
        sim,
        `/opportunities/${target.id}`,
        fields.map((f) => ['expand', f]),
      ).json;
      expect(data.stage).toEqual(dataset.stages.find((s) => s.id === target.stage));
      expect(data.owner?.id ?? null).toBe(target.owner);
      expect(data.followers.map((u: { id: string }) => u.id)).toEqual(target.followers);
      expect(data.sourcedBy?.id ?? null).toBe(target.sourcedBy);
      expect(data.contact).toMatchObject({ id: target.contact, name: target.name, emails: target.emails });
      expect(data.applications.map((a: { id: string }) => a.id)).toEqual(target.applications);
    }
    expect(
      get(sim, `/opportunities/${opportunity.id}`, [['expand', 'applications']]).json.data.applications[0].posting,
    ).toEqual(expect.any(String));
    expect(typeof opportunity.stage).toBe('string');
  });

  it('expands on lists too, with deactivated owners resolved', () => {
    const page = get(sim, '/opportunities', [
      ['expand', 'owner'],
      ['limit', '100'],
    ]);
    const owners = page.json.data
      .map((o: { owner: { deactivatedAt: number | null } | null }) => o.owner)
      .filter(Boolean);
    expect(owners.length).toBeGreaterThan(0);
    expect(owners.every((owner: { id: string }) => typeof owner.id === 'string')).toBe(true);
    expect(owners.some((owner: { deactivatedAt: number | null }) => owner.deactivatedAt !== null)).toBe(true);
  });
});
