// npm start's demo, as served: the opening "Seats and hires" sheet shows a requisition with its hires' names and a
// next start date, matching the demo account's truth.
import { get } from 'node:http';
import { join } from 'node:path';
import type { GridSnapshot } from '../../../tools/playground/backend';
import { SEATS_SHEET, seedDemoImports } from '../../../tools/playground/demo-imports';
import { type PlaygroundServer, startPlaygroundServer } from '../../../tools/playground/http';
import { createDemoWorld, type DemoWorld } from '../../../tools/playground/world';

const SIDEBAR = join(__dirname, '../../../dist/Sidebar.html');

function getJson<T>(url: string): Promise<T> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve(JSON.parse(body) as T));
    }).on('error', reject);
  });
}

/** The names of each requisition's hires in the demo account (hired reason, seat from the applications). */
function hireNames(world: DemoWorld): Map<string, string[]> {
  const hired = new Set(world.dataset.archiveReasons.filter((r) => r.type === 'hired').map((r) => r.id));
  const seatOf = new Map((world.dataset.applications ?? []).map((a) => [a.opportunityId, a.requisitionForHire?.id]));
  const names = new Map<string, string[]>();
  for (const o of world.dataset.opportunities) {
    const seat = seatOf.get(o.id);
    if (seat && o.archived && hired.has(o.archived.reason)) names.set(seat, [...(names.get(seat) ?? []), o.name]);
  }
  return names;
}

describe('playground demo: seats and hires', () => {
  let world: DemoWorld;
  let server: PlaygroundServer;

  beforeAll(async () => {
    world = createDemoWorld();
    seedDemoImports(world);
    server = await startPlaygroundServer(world, { port: 0, sidebarHtmlPath: SIDEBAR });
  }, 120_000);
  afterAll(() => server.close());

  it('serves a requisition with its hires’ names and a next start date', async () => {
    const grid = await getJson<GridSnapshot>(`${server.url}/api/grid?sheet=${encodeURIComponent(SEATS_SHEET)}`);
    expect(grid.sheet).toBe(SEATS_SHEET);
    const [header, ...rows] = grid.rows;
    const column = (label: string) => header.indexOf(label);
    expect(['Hires', 'Open seats', 'Next start date'].map(column).every((i) => i > 0)).toBe(true);
    const truth = hireNames(world);
    const filled = rows.filter((row) => row[column('Hires')] !== '' && row[column('Next start date')] !== '');
    expect(filled.length).toBeGreaterThan(0);
    for (const row of filled) {
      const names = String(row[column('Hires')]).split(', ');
      expect(names.sort()).toEqual([...(truth.get(row[0]) ?? [])].sort());
      expect(row[column('Next start date')]).toMatch(/\d/);
    }
  });
});
