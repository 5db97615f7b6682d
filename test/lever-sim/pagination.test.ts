// Pagination: every record exactly once in Lever's order, the envelope, offset tokens and limit validation.

import { INVALID_OFFSET_MESSAGE } from '../../tools/lever-sim';
import { basic, FULL, get, ids, leverOrder, makeFixture, NEWEST_FIRST, request, walk } from './support';

const { sim, dataset } = makeFixture({
  opportunities: 430,
  requisitions: 90,
  readings: { ...NEWEST_FIRST, invalidTokenStatus: 400 },
});

describe('list pagination', () => {
  it.each([1, 7, 100, undefined])('visits every opportunity exactly once with limit %s', (limit) => {
    const params: Array<[string, string]> = [['confidentiality', 'all']];
    if (limit !== undefined) params.push(['limit', String(limit)]);
    const { records, pages } = walk<{ id: string }>(sim, '/opportunities', params);
    expect(ids(records)).toEqual(ids(leverOrder(dataset.opportunities)));
    expect(new Set(ids(records)).size).toBe(dataset.opportunities.length);
    const pageSize = limit ?? 100;
    expect(pages).toHaveLength(Math.ceil(dataset.opportunities.length / pageSize));
    for (const page of pages.slice(0, -1)) {
      expect(page.json.hasNext).toBe(true);
      expect(typeof page.json.next).toBe('string');
      expect(page.json.data).toHaveLength(pageSize);
    }
  });

  it('leaves next out on the last page', () => {
    const { pages } = walk(sim, '/requisitions', [
      ['limit', '40'],
      ['confidentiality', 'all'],
    ]);
    const last = pages[pages.length - 1];
    expect(last.json.hasNext).toBe(false);
    expect('next' in last.json).toBe(false);
    expect(Object.keys(last.json).sort()).toEqual(['data', 'hasNext']);
  });

  it('orders ties on createdAt by id', () => {
    const { records } = walk<{ id: string; createdAt: number }>(sim, '/opportunities', [['limit', '3']]);
    const tied = records.filter((record, i) => i > 0 && records[i - 1].createdAt === record.createdAt);
    expect(tied.length).toBeGreaterThan(0);
    records.forEach((record, i) => {
      const previous = records[i - 1];
      if (previous?.createdAt === record.createdAt) expect(previous.id < record.id).toBe(true);
    });
  });

  it('pages requisitions, users and postings the same way', () => {
    const requisitions = walk<{ id: string }>(sim, '/requisitions', [
      ['limit', '13'],
      ['confidentiality', 'all'],
    ]);
    expect(ids(requisitions.records)).toEqual(ids(leverOrder(dataset.requisitions)));
    const users = walk<{ id: string }>(sim, '/users', [
      ['limit', '4'],
      ['includeDeactivated', 'true'],
    ]);
    expect(ids(users.records)).toEqual(ids(leverOrder(dataset.users)));
    const postings = walk<{ id: string }>(sim, '/postings', [
      ['limit', '6'],
      ['confidentiality', 'all'],
    ]);
    expect(ids(postings.records)).toEqual(ids(leverOrder(dataset.postings)));
  });

  it('pages the small lookups in account order', () => {
    const stages = walk<{ id: string }>(sim, '/stages', [['limit', '2']]);
    expect(ids(stages.records)).toEqual(ids(dataset.stages));
    const tags = walk<{ text: string }>(sim, '/tags', [['limit', '5']]);
    expect(new Set(tags.records.map((tag) => tag.text)).size).toBe(tags.records.length);
  });

  it('returns an empty last page for a query that matches nothing', () => {
    const page = get(sim, '/opportunities', [['tag', 'no such tag anywhere']]);
    expect(page.status).toBe(200);
    expect(page.json).toEqual({ data: [], hasNext: false });
  });
});

describe('offset tokens', () => {
  const first = get(sim, '/opportunities', [
    ['limit', '5'],
    ['archived', 'false'],
  ]);
  const token: string = first.json.next;
  const base = 'https://api.lever.co/v1/opportunities?limit=5&archived=false';

  it('is URL-encoded JSON whose keyset is the last record of the page', () => {
    const decoded = JSON.parse(decodeURIComponent(token));
    const last = first.json.data[first.json.data.length - 1];
    expect(decoded.slice(0, 3)).toEqual([1, last.createdAt, last.id]);
  });

  it('is accepted only exactly as sent, encoded once by the URL builder (unknowns 5)', () => {
    const once = request(sim, `${base}&offset=${encodeURIComponent(token)}`, basic(FULL));
    expect(once.status).toBe(200);
    expect(ids(once.json.data)).not.toEqual(ids(first.json.data));
    const decoded = decodeURIComponent(token);
    const variants = [
      token, // decoded by the client before its URL builder encoded it (the old "decode first" habit)
      encodeURIComponent(encodeURI(decoded)), // decoded and re-encoded with another encoder
      encodeURIComponent(token.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())), // lower-case hex
      encodeURIComponent(encodeURIComponent(JSON.stringify(JSON.parse(decoded), null, 1))), // re-serialized
    ];
    for (const variant of variants) {
      const refused = request(sim, `${base}&offset=${variant}`, basic(FULL));
      expect(refused.status).toBe(400);
      expect(refused.json.message).toBe(INVALID_OFFSET_MESSAGE);
    }
  });

  it('may be reused with a different limit (offset and limit are not part of the query identity)', () => {
    const page = request(
      sim,
      `https://api.lever.co/v1/opportunities?limit=9&archived=false&offset=${encodeURIComponent(token)}`,
      basic(FULL),
    );
    expect(page.status).toBe(200);
    expect(page.json.data).toHaveLength(9);
  });

  it.each([
    ['another filter', 'https://api.lever.co/v1/opportunities?limit=5&archived=true'],
    ['a dropped filter', 'https://api.lever.co/v1/opportunities?limit=5'],
    ['another endpoint', 'https://api.lever.co/v1/requisitions?limit=5&archived=false'],
  ])('is rejected with %s', (_label, url) => {
    const response = request(sim, `${url}&offset=${encodeURIComponent(token)}`, basic(FULL));
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ code: 'BadRequestError', message: INVALID_OFFSET_MESSAGE });
    expect(INVALID_OFFSET_MESSAGE).toBe('Invalid offset token: Offset token is invalid for sort');
  });

  it.each(['garbage', '', '%ZZ', '0.1414895548650.a6070140-33db-407c-91f5-2760e15c8e94', encodeURIComponent('[1,2]')])(
    'rejects the garbage token %j',
    (bad) => {
      const response = request(sim, `${base}&offset=${bad}`, basic(FULL));
      expect(response.status).toBe(400);
      expect(response.json.message).toBe(INVALID_OFFSET_MESSAGE);
    },
  );

  it('rejects a token whose query hash was tampered with', () => {
    const parts = JSON.parse(decodeURIComponent(token));
    parts[3] = '00000000';
    const tampered = encodeURIComponent(encodeURIComponent(JSON.stringify(parts)));
    const response = request(sim, `${base}&offset=${tampered}`, basic(FULL));
    expect(response.status).toBe(400);
  });
});

describe('limit', () => {
  it.each(['0', '101', 'abc', '1.5', '-1', ''])('rejects limit=%j with a 400 naming it', (limit) => {
    const response = get(sim, '/opportunities', [['limit', limit]]);
    expect(response.status).toBe(400);
    expect(response.json.code).toBe('BadRequestError');
    expect(response.json.message).toMatch(/^Invalid limit/);
  });

  it('rejects a repeated limit', () => {
    const response = get(sim, '/opportunities', [
      ['limit', '5'],
      ['limit', '6'],
    ]);
    expect(response.status).toBe(400);
    expect(response.json.message).toMatch(/^Invalid limit/);
  });

  it('applies to lookups too', () => {
    expect(get(sim, '/stages', [['limit', '500']]).status).toBe(400);
    expect(get(sim, '/stages', [['limit', '3']]).json.data).toHaveLength(3);
  });
});
