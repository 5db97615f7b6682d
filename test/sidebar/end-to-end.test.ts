// The built sidebar in Chromium, bridged to the built bundle in the emulator against the Lever simulator:
// connect, import opportunities and requisitions, schedule and fast-forward, and the key never coming back.
import type { Browser } from 'playwright-core';
import { type PlaygroundServer, startPlaygroundServer } from '../../tools/playground/http';
import { createDemoWorld, DEMO_KEY, DEMO_OWNER, type DemoWorld, inspect } from '../../tools/playground/world';
import { documentState } from '../support/state';
import { describeWithBrowser, launchChromium } from './support/browser';
import { columnValues, connectKey, fillNewImport, idHeader, localMidnight, waitForRunEnd } from './support/flows';
import { keepScreenshot } from './support/screenshots';
import { alertText, openSidebar, pageContent, SIDEBAR_HTML, type SidebarSession } from './support/session';

const ZONE = 'America/New_York';

describeWithBrowser('the built sidebar on the emulator and the Lever simulator', () => {
  let browser: Browser;
  let world: DemoWorld;
  let server: PlaygroundServer;
  let ana: SidebarSession;

  beforeAll(async () => {
    browser = await launchChromium();
    world = createDemoWorld({ opportunities: 700, requisitions: 150 });
    server = await startPlaygroundServer(world, { port: 0, sidebarHtmlPath: SIDEBAR_HTML });
    ana = await openSidebar(browser, world, { user: DEMO_OWNER, server });
  });
  afterAll(async () => {
    await ana?.close();
    await server?.close();
    await browser?.close();
  });
  afterEach(() => expect(ana.pageErrors).toEqual([]));

  it('refuses a wrong key with a clear message and saves nothing', async () => {
    const { page } = ana;
    await page.getByRole('heading', { name: 'Connect to Lever' }).waitFor();
    await keepScreenshot(page, 'connect');
    await page.getByRole('textbox', { name: 'Lever API key' }).fill('not-a-real-lever-key-0000');
    await page.getByRole('button', { name: 'Check and save' }).click();
    expect(await alertText(page)).toMatch(/key/i);
    expect(await alertText(page)).not.toMatch(/not-a-real-lever-key/);
    expect(JSON.stringify(world.emu.userProperties(DEMO_OWNER))).not.toContain('not-a-real-lever-key');
    await page.getByRole('heading', { name: 'Connect to Lever' }).waitFor();
  });

  it('checks and saves the demo key, then shows it masked with what it can read', async () => {
    const { page } = ana;
    await connectKey(page, DEMO_KEY);
    await page.getByText(`••••${DEMO_KEY.slice(-4)}`).waitFor();
    for (const name of ['Opportunities', 'Requisitions', 'Requisition fields', 'Confidential data']) {
      await expect(page.getByRole('row', { name: new RegExp(`^${name}`) }).textContent()).resolves.toMatch(/Yes$/);
    }
    await expect(page.getByRole('textbox', { name: 'Lever API key' }).count()).resolves.toBe(0);
    await keepScreenshot(page, 'key');
  });

  it('previews and runs an Opportunities import; the sheet holds exactly what Lever returns', async () => {
    const { page } = ana;
    await fillNewImport(page, { name: 'Pipeline', object: 'Opportunities', createdAfter: '2025-07-01' });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('region', { name: 'First rows of the preview' }).waitFor({ timeout: 60_000 });
    const expected = world.sim.query('opportunities', {
      archived: 'false',
      snoozed: 'false',
      created_at_start: String(localMidnight('2025-07-01', ZONE)),
    });
    const count = await page.locator('.preview-box .count').textContent();
    const shown = Number(/([\d,]+) records? match/.exec(count ?? '')?.[1].replace(/,/g, ''));
    if (count?.startsWith('At least')) expect(shown).toBeLessThanOrEqual(expected.length);
    else expect(shown).toBe(expected.length);
    expect(inspect(world).hasSheet('Pipeline')).toBe(false);
    await keepScreenshot(page, 'builder', true);

    await page.getByRole('button', { name: 'Save and run' }).click();
    expect(await waitForRunEnd(page, 'Pipeline')).toBe('finished');
    await page
      .getByRole('status')
      .getByText(`Wrote ${expected.length.toLocaleString('en-US')} rows`)
      .waitFor();
    await keepScreenshot(page, 'summary');
    expect(columnValues(world, 'Pipeline', idHeader(world, 'opportunities'))).toEqual(expected);
  });

  it('runs a Requisitions import with a status filter and lists both imports with their status', async () => {
    const { page } = ana;
    await fillNewImport(page, { name: 'Open reqs', object: 'Requisitions', untickStatuses: ['Closed', 'Draft'] });
    await page.getByRole('button', { name: 'Save and run' }).click();
    expect(await waitForRunEnd(page, 'Open reqs')).toBe('finished');
    // The truth is the union of both statuses, whatever reading of repeated `status` the simulator plays.
    const reading = world.sim.readings.statusReading;
    world.sim.readings.statusReading = 'union';
    const expected = world.sim.query('requisitions', { status: ['open', 'onHold'] });
    world.sim.readings.statusReading = reading;
    expect(expected.length).toBeGreaterThan(0);
    expect(columnValues(world, 'Open reqs', idHeader(world, 'requisitions'))).toEqual(expected);

    await page.getByRole('button', { name: 'Back to imports' }).click();
    const card = page.getByRole('article', { name: 'Open reqs' });
    await card.getByText(`Succeeded · ${expected.length} rows`).waitFor();
    await page
      .getByRole('article', { name: 'Pipeline' })
      .getByText(/from the sidebar: Succeeded/)
      .waitFor();
  });

  it('schedules a daily refresh that picks up new Lever records when the clock moves on', async () => {
    const { page } = ana;
    const pipeline = page.getByRole('article', { name: 'Pipeline' });
    await pipeline.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('radio', { name: 'Every day' }).check();
    await page.getByRole('combobox', { name: 'At' }).selectOption('6');
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await pipeline.getByText(/Daily at 06:00 · next .* · owner: you/).waitFor();

    const before = columnValues(world, 'Pipeline', idHeader(world, 'opportunities')).length;
    world.addRecords('opportunities', 3);
    const report = world.advance(24 * 3_600_000);
    expect(report.fired.length).toBeGreaterThan(0);
    const ids = columnValues(world, 'Pipeline', idHeader(world, 'opportunities'));
    expect(ids.length).toBe(before + 3);

    await page.getByRole('button', { name: 'Lever key' }).click();
    await page.getByRole('button', { name: 'Imports', exact: true }).click();
    await pipeline.getByText(`on schedule: Succeeded · ${ids.length} rows`).waitFor();
    await keepScreenshot(page, 'imports');
  });

  it('never sends the full key back to the page, nor stores it outside UserProperties', async () => {
    const { page } = ana;
    await page.getByRole('button', { name: 'Lever key' }).click();
    await page.getByRole('button', { name: 'Check again' }).click();
    await page.getByRole('status').getByText('Key checked.').waitFor();
    const bodies = await ana.responseTexts();
    expect(bodies.some((body) => body.includes('"last4"'))).toBe(true);
    for (const body of bodies) expect(body).not.toContain(DEMO_KEY);
    expect(await pageContent(page)).not.toContain(DEMO_KEY);
    expect(JSON.stringify(documentState(world.emu, world.spreadsheetId))).not.toContain(DEMO_KEY);
    const book = inspect(world);
    for (const name of book.sheetNames()) expect(JSON.stringify(book.sheet(name).values())).not.toContain(DEMO_KEY);
    expect(JSON.stringify(world.emu.userProperties(DEMO_OWNER))).toContain(DEMO_KEY);
  });
});
