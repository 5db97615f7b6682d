// The built sidebar on the emulator: errors a finance user can act on, a collaborator's read-only schedule,
// progress across several executions, and the playground page as a whole.
import type { Browser } from 'playwright-core';
import type { ServerFunctionName } from '../../src/shared/rpc';
import type { CallOutcome } from '../../tools/playground/backend';
import { type PlaygroundServer, startPlaygroundServer } from '../../tools/playground/http';
import {
  createDemoWorld,
  DEMO_EDITOR,
  DEMO_KEY,
  DEMO_OPPS_ONLY_KEY,
  DEMO_OWNER,
  type DemoWorld,
} from '../../tools/playground/world';
import { describeWithBrowser, launchChromium } from './support/browser';
import { columnValues, connectKey, fillNewImport, idHeader, waitForRunEnd } from './support/flows';
import { keepScreenshot } from './support/screenshots';
import { alertText, openSidebar, pageContent, SIDEBAR_HTML, type SidebarSession, viewTexts } from './support/session';

function value<T>(outcome: CallOutcome | Promise<CallOutcome>): T {
  const settled = outcome as CallOutcome;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.value as T;
}

describeWithBrowser('errors and a collaborator, in the built sidebar', () => {
  let browser: Browser;
  let world: DemoWorld;
  let server: PlaygroundServer;
  let ben: SidebarSession;
  let reqsImportId: string;

  beforeAll(async () => {
    browser = await launchChromium();
    world = createDemoWorld({ opportunities: 200, requisitions: 60 });
    value(world.call('saveApiKey', [DEMO_KEY, 'production'], DEMO_OWNER));
    const input = {
      name: 'Headcount',
      object: 'requisitions',
      environment: 'production',
      filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude' },
      columns: [],
      sheetName: 'Headcount',
      writeMode: 'replace',
    };
    reqsImportId = value<{ id: string }>(world.call('saveImport', [input], DEMO_OWNER)).id;
    value(world.call('setSchedule', [reqsImportId, { kind: 'daily', hour: 7 }], DEMO_OWNER));
    server = await startPlaygroundServer(world, { port: 0, sidebarHtmlPath: SIDEBAR_HTML });
    ben = await openSidebar(browser, world, { user: DEMO_EDITOR, server });
  });
  afterAll(async () => {
    await ben?.close();
    await server?.close();
    await browser?.close();
  });
  afterEach(() => expect(ben.pageErrors).toEqual([]));

  it('shows which data a limited key cannot read', async () => {
    await connectKey(ben.page, DEMO_OPPS_ONLY_KEY);
    const row = (name: string) => ben.page.getByRole('row', { name: new RegExp(`^${name}`) });
    await expect(row('Opportunities').textContent()).resolves.toMatch(/Yes$/);
    await expect(row('Requisitions').textContent()).resolves.toMatch(/No$/);
    await ben.page.getByRole('status').getByText('It cannot read: Requisitions').waitFor();
  });

  it("announces the server's sentence when the key lacks requisitions", async () => {
    const { page } = ben;
    await fillNewImport(page, { name: 'My reqs', object: 'Requisitions' });
    await page.getByText('Your Lever key cannot read requisitions').waitFor();
    await page.getByRole('button', { name: 'Preview' }).click();
    const message = await alertText(page);
    expect(message).toMatch(/requisitions/i);
    expect(message).not.toMatch(/Something went wrong|undefined|\[object/);
    await keepScreenshot(page, 'error');
  });

  it("shows the owner's schedule read-only to a collaborator", async () => {
    const { page } = ben;
    await page.getByRole('button', { name: 'Imports', exact: true }).click();
    const card = page.getByRole('article', { name: 'Headcount' });
    await card.getByText(`owner: ${DEMO_OWNER}`).waitFor();
    await card.getByRole('button', { name: 'Schedule' }).click();
    await page.getByText(`Only ${DEMO_OWNER} can change or stop this schedule`).waitFor();
    await expect(page.getByRole('radio').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Back to imports' }).click();
  });

  it("ends a run with the key's error and shows it on the import", async () => {
    const { page } = ben;
    await page.getByRole('article', { name: 'Headcount' }).getByRole('button', { name: 'Run now' }).click();
    expect(await waitForRunEnd(page, 'Headcount')).toBe('failed');
    expect(await alertText(page)).toMatch(/requisitions/i);
    await page.getByRole('button', { name: 'Back to imports' }).click();
    await page
      .getByRole('article', { name: 'Headcount' })
      .getByText(/from the sidebar: Failed/)
      .waitFor();
  });

  it('says so when Lever is unreachable', async () => {
    const { page } = ben;
    world.sim.injectFaults({ status: 503, count: 50 });
    await page.getByRole('button', { name: 'Lever key' }).click();
    await page.getByRole('button', { name: 'Check again' }).click();
    expect(await alertText(page)).toMatch(/Lever/);
  });

  it("never sends the collaborator's key back to the page", async () => {
    for (const body of await ben.responseTexts()) expect(body).not.toContain(DEMO_OPPS_ONLY_KEY);
    expect(await pageContent(ben.page)).not.toContain(DEMO_OPPS_ONLY_KEY);
  });
});

describeWithBrowser('progress of a long import, in the built sidebar', () => {
  let browser: Browser;
  let world: DemoWorld;
  let server: PlaygroundServer;

  beforeAll(async () => {
    browser = await launchChromium();
    // Slow Lever answers (virtual time) make one import need three executions.
    world = createDemoWorld({ opportunities: 700, requisitions: 30, latencyMs: 150_000 });
    // The emulator answers synchronously, in this process; a pause before each continuation lets the page be seen.
    const call = world.call.bind(world);
    const paced = {
      ...world,
      call: async (fn: ServerFunctionName, args: unknown[], user: string) => {
        if (fn === 'continueImport') await new Promise((resolve) => setTimeout(resolve, 800));
        return call(fn, args, user);
      },
    };
    server = await startPlaygroundServer(paced, { port: 0, sidebarHtmlPath: SIDEBAR_HTML });
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  it('shows records, pages and elapsed time growing over several executions, then the summary', async () => {
    const session = await openSidebar(browser, world, { user: DEMO_OWNER, server });
    const { page } = session;
    await connectKey(page, DEMO_KEY);
    await fillNewImport(page, { name: 'Everyone', object: 'Opportunities' });
    await page.getByRole('combobox', { name: 'Archived opportunities' }).selectOption('include');
    await page.getByRole('button', { name: 'Save and run' }).click();
    await page.getByText(/continues in a new run/).waitFor();
    await page.getByRole('progressbar', { name: 'Import progress' }).waitFor();
    await keepScreenshot(page, 'progress');
    expect(await waitForRunEnd(page, 'Everyone')).toBe('finished');

    const running = (await viewTexts(page)).filter((text) => text.startsWith('Running "Everyone"'));
    const fetched = running.map((text) => Number(/Records fetched\s+([\d,]+)/.exec(text)?.[1].replace(/,/g, '')));
    expect(new Set(fetched).size).toBeGreaterThanOrEqual(3);
    expect(fetched).toEqual([...fetched].sort((a, b) => a - b));
    expect(running.some((text) => /Pages\s+[1-9]/.test(text) && /Elapsed\s+\d+ s/.test(text))).toBe(true);
    const summary = await page.getByRole('definition').allTextContents();
    const rows = columnValues(world, 'Everyone', idHeader(world, 'opportunities')).length;
    // Records fetched include the snoozed ones kept out of the sheet (and in the changes-only base); rows written not.
    expect(Number(summary[0].replace(/,/g, ''))).toBeGreaterThanOrEqual(rows);
    expect(summary[1]).toBe(rows.toLocaleString('en-US'));
    expect(Number(summary[4])).toBeGreaterThanOrEqual(2);
    expect(session.pageErrors).toEqual([]);
    await session.close();
  });

  it('shows the playground: the sidebar beside the emulated grid with the imported rows', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Everyone' }).click();
    await page.locator('#grid td.header-row').first().waitFor();
    await page.frameLocator('#sidebar').getByRole('article', { name: 'Everyone' }).waitFor();
    const cells = await page.locator('#grid tbody tr').count();
    expect(cells).toBeGreaterThan(100);
    await keepScreenshot(page, 'playground');
    await context.close();
  });
});
