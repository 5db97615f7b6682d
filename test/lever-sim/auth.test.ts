// Authentication (Basic, key as username), environments, per-endpoint permissions, methods and the request log.

import { SimNetworkError } from '../../tools/lever-sim';
import { basic, buildUrl, FULL, get, makeFixture, NO_CONFIDENTIAL, OPPS_ONLY, request, SANDBOX } from './support';

const UNAUTHORIZED = { code: 'UnauthorizedError', message: 'The request requires authentication.' };

describe('authentication', () => {
  const { sim } = makeFixture({ opportunities: 30, requisitions: 10 });
  const url = buildUrl('/opportunities', [['limit', '1']]);

  it('accepts Basic base64("<key>:") and answers JSON', () => {
    const response = request(sim, url, basic(FULL));
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toMatch(/^application\/json/);
  });

  it('accepts the header name in any case', () => {
    expect(request(sim, url, { authorization: basic(FULL).Authorization }).status).toBe(200);
  });

  it.each([
    ['no header', {}],
    ['an unknown key', basic('not-a-key')],
    ['a key with a password', { Authorization: `Basic ${Buffer.from(`${FULL}:secret`).toString('base64')}` }],
    ['a key without the colon', { Authorization: `Basic ${Buffer.from(FULL).toString('base64')}` }],
    ['a Bearer token', { Authorization: `Bearer ${FULL}` }],
    ['the key sent in clear', { Authorization: `Basic ${FULL}:` }],
  ])('answers 401 to %s', (_label, headers) => {
    const response = request(sim, url, headers);
    expect(response.status).toBe(401);
    expect(response.json).toEqual(UNAUTHORIZED);
  });

  it('answers 401 once a key is revoked, and accepts a key added later', () => {
    const { sim: local } = makeFixture({ opportunities: 5, requisitions: 2 });
    expect(request(local, url, basic(NO_CONFIDENTIAL)).status).toBe(200);
    local.revokeKey(NO_CONFIDENTIAL);
    expect(request(local, url, basic(NO_CONFIDENTIAL)).json).toEqual(UNAUTHORIZED);
    local.addKey({ key: 'fresh-key', environment: 'production', permissions: 'all', confidential: false });
    expect(request(local, url, basic('fresh-key')).status).toBe(200);
  });

  it('only accepts a key on the hosts of its environment', () => {
    expect(request(sim, url, basic(SANDBOX)).json).toEqual(UNAUTHORIZED);
    const sandboxUrl = buildUrl('/opportunities', [['limit', '1']], 'api.sandbox.lever.co');
    expect(request(sim, sandboxUrl, basic(SANDBOX)).status).toBe(200);
    expect(request(sim, sandboxUrl, basic(FULL)).status).toBe(401);
    expect(request(sim, buildUrl('/stages', [], 'api.eu.lever.co'), basic(FULL)).status).toBe(401);
  });

  it('throws a network error for an unknown host or plain http, like a DNS failure', () => {
    expect(() =>
      sim.handle({ url: buildUrl('/stages', [], 'api.lever.com'), method: 'GET', headers: basic(FULL) }),
    ).toThrow(SimNetworkError);
    expect(() => sim.handle({ url: 'http://api.lever.co/v1/stages', method: 'GET', headers: basic(FULL) })).toThrow(
      SimNetworkError,
    );
  });
});

describe('permissions and methods', () => {
  const { sim } = makeFixture({ opportunities: 30, requisitions: 10 });

  it('answers 403 for an endpoint outside the key permissions, naming nothing secret', () => {
    expect(get(sim, '/opportunities', [], OPPS_ONLY).status).toBe(200);
    expect(get(sim, '/stages', [], OPPS_ONLY).status).toBe(200);
    for (const path of ['/requisitions', '/users', '/postings', '/archive_reasons', '/requisition_fields']) {
      const response = get(sim, path, [], OPPS_ONLY);
      expect(response.status).toBe(403);
      expect(response.json.code).toBe('ForbiddenError');
      expect(response.json.message).toMatch(/^Your Lever account settings don't authorize you/);
      expect(response.body).not.toContain(OPPS_ONLY);
    }
  });

  it('supports only GET', () => {
    const response = request(sim, buildUrl('/opportunities'), basic(FULL), 'POST');
    expect(response.status).toBe(405);
    expect(response.json.code).toBe('MethodNotAllowed');
    expect(request(sim, buildUrl('/opportunities'), basic(FULL), 'get').status).toBe(200);
  });
});

describe('request log', () => {
  it('records method, path, decoded query, status and key, never the Authorization header', () => {
    const { sim, clock } = makeFixture({ opportunities: 10, requisitions: 2 });
    clock.now += 1234;
    get(sim, '/opportunities', [
      ['stage_id', 'a b'],
      ['stage_id', 'c'],
      ['limit', '2'],
    ]);
    request(sim, buildUrl('/stages'), {});
    expect(sim.requests).toEqual([
      {
        at: clock.now,
        method: 'GET',
        path: '/v1/opportunities',
        query: { stage_id: ['a b', 'c'], limit: ['2'] },
        status: 200,
        key: FULL,
      },
      { at: clock.now, method: 'GET', path: '/v1/stages', query: {}, status: 401 },
    ]);
    expect(JSON.stringify(sim.requests)).not.toContain(basic(FULL).Authorization.slice(6));
  });
});
