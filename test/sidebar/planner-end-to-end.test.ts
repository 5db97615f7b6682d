// The planner features through the playground (built sidebar, built bundle in the emulator, Lever simulator):
// change tracking across two refreshes, the confidential guard, a schedule taken over by a second editor with no
// double run, the failure-email switch, and the account badges.
import type { Browser, Page } from 'playwright-core';
import type { ImportStatus, RunRecord, SidebarState } from '../../src/shared/types';
import { type PlaygroundServer, startPlaygroundServer } from '../../tools/playground/http';
import {
  createDemoWorld,
  DEMO_EDITOR,
  DEMO_KEY,
  DEMO_NO_CONFIDENTIAL_KEY,
  DEMO_OWNER,
  DEMO_SANDBOX_KEY,
  type DemoWorld,
  inspect,
} from '../../tools/playground/world';
import { documentState } from '../support/state';
import { describeWithBrowser, launchChromium } from './support/browser';
import { columnValues, connectKey, fillNewImport, idHeader, waitForRunEnd } from './support/flows';
import { keepScreenshot } from './support/screenshots';
import { openSidebar, SIDEBAR_HTML, type SidebarSession } from './support/session';

const CHANGES_SHEET = 'Lever changes';

function serverState(world: DemoWorld, user: string): SidebarState {
  const outcome = world.emu.callFromSidebar('getSidebarState', [], { user, spreadsheetId: world.spreadsheetId });
  if (!outcome.ok) throw new Error(outcome.error?.message);
  return outcome.value as SidebarState;
}

function importNamed(world: DemoWorld, user: string, name: string): ImportStatus {
  const found = serverState(world, user).imports.find((status) => status.definition.name === name);
  if (!found) throw new Error(`No import named ${name}`);
  return found;
}

function storedRuns(world: DemoWorld, importId: string): RunRecord[] {
  return JSON.parse(documentState(world.emu, world.spreadsheetId)[`runs.${importId}`] ?? '[]');
}

/** The Lever ID and Change columns of the changes sheet rows an import logged. */
function loggedChanges(world: DemoWorld, importName: string): string[] {
  const [header, ...rows] = inspect(world).sheet(CHANGES_SHEET).displayValues();
  const [importCol, idCol, changeCol, fieldCol] = ['Import', 'Lever ID', 'Change', 'Field'].map((h) =>
    header.indexOf(h),
  );
  return rows
    .filter((row) => row[importCol] === importName)
    .map((row) => `${row[idCol]} ${row[changeCol]} ${row[fieldCol]}`);
}

function viewText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: what the user sees, not text hidden in closed details.
  return page.locator('#view').innerText();
}

describeWithBrowser('planner features in the built sidebar on the emulator and the Lever simulator', () => {
  let browser: Browser;
  let world: DemoWorld;
  let server: PlaygroundServer;
  let session: SidebarSession;

  beforeAll(async () => {
    browser = await launchChromium();
    // Pinned to Lever's 403 for confidential denial: the guard's flow needs a key known to be denied (the silent
    // reading's "cannot tell yet" is covered in test/integration/confidential.test.ts and planner-ui-flows).
    world = createDemoWorld({ opportunities: 120, requisitions: 60, readings: { confidentialDenial: 'forbidden' } });
    server = await startPlaygroundServer(world, { port: 0, sidebarHtmlPath: SIDEBAR_HTML });
    session = await openSidebar(browser, world, { user: DEMO_OWNER, server });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    await browser?.close();
  });
  afterEach(() => expect(session.pageErrors).toEqual([]));

  it('shows the key with its account badge and what it means for confidential records', async () => {
    const { page } = session;
    await connectKey(page, DEMO_KEY);
    await expect(page.locator('#view .account .badge').textContent()).resolves.toBe('Production');
    const notice = serverState(world, DEMO_OWNER).key.confidential;
    expect(notice?.state).toBe('included');
    await page.locator('#view .confidential', { hasText: notice?.message ?? '-' }).waitFor();
  });

  it('tracks changes: the second refresh reports exactly the edits made in Lever, on the card and in the sheet', async () => {
    const { page } = session;
    await fillNewImport(page, { name: 'Headcount', object: 'Requisitions' });
    await page.getByRole('checkbox', { name: 'Track changes' }).check();
    await page.getByRole('button', { name: 'Save and run' }).click();
    expect(await waitForRunEnd(page, 'Headcount')).toBe('finished');
    const first = importNamed(world, DEMO_OWNER, 'Headcount');
    expect(first.definition.trackChanges).toBe(true);
    await page.locator('#view .changes', { hasText: first.lastSuccess?.changeSummary ?? '-' }).waitFor();

    const ids = columnValues(world, 'Headcount', idHeader(world, 'requisitions'));
    const requisitions = ids.map((id) => world.sim.dataset.requisitions.find((r) => r.id === id));
    const closing = requisitions.find((r) => r && r.status !== 'closed');
    const growing = requisitions.find((r) => r && r !== closing && typeof r.headcountTotal === 'number');
    if (!closing || !growing || typeof growing.headcountTotal !== 'number') throw new Error('No requisitions to edit');
    const now = world.emu.clock.now();
    Object.assign(closing, { status: 'closed', closedAt: now, updatedAt: now });
    Object.assign(growing, { headcountTotal: growing.headcountTotal + 2, updatedAt: now });

    await page.getByRole('button', { name: 'Run again' }).click();
    expect(await waitForRunEnd(page, 'Headcount')).toBe('finished');
    await page.locator('#view .changes', { hasText: 'Changes: 1 closed, headcount changed on 1.' }).waitFor();
    await page.getByRole('button', { name: 'Back to imports' }).click();
    const card = page.getByRole('article', { name: 'Headcount' });
    await card.locator('.changes', { hasText: 'Last refresh: 1 closed, headcount changed on 1.' }).waitFor();
    expect(importNamed(world, DEMO_OWNER, 'Headcount').lastSuccess?.changeSummary).toBe(
      '1 closed, headcount changed on 1',
    );
    const logged = loggedChanges(world, 'Headcount').filter((line) => !line.includes('tracking started'));
    expect(logged.sort()).toEqual([`${closing.id} changed Status`, `${growing.id} changed Headcount total`].sort());
    await expect(card.locator('.badge').textContent()).resolves.toBe('Production');
  });

  it('schedules the import, then a second editor without confidential access sees the guard and takes it over', async () => {
    const { page } = session;
    const card = page.getByRole('article', { name: 'Headcount' });
    await card.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('radio', { name: 'Every day' }).check();
    await page.getByRole('combobox', { name: 'At' }).selectOption('7');
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await card.getByText(/^Daily at 07:00 · next \w+ \d+, after 07:00 · owner: you$/).waitFor();
    await keepScreenshot(page, 'changes');

    await session.open(DEMO_EDITOR);
    await connectKey(page, DEMO_NO_CONFIDENTIAL_KEY);
    const keyNotice = serverState(world, DEMO_EDITOR).key.confidential;
    expect(keyNotice?.state).toBe('invisible-to-key');
    await page.locator('#view .confidential.warning', { hasText: keyNotice?.message ?? '-' }).waitFor();
    expect(await viewText(page)).not.toMatch(/cannot read confidential/i);

    await page.getByRole('button', { name: 'Imports', exact: true }).click();
    await card.getByText(`owner: ${DEMO_OWNER}`).waitFor();
    await card.getByText('Confidential records: not visible to your key').click();
    const importNotice = importNamed(world, DEMO_EDITOR, 'Headcount').confidential;
    await card.getByText(importNotice?.message ?? '-').waitFor();

    await card.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('button', { name: 'Take over this schedule' }).click();
    const confirm = page.getByRole('group', { name: 'Take over Headcount' });
    await expect(confirm.textContent()).resolves.toContain(
      `with YOUR Lever key (your Lever Production key ending in ${DEMO_NO_CONFIDENTIAL_KEY.slice(-4)})`,
    );
    await keepScreenshot(page, 'take-over');
    await confirm.getByRole('button', { name: 'Yes, take it over' }).click();
    await card.getByText(/owner: you$/).waitFor();
    expect(importNamed(world, DEMO_EDITOR, 'Headcount').definition.scheduleOwner).toBe(DEMO_EDITOR);
    expect(world.emu.triggers().some((trigger) => trigger.owner === DEMO_EDITOR)).toBe(true);
  });

  it('runs the taken-over schedule once per slot, with the new owner, whichever triggers fire', async () => {
    const { page } = session;
    const id = importNamed(world, DEMO_EDITOR, 'Headcount').definition.id;
    const before = storedRuns(world, id).length;
    world.advance(24 * 3_600_000);
    const scheduled = storedRuns(world, id).slice(0, storedRuns(world, id).length - before);
    expect(scheduled.map((run) => [run.trigger, run.user, run.status])).toEqual([
      ['schedule', DEMO_EDITOR, 'succeeded'],
    ]);
    await page.getByRole('button', { name: 'Lever key' }).click();
    await page.getByRole('button', { name: 'Imports', exact: true }).click();
    await page
      .getByRole('article', { name: 'Headcount' })
      .getByText(/on schedule: Succeeded/)
      .waitFor();
  });

  it('turns failure emails off for the whole spreadsheet', async () => {
    const { page } = session;
    const box = page.getByRole('checkbox', { name: "Email the schedule's owner when a scheduled refresh fails" });
    await expect(box.isChecked()).resolves.toBe(true);
    await box.uncheck();
    await page.getByRole('status').getByText('Failure emails are off').waitFor();
    expect(serverState(world, DEMO_OWNER).failureEmails).toBe(false);
    await session.open(DEMO_OWNER);
    await page.getByRole('button', { name: 'Imports', exact: true }).click();
    await expect(box.isChecked()).resolves.toBe(false);
  });

  it('makes a sandbox key and a production import impossible to mistake', async () => {
    const { page } = session;
    await session.open(DEMO_EDITOR);
    await page.getByRole('button', { name: 'Lever key' }).click();
    await page.getByRole('button', { name: 'Replace key' }).click();
    await page.getByRole('radio', { name: 'Sandbox', exact: true }).check();
    await connectKey(page, DEMO_SANDBOX_KEY);
    await expect(page.locator('#view .account .badge').textContent()).resolves.toBe('Sandbox');
    await page.getByRole('button', { name: 'Imports', exact: true }).click();
    const card = page.getByRole('article', { name: 'Headcount' });
    await expect(card.locator('.badge').textContent()).resolves.toBe('Production');
    await card.getByText('Reads from Lever Production, but your key is for Sandbox').waitFor();
  });
});
