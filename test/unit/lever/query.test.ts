// Query strings: repeated keys for lists, values encoded once, offset tokens never double-encoded.
import { buildQueryString, buildUrl, offsetParam } from '../../../src/lever/query';

describe('buildQueryString', () => {
  it('repeats the key for each value of a list', () => {
    expect(buildQueryString({ tag: ['a', 'b'], limit: 100 })).toBe('tag=a&tag=b&limit=100');
  });

  it('percent-encodes names and values', () => {
    expect(buildQueryString({ tag: ['R&D / Paris', 'C++ =1'] })).toBe('tag=R%26D%20%2F%20Paris&tag=C%2B%2B%20%3D1');
  });

  it('leaves out undefined and null values but keeps false and 0', () => {
    expect(buildQueryString({ a: undefined, b: null, archived: false, created_at_start: 0 })).toBe(
      'archived=false&created_at_start=0',
    );
  });

  it('gives an empty string for no parameters', () => {
    expect(buildQueryString({})).toBe('');
  });
});

describe('offset tokens', () => {
  const token = '%5B1%2C1750233409740%2C%2248dd4e94-fea0-4f9a-be5f-95b1853cbbbe%22%5D';

  it('passes the token back exactly as Lever sent it, percent-encoded once by the URL builder (unknowns 5)', () => {
    const url = buildUrl('https://api.lever.co/v1', '/opportunities', { limit: 100, offset: offsetParam(token) });
    expect(offsetParam(token)).toBe(token);
    expect(url).toBe(`https://api.lever.co/v1/opportunities?limit=100&offset=${encodeURIComponent(token)}`);
    expect(new URL(url).searchParams.get('offset')).toBe(token);
  });

  it('never decodes and re-encodes a token (its bytes could change)', () => {
    const lower = '%5b1%2c2%5d';
    expect(new URL(buildUrl('https://x', '/o', { offset: offsetParam(lower) })).searchParams.get('offset')).toBe(lower);
  });

  it('encodes a plain token as is', () => {
    const plain = '0.1414895548650.a6070140-33db-407c-91f5-2760e15c8e94';
    expect(buildQueryString({ offset: offsetParam(plain) })).toBe(`offset=${plain}`);
  });

  it('keeps a token with a stray percent sign intact', () => {
    expect(new URLSearchParams(buildQueryString({ offset: offsetParam('50%off') })).get('offset')).toBe('50%off');
  });
});

describe('buildUrl', () => {
  it('joins base, path and query, with no "?" when there is no query', () => {
    expect(buildUrl('https://api.lever.co/v1', '/stages', {})).toBe('https://api.lever.co/v1/stages');
    expect(buildUrl('https://api.lever.co/v1', '/users', { includeDeactivated: true })).toBe(
      'https://api.lever.co/v1/users?includeDeactivated=true',
    );
  });
});
