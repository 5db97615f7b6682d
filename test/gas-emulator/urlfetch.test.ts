// UrlFetchApp: virtual cost of fetch and fetchAll, Google's error texts, the allowlist, headers and quotas.
import type { FetchRequest, FetchResponse } from '../../tools/gas-emulator';
import { ALL_SCOPES, ANA, API, emulator, START } from './helpers';

function recordingHandler(respond: (req: FetchRequest) => FetchResponse) {
  const seen: Array<FetchRequest & { at: number }> = [];
  let now = () => 0;
  return {
    seen,
    bindClock: (clock: () => number) => {
      now = clock;
    },
    handler: (req: FetchRequest) => {
      seen.push({ ...req, at: now() });
      return respond(req);
    },
  };
}

const FETCH_ONE = `function one(url, params) { const r = UrlFetchApp.fetch(url, params);
  return { code: r.getResponseCode(), text: r.getContentText(), headers: r.getHeaders() }; }`;

describe('UrlFetchApp.fetch', () => {
  test('sends the request, costs the latency and keeps header case', () => {
    const rec = recordingHandler(() => ({
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: '{"ok":1}',
      latencyMs: 420,
    }));
    const emu = emulator(FETCH_ONE, { fetch: rec.handler });
    rec.bindClock(() => emu.clock.now());
    const result = emu.run('one', [`${API}v1/items?limit=2`, { headers: { Authorization: 'Basic abc' } }], {
      user: ANA,
    });
    expect(result.value).toEqual({ code: 200, text: '{"ok":1}', headers: { 'Content-Type': 'application/json' } });
    expect(result.elapsedMs).toBe(420);
    expect(rec.seen).toEqual([
      { url: `${API}v1/items?limit=2`, method: 'GET', headers: { Authorization: 'Basic abc' }, at: START },
    ]);
    expect(result.calls).toEqual({ 'UrlFetchApp.fetch': 1, 'UrlFetchApp.requests': 1 });
  });

  test('the default latency is urlFetchMs', () => {
    const emu = emulator(FETCH_ONE, { fetch: () => ({ status: 200, body: '' }), costs: { urlFetchMs: 900 } });
    expect(emu.run('one', [API]).elapsedMs).toBe(900);
  });

  test("a non-2xx response throws Google's text unless muted", () => {
    const body = `{"code":"Unauthorized","message":"${'x'.repeat(150)}"}`;
    const emu = emulator(FETCH_ONE, { fetch: () => ({ status: 401, body }) });
    const thrown = emu.run('one', [`${API}v1/opportunities?limit=100`]);
    expect(thrown.error).toEqual({
      name: 'Exception',
      message: `Request failed for https://api.example.com returned code 401. Truncated server response: ${body.slice(0, 100)} (use muteHttpExceptions option to examine full response)`,
    });
    const muted = emu.run('one', [API, { muteHttpExceptions: true }]);
    expect(muted.value).toMatchObject({ code: 401, text: body });
  });

  test('a network failure throws Address unavailable', () => {
    const emu = emulator(FETCH_ONE, {
      fetch: () => {
        throw new Error('ECONNREFUSED');
      },
    });
    expect(emu.run('one', [`${API}v1`]).error?.message).toBe(`Address unavailable: ${API}v1`);
  });

  test('the manifest allowlist is enforced with Google\'s text (query dropped, "?" kept)', () => {
    const emu = emulator(FETCH_ONE, { fetch: () => ({ status: 200, body: '' }) });
    expect(emu.run('one', ['https://evil.example.net/steal?key=secret']).error?.message).toBe(
      'Request to https://evil.example.net/steal? failed because the URL has not been whitelisted in the script manifest.',
    );
    expect(emu.run('one', ['https://api.example.com.evil.net/']).ok).toBe(false);
  });

  test('wildcard allowlist entries allow subdomains only', () => {
    const manifest = { timeZone: 'UTC', oauthScopes: ALL_SCOPES, urlFetchWhitelist: ['https://*.lever.example/'] };
    const emu = emulator(FETCH_ONE, { manifest, fetch: () => ({ status: 200, body: 'ok' }) });
    expect(emu.run('one', ['https://api.eu.lever.example/v1']).ok).toBe(true);
    expect(emu.run('one', ['https://lever.example/v1']).ok).toBe(false);
  });

  test('URL length, scheme and scope rules', () => {
    const emu = emulator(FETCH_ONE, { fetch: () => ({ status: 200, body: '' }) });
    const url = (length: number) => `${API}${'a'.repeat(length - API.length)}`;
    // The strict reading is Google's quota table (2 KB); fetch's reference says 2,082 characters.
    expect(emu.run('one', [url(2048)]).ok).toBe(true);
    expect(emu.run('one', [url(2049)]).error?.message).toBe('Limit Exceeded: URLFetch URL Length.');
    const lenient = emulator(FETCH_ONE, { fetch: () => ({ status: 200, body: '' }), readings: { urlLength: '2082' } });
    expect(lenient.run('one', [url(2082)]).ok).toBe(true);
    expect(lenient.run('one', [url(2083)]).error?.message).toBe('Limit Exceeded: URLFetch URL Length.');
    expect(emu.run('one', ['ftp://api.example.com/']).error?.message).toBe('Invalid argument: ftp://api.example.com/');
    const noScope = emulator(FETCH_ONE, { manifest: { timeZone: 'UTC', oauthScopes: ['spreadsheets'] } });
    expect(noScope.run('one', [API]).error?.message).toBe(
      'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
  });

  test('a reading passed as undefined keeps the strict URL length', () => {
    const emu = emulator(FETCH_ONE, { fetch: () => ({ status: 200, body: '' }), readings: { urlLength: undefined } });
    const url = `${API}${'a'.repeat(2100 - API.length)}`;
    expect(emu.readings.urlLength).toBe('2048');
    expect(emu.run('one', [url]).error?.message).toBe('Limit Exceeded: URLFetch URL Length.');
  });

  test('the daily quota per user', () => {
    const emu = emulator(FETCH_ONE, { fetch: () => ({ status: 200, body: '' }), dailyUrlFetchLimit: 2 });
    expect(emu.run('one', [API], { user: ANA }).ok).toBe(true);
    expect(emu.run('one', [API], { user: ANA }).ok).toBe(true);
    expect(emu.run('one', [API], { user: ANA }).error?.message).toBe(
      'Service invoked too many times for one day: urlfetch.',
    );
    expect(emu.run('one', [API], { user: 'ben@example.com' }).ok).toBe(true);
    emu.clock.advance(24 * 3600_000);
    expect(emu.run('one', [API], { user: ANA }).ok).toBe(true);
  });

  test('POST payloads, content type and redirects', () => {
    const rec = recordingHandler((req) =>
      req.url.endsWith('/old')
        ? { status: 302, headers: { Location: '/new' }, body: '' }
        : { status: 201, body: 'made' },
    );
    const emu = emulator(FETCH_ONE, { fetch: rec.handler });
    const result = emu.run('one', [`${API}old`, { method: 'post', payload: { a: '1 2', b: 3 } }]);
    expect(result.value).toMatchObject({ code: 201, text: 'made' });
    expect(rec.seen.map((r) => [r.method, r.url, r.payload, r.headers['Content-Type']])).toEqual([
      ['POST', `${API}old`, 'a=1%202&b=3', 'application/x-www-form-urlencoded'],
      ['GET', `${API}new`, undefined, undefined],
    ]);
  });
});

describe('UrlFetchApp.fetchAll', () => {
  const FETCH_ALL = `function all(urls) { return UrlFetchApp.fetchAll(urls.map((url) => ({ url, muteHttpExceptions: url.endsWith('muted') })))
    .map((r) => r.getResponseCode() + ':' + r.getContentText()); }`;

  test('requests leave together at one virtual time and the call costs the slowest', () => {
    const latency: Record<string, number> = { a: 100, b: 700, c: 300 };
    const rec = recordingHandler((req) => ({
      status: 200,
      body: req.url.slice(-1),
      latencyMs: latency[req.url.slice(-1)],
    }));
    const emu = emulator(FETCH_ALL, { fetch: rec.handler });
    rec.bindClock(() => emu.clock.now());
    const result = emu.run('all', [[`${API}a`, `${API}b`, `${API}c`]]);
    expect(result.value).toEqual(['200:a', '200:b', '200:c']);
    expect(result.elapsedMs).toBe(700);
    expect(rec.seen.map((r) => r.at)).toEqual([START, START, START]);
    expect(result.calls).toEqual({ 'UrlFetchApp.fetchAll': 1, 'UrlFetchApp.requests': 3 });
  });

  test('one failing request fails the whole call; muted ones come back', () => {
    const emu = emulator(FETCH_ALL, { fetch: (req) => ({ status: req.url.includes('bad') ? 503 : 200, body: 'x' }) });
    expect(emu.run('all', [[`${API}a`, `${API}bad`]]).error?.message).toMatch(
      /^Request failed for https:\/\/api.example.com returned code 503\./,
    );
    expect(emu.run('all', [[`${API}a`, `${API}bad-muted`]]).value).toEqual(['200:x', '503:x']);
  });

  test('a request outside the allowlist fails the batch before anything is sent', () => {
    const rec = recordingHandler(() => ({ status: 200, body: '' }));
    const emu = emulator(FETCH_ALL, { fetch: rec.handler });
    expect(emu.run('all', [[`${API}a`, 'https://other.example.org/x']]).ok).toBe(false);
    expect(rec.seen).toHaveLength(0);
  });
});
