// Through the built bundle: faults, revoked keys, adversarial text and overlapping runs never damage the sheet.
import type { RunRecord } from '../../src/shared/types';
import {
  allFormulas,
  book,
  connect,
  createHarness,
  documentProperties,
  EVERYTHING,
  FULL_KEY,
  lastOf,
  opportunityImport,
  runToEnd,
  saveImport,
  sheet,
  sheetIds,
  USER,
} from './import-support';

describe('Lever failures', () => {
  it('still imports the exact set when 429s and 503s come in bursts mid-pagination', () => {
    const h = createHarness({ opportunities: 900, requisitions: 10, retryAfter: true });
    connect(h);
    const definition = saveImport(h, opportunityImport({ filters: EVERYTHING, columns: ['name'] }));
    h.sim.injectFaults({ status: 503, count: 3, afterRequests: 4, path: '/opportunities' });
    h.sim.injectFaults({ status: 429, count: 4, afterRequests: 7, path: '/opportunities' });
    h.sim.injectFaults({ status: 502, count: 2, afterRequests: 9 });
    const run = lastOf(runToEnd(h, definition.id));
    expect(run.status).toBe('succeeded');
    const ids = sheetIds(h, 'Opportunities');
    expect(ids).toEqual(h.sim.query('opportunities', { confidentiality: 'all' }));
    expect(new Set(ids).size).toBe(ids.length);
    expect(h.sim.requests.some((request) => request.status === 503)).toBe(true);
  });

  it.each<[string, (h: ReturnType<typeof createHarness>) => void, string, RegExp]>([
    [
      'a persistent 500',
      (h) => h.sim.injectFaults({ status: 500, count: 10_000, path: '/opportunities' }),
      'LEVER_UNAVAILABLE',
      /Lever/,
    ],
    ['a revoked key', (h) => h.sim.revokeKey(FULL_KEY), 'LEVER_AUTH', /key/i],
  ])('%s leaves the previous sheet untouched and says why', (_name, breakIt, code, message) => {
    const h = createHarness({ opportunities: 300, requisitions: 10 });
    connect(h);
    const definition = saveImport(h, opportunityImport());
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    const before = sheet(h, 'Opportunities').values();
    const sheetsBefore = book(h).sheetNames();
    h.dataset.opportunities.push({
      ...h.dataset.opportunities[0],
      id: 'new-opportunity',
      createdAt: h.emu.clock.now(),
    });
    breakIt(h);
    const failed = lastOf(runToEnd(h, definition.id));
    expect(failed).toMatchObject({ status: 'failed', errorCode: code });
    expect(failed.message).toMatch(message);
    expect(failed.message).not.toContain(FULL_KEY);
    expect(sheet(h, 'Opportunities').values()).toEqual(before);
    expect(book(h).sheetNames()).toEqual(sheetsBefore);
    expect(h.call<RunRecord>('getRunProgress', [definition.id])).toMatchObject({ status: 'failed', errorCode: code });
  });
});

describe('adversarial text', () => {
  it('stores every Lever string as that exact text, never as a formula, number or date', () => {
    const h = createHarness({ opportunities: 150, requisitions: 10 });
    const nasty = [
      '=HYPERLINK("http://evil","x")',
      '+44 London',
      '-internal',
      '@ceo',
      '001',
      '3/4',
      "'quoted",
      'TRUE',
      '50%',
      '=1+1',
    ];
    nasty.forEach((name, i) => {
      const record = h.dataset.opportunities[i];
      h.dataset.opportunities[i] = {
        ...record,
        name,
        headline: nasty[(i + 3) % nasty.length],
        tags: [nasty[(i + 5) % nasty.length]],
      };
    });
    connect(h);
    const columns = ['name', 'headline', 'location', 'tags'];
    const definition = saveImport(h, opportunityImport({ filters: EVERYTHING, columns }));
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    const target = sheet(h, 'Opportunities');
    expect(allFormulas(target)).toEqual([]);
    const byId = new Map(h.dataset.opportunities.map((record) => [record.id, record]));
    const rows = target.values().slice(1);
    expect(rows.length).toBe(h.dataset.opportunities.length);
    for (const [id, name, headline, location, tags] of rows) {
      const record = byId.get(String(id))!;
      expect([name, headline, location, tags]).toEqual([
        record.name,
        record.headline,
        record.location,
        (record.tags as string[]).join(', '),
      ]);
    }
    const properties = JSON.stringify(documentProperties(h));
    expect(properties).not.toContain(FULL_KEY);
    expect(JSON.stringify(target.values())).not.toContain(FULL_KEY);
  });
});

describe('one run at a time', () => {
  it('answers a second runImport with BUSY while the first holds the lock, and the first finishes', () => {
    const h = createHarness({ opportunities: 300, requisitions: 10 });
    connect(h);
    const definition = saveImport(h, opportunityImport());
    const handle = h.sim.handle.bind(h.sim);
    let second: ReturnType<typeof h.emu.callFromSidebar> | undefined;
    h.sim.handle = (request) => {
      if (!second && request.url.includes('/opportunities')) {
        second = h.emu.callFromSidebar('runImport', [definition.id], { user: USER, spreadsheetId: h.ssId });
      }
      return handle(request);
    };
    const first = h.call<RunRecord>('runImport', [definition.id]);
    expect(second?.ok).toBe(false);
    expect(second?.error?.message).toMatch(/already running/);
    expect(first.status).toBe('succeeded');
    expect(sheetIds(h, 'Opportunities').length).toBe(first.rowsWritten);
  });
});
