// CacheService: scopes, string-only values, size limits, expiry on the virtual clock, eviction.
import { ANA, emulator } from './helpers';

const BUNDLE = `
  function put(key, value, seconds) { CacheService.getScriptCache().put(key, value, seconds); }
  function get(key) { return CacheService.getScriptCache().get(key); }
  function many() {
    const cache = CacheService.getUserCache();
    cache.putAll({ a: '1', b: '2', c: '3' });
    cache.remove('b');
    const hits = cache.getAll(['a', 'b', 'c', 'd']);
    cache.removeAll(['a', 'c']);
    return [hits, cache.get('a')];
  }
  function documentCache() { return CacheService.getDocumentCache() === null; }
  function fill(n) { const cache = CacheService.getScriptCache(); for (let i = 0; i < n; i++) cache.put('k' + i, 'v', 1 + i); }`;

test('values expire on the virtual clock', () => {
  const emu = emulator(BUNDLE);
  emu.run('put', ['k', 'v', 60]);
  emu.clock.advance(59_000);
  expect(emu.run('get', ['k']).value).toBe('v');
  emu.clock.advance(1_000);
  expect(emu.run('get', ['k']).value).toBeNull();
  emu.run('put', ['d', 'v']);
  emu.clock.advance(599_000);
  expect(emu.run('get', ['d']).value).toBe('v'); // default expiry 600 s
});

test('putAll, getAll (hits only), remove and removeAll', () => {
  const emu = emulator(BUNDLE);
  expect(emu.run('many', [], { user: ANA }).value).toEqual([{ a: '1', c: '3' }, null]);
});

test('limits and types', () => {
  const emu = emulator(BUNDLE);
  expect(emu.run('put', ['k'.repeat(251), 'v']).error?.message).toBe('Argument too large: key');
  expect(emu.run('put', ['k', 'v'.repeat(100 * 1024 + 1)]).error?.message).toBe('Argument too large: value');
  expect(emu.run('put', ['k', 5]).error?.message).toBe(
    "The parameters (String,Number) don't match the method signature for CacheService.Cache.put.",
  );
  expect(emu.run('put', ['k', 'v', 21601]).ok).toBe(false);
  expect(emu.run('documentCache').value).toBe(true);
});

test('past 1000 items the 900 farthest from expiry are kept', () => {
  const emu = emulator(BUNDLE);
  emu.run('fill', [1001]);
  expect(emu.run('get', ['k0']).value).toBeNull(); // the soonest to expire went first
  expect(emu.run('get', ['k100']).value).toBeNull();
  expect(emu.run('get', ['k101']).value).toBe('v');
  expect(emu.run('get', ['k1000']).value).toBe('v');
});

test('seeded early eviction makes any read able to miss', () => {
  const emu = emulator(BUNDLE, { cacheEvictionProbability: 0.5, seed: 3 });
  const hits = Array.from({ length: 40 }, (_, i) => {
    emu.run('put', [`k${i}`, 'v', 600]);
    return emu.run('get', [`k${i}`]).value === 'v';
  });
  expect(hits.filter(Boolean).length).toBeGreaterThan(5);
  expect(hits.filter((hit) => !hit).length).toBeGreaterThan(5);
});
