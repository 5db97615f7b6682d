// The UrlFetchApp adapter: muted HTTP errors come back as values, connection failures as typed network failures.
import { appsScriptBase64, appsScriptHttp } from '../../../src/gas/http';

type Params = Record<string, unknown>;

function response(status: number, body: string, headers: Record<string, unknown> = {}) {
  return { getResponseCode: () => status, getContentText: () => body, getHeaders: () => headers };
}

const globals = globalThis as Record<string, unknown>;
let calls: Array<{ url: string; params: Params }> = [];

function stubUrlFetch(behaviour: (url: string) => ReturnType<typeof response>) {
  calls = [];
  globals.UrlFetchApp = {
    fetch: (url: string, params: Params) => {
      calls.push({ url, params });
      return behaviour(url);
    },
    fetchAll: (requests: Array<Params & { url: string }>) =>
      requests.map(({ url, ...params }) => {
        calls.push({ url, params });
        return behaviour(url);
      }),
  };
}

afterEach(() => {
  delete globals.UrlFetchApp;
  delete globals.Utilities;
});

const request = { url: 'https://api.lever.co/v1/stages', headers: { Authorization: 'Basic x' } };

describe('appsScriptHttp', () => {
  it('mutes HTTP exceptions and returns status, headers and body', () => {
    stubUrlFetch(() => response(503, '{"message":"down"}', { 'Retry-After': 2 }));
    expect(appsScriptHttp.fetch(request)).toEqual({
      status: 503,
      headers: { 'Retry-After': '2' },
      body: '{"message":"down"}',
    });
    expect(calls[0].params).toMatchObject({ method: 'get', muteHttpExceptions: true, headers: request.headers });
  });

  it('sends a batch through one fetchAll, in order', () => {
    stubUrlFetch((url) => response(200, url));
    const urls = ['https://a.test/1', 'https://a.test/2'];
    const responses = appsScriptHttp.fetchAll(urls.map((url) => ({ url, headers: {} })));
    expect(responses.map((r) => r.body)).toEqual(urls);
    expect(calls.every((call) => call.params.muteHttpExceptions === true)).toBe(true);
  });

  it('turns connection failures into network failures (status 0), for the whole batch', () => {
    stubUrlFetch(() => {
      throw Object.assign(new Error('Address unavailable: https://api.lever.co/v1/stages'), { name: 'Exception' });
    });
    expect(appsScriptHttp.fetch(request)).toMatchObject({
      status: 0,
      networkError: expect.stringContaining('Address'),
    });
    expect(appsScriptHttp.fetchAll([request, request]).map((r) => r.status)).toEqual([0, 0]);
  });

  it('lets quota and permission failures through: retrying cannot fix them', () => {
    stubUrlFetch(() => {
      throw new Error('Service invoked too many times for one day: urlfetch.');
    });
    expect(() => appsScriptHttp.fetch(request)).toThrow(/too many times/);
  });

  it('does not call UrlFetchApp for an empty batch', () => {
    stubUrlFetch(() => response(200, ''));
    expect(appsScriptHttp.fetchAll([])).toEqual([]);
    expect(calls).toHaveLength(0);
  });
});

describe('appsScriptBase64', () => {
  it('encodes as UTF-8', () => {
    const seen: unknown[] = [];
    globals.Utilities = {
      Charset: { UTF_8: 'UTF_8' },
      base64Encode: (text: string, charset: unknown) => {
        seen.push(charset);
        return Buffer.from(text, 'utf8').toString('base64');
      },
    };
    expect(appsScriptBase64('k:')).toBe('azo=');
    expect(seen).toEqual(['UTF_8']);
  });
});
