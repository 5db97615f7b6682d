// Through the built bundle: the lookup tables the key check read in full serve the first run, which asks Lever only
// for those the check could not vouch for (more than one page, or postings of a key that reads confidential data).
import { type Harness, NO_CONFIDENTIAL_KEY, OTHER_USER } from '../support/harness';
import {
  connect,
  createHarness,
  FULL_KEY,
  lastOf,
  opportunityImport,
  runToEnd,
  saveImport,
  sheet,
  USER,
} from './import-support';

/** The lists the first run asked for (not the records), as `path?query`. */
function firstRunLookups(h: Harness, key: string): string[] {
  connect(h, key);
  const definition = saveImport(h, opportunityImport());
  const before = h.sim.requests.length;
  expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
  return h.sim.requests
    .slice(before)
    .filter((request) => request.path !== '/v1/opportunities')
    .map((request) => `${request.path.replace('/v1/', '')}?${new URLSearchParams(flat(request.query))}`);
}

function flat(query: Record<string, string[]>): [string, string][] {
  return Object.entries(query).flatMap(([name, values]) => values.map((value): [string, string] => [name, value]));
}

function shownStages(h: Harness): Set<string> {
  const [header, ...rows] = sheet(h, 'Opportunities').values();
  const column = header.indexOf('Stage');
  return new Set(rows.map((row) => String(row[column])));
}

describe('the key check serves the first run its lookup tables', () => {
  it('asks no stages, users or archive reasons again, but postings with confidentiality=all for a key that reads them', () => {
    const h = createHarness({ opportunities: 150, requisitions: 5 });
    const asked = firstRunLookups(h, FULL_KEY);
    expect(asked).toEqual(['postings?confidentiality=all&limit=100']);
    // Shown by name from the check's table, not as IDs.
    const names = new Set(h.dataset.stages.map((stage) => stage.text));
    const shown = [...shownStages(h)];
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.every((name) => names.has(name))).toBe(true);
  });

  it('asks no list at all for a key without confidential access (its postings are the plain page the check read)', () => {
    const h = createHarness({ opportunities: 150, requisitions: 5 });
    expect(firstRunLookups(h, NO_CONFIDENTIAL_KEY)).toEqual([]);
  });

  it('asks again for a table of more than one page', () => {
    const h = createHarness({ opportunities: 150, requisitions: 5 });
    for (let index = 0; index < 120; index += 1)
      h.dataset.stages.push({ id: `extra-${index}`, text: `Extra ${index}` });
    expect(firstRunLookups(h, NO_CONFIDENTIAL_KEY)).toEqual([
      'stages?limit=100',
      expect.stringMatching(/^stages\?limit=100&offset=/),
    ]);
  });

  it('keeps them again at a re-check, for the new check the next run reads', () => {
    const h = createHarness({ opportunities: 150, requisitions: 5 });
    connect(h, NO_CONFIDENTIAL_KEY);
    h.emu.clock.advance(60_000);
    h.call('checkApiKey');
    const definition = saveImport(h, opportunityImport());
    const before = h.sim.requests.length;
    runToEnd(h, definition.id);
    expect(h.sim.requests.slice(before).filter((request) => request.path !== '/v1/opportunities')).toEqual([]);
  });

  it('keeps nothing of a re-check that another save of a key overtook, and shows that key as it stands', () => {
    const h = createHarness({ opportunities: 150, requisitions: 5 });
    connect(h, FULL_KEY);
    const scopes = () =>
      new Set(
        Object.keys(h.emu.userCache(USER))
          .filter((key) => key.startsWith('lever.lookups.'))
          .map((key) => key.split('.').slice(3, -1).join('.')),
      );
    const before = scopes();
    h.emu.clock.advance(60_000);
    // Once the re-check of the full key has read it (its client reads the user's cache), the user saves another
    // key in a second sidebar.
    h.emu.onServiceCall((call) => {
      if (!call.name.startsWith('CacheService.')) return;
      h.emu.onServiceCall(null);
      h.emu.clock.advance(1_000);
      const saved = h.emu.callFromSidebar('saveApiKey', [NO_CONFIDENTIAL_KEY, 'production'], {
        user: USER,
        spreadsheetId: h.ssId,
      });
      expect(saved.ok).toBe(true);
    });
    const status = h.call<{ last4?: string; confidentialAccess?: unknown; message?: string }>('checkApiKey');
    expect(status.last4).toBe(NO_CONFIDENTIAL_KEY.slice(-4));
    expect(status.confidentialAccess).not.toBe(true);
    expect(status.message).toBeUndefined();
    // The other key's own check is cached; the overtaken re-check of the full key left no tables under any scope.
    const after = [...scopes()].filter((scope) => !before.has(scope));
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(/^production\.(false|unknown)\./);
  });

  it("keeps the tables in the user's own cache only, without the key", () => {
    const h = createHarness({ opportunities: 20, requisitions: 5 });
    connect(h, FULL_KEY);
    const cached = h.emu.userCache(USER);
    expect(Object.keys(cached).some((key) => key.startsWith('lever.lookups.v1.production.true.'))).toBe(true);
    expect(JSON.stringify(cached)).not.toContain(FULL_KEY);
    expect(JSON.stringify(cached)).not.toContain(Buffer.from(`${FULL_KEY}:`).toString('base64'));
    expect(Object.keys(h.emu.userCache(OTHER_USER))).toEqual([]);
  });

  it('saves the key when the cache refuses a table, and the first run fetches it', () => {
    const h = createHarness({ opportunities: 150, requisitions: 5 });
    // 90 names of 1,200 characters: over the cache's 100 KB a value.
    for (const stage of h.dataset.stages) stage.text = `${stage.text} ${'x'.repeat(1200)}`;
    for (let index = 0; index < 80; index += 1) h.dataset.stages.push({ id: `long-${index}`, text: 'y'.repeat(1200) });
    expect(firstRunLookups(h, NO_CONFIDENTIAL_KEY)).toEqual(['stages?limit=100']);
  });
});
