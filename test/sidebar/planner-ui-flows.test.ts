// The planner features in Chromium against the fake server: change tracking, the confidential guard, schedule
// take-over, failure emails, account badges and the "after" wording of the next run.
import type { Browser, Page } from 'playwright-core';
import type { PlaygroundBackend } from '../../tools/playground/backend';
import { describeWithBrowser, launchChromium } from './support/browser';
import { fakeBackend, swappableBackend } from './support/fake-backend';
import {
  FAKE_CANNOT_TELL_KEY,
  FAKE_GOOD_KEY,
  FAKE_NO_CONFIDENTIAL_KEY,
  FAKE_OPPS_ONLY_KEY,
} from './support/fake-server';
import { alertText, openSidebar, type SidebarSession, unlabelledControls } from './support/session';

const ANA = 'ana@example.com';
const BEN = 'ben@example.com';

async function connect(page: Page, key: string, account: 'Production' | 'Sandbox' = 'Production'): Promise<void> {
  await page.getByRole('textbox', { name: 'Lever API key' }).fill(key);
  await page.getByRole('radio', { name: account, exact: true }).check();
  await page.getByRole('button', { name: 'Check and save' }).click();
  await page.getByRole('heading', { name: 'Lever key', level: 1 }).waitFor();
}

async function newImport(page: Page, name: string, object: 'Opportunities' | 'Requisitions' = 'Opportunities') {
  await page.getByRole('button', { name: 'Imports', exact: true }).click();
  await page.getByRole('button', { name: 'New import' }).click();
  await page.getByRole('textbox', { name: 'Import name' }).waitFor();
  if (object === 'Requisitions') {
    await page.getByRole('radio', { name: /^Requisitions/ }).check();
    await page.getByRole('group', { name: 'Requisition status' }).waitFor();
  }
  await page.getByRole('textbox', { name: 'Import name' }).fill(name);
}

async function runFromCard(page: Page, name: string): Promise<void> {
  await page.getByRole('article', { name }).getByRole('button', { name: 'Run now' }).click();
  await page.getByRole('heading', { name: `"${name}" finished` }).waitFor({ timeout: 10_000 });
}

/** The visible text of the current view. */
function viewText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: what the user sees, not text hidden in closed details.
  return page.locator('#view').innerText();
}

function occurrences(text: string, pattern: RegExp): number {
  return text.match(new RegExp(pattern.source, 'gi'))?.length ?? 0;
}

describeWithBrowser('planner features against the fake server', () => {
  let browser: Browser;
  let session: SidebarSession;
  const swap = swappableBackend();

  async function start(backend: PlaygroundBackend, user = ANA): Promise<Page> {
    swap.use(backend);
    await session.open(user);
    return session.page;
  }

  beforeAll(async () => {
    browser = await launchChromium();
    session = await openSidebar(browser, swap.backend);
  });
  afterAll(async () => {
    await session?.close();
    await browser?.close();
  });
  afterEach(() => expect(session.pageErrors).toEqual([]));

  it('saves Track changes and shows what changed after the next refresh', async () => {
    const backend = fakeBackend();
    const page = await start(backend);
    await connect(page, FAKE_GOOD_KEY);
    await newImport(page, 'Headcount', 'Requisitions');
    const track = page.getByRole('checkbox', { name: 'Track changes' });
    await expect(track.isChecked()).resolves.toBe(false);
    await expect(
      page.getByText(/changed fields \(status, headcount, hiring manager…\) in a 'Lever changes' sheet/).count(),
    ).resolves.toBe(1);
    await track.check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const card = page.getByRole('article', { name: 'Headcount' });
    await card.waitFor();
    const saved = () => backend.fake.api(ANA).getSidebarState().imports[0];
    expect(saved().definition.trackChanges).toBe(true);

    await runFromCard(page, 'Headcount');
    const rows = backend.fake.sheets.get('Headcount')?.length ?? 0;
    await page.getByText(`Change tracking started with ${rows - 1} records`).waitFor();
    backend.fake.lever.edit('headcountTotal', 4, '7');
    await page.getByRole('button', { name: 'Back to imports' }).click();
    await runFromCard(page, 'Headcount');
    await page.locator('#view .changes', { hasText: 'Changes: fields changed on 1.' }).waitFor();
    await page.getByRole('button', { name: 'Back to imports' }).click();
    await card.locator('.changes', { hasText: 'Last refresh: fields changed on 1.' }).waitFor();
    expect(saved().lastSuccess?.changeSummary).toBe('fields changed on 1');

    await card.getByRole('button', { name: 'Edit' }).click();
    await expect(track.isChecked()).resolves.toBe(true);
    await track.uncheck();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').getByText('Saved "Headcount".').waitFor();
    expect(saved().definition.trackChanges).toBe(false);
    await expect(card.locator('.changes').count()).resolves.toBe(0);
  });

  it('says once, at connect time and on each import, that confidential records are invisible to the key', async () => {
    const backend = fakeBackend();
    const page = await start(backend);
    await connect(page, FAKE_NO_CONFIDENTIAL_KEY);
    const notice = backend.fake.api(ANA).getSidebarState().key.confidential;
    expect(notice?.state).toBe('invisible-to-key');
    await page.locator('#view .confidential', { hasText: notice?.message ?? '-' }).waitFor();
    const keyView = await viewText(page);
    expect(occurrences(keyView, /not visible to this API key/)).toBe(1);
    expect(keyView).not.toMatch(/cannot read confidential/i);

    await newImport(page, 'Pipeline');
    await page.getByText('Confidential records are not visible to this API key').waitFor();
    await expect(page.getByRole('combobox', { name: 'Confidential records' }).count()).resolves.toBe(0);
    expect(await viewText(page)).not.toMatch(/cannot read confidential/i);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const card = page.getByRole('article', { name: 'Pipeline' });
    const importNotice = backend.fake.api(ANA).getSidebarState().imports[0].confidential;
    await card.getByText('Confidential records: not visible to your key').click();
    await card.getByText(importNotice?.message ?? '-').waitFor();

    // Another key's other remarks stay; only the confidential one gives way to the notice.
    await start(backend, BEN);
    await connect(page, FAKE_OPPS_ONLY_KEY);
    await page.getByText(/This key cannot read requisitions/).waitFor();
    expect(occurrences(await viewText(page), /confidential records are not visible/)).toBe(1);
    expect(await viewText(page)).not.toMatch(/cannot read confidential/i);
  });

  it('says "cannot tell yet" for a key Lever returned no confidential record to, with what to do', async () => {
    const backend = fakeBackend();
    const page = await start(backend);
    await connect(page, FAKE_CANNOT_TELL_KEY);
    const notice = backend.fake.api(ANA).getSidebarState().key.confidential;
    expect(notice?.state).toBe('unknown');
    expect(notice?.message).toMatch(/cannot be told yet/);
    await page.locator('#view .confidential', { hasText: notice?.message ?? '-' }).waitFor();
    const keyView = await viewText(page);
    expect(keyView).toMatch(/Lever returned no confidential records/);
    expect(keyView).toMatch(/Cannot tell yet/);
    expect(keyView).not.toMatch(/This key can read confidential records \(/);

    await newImport(page, 'Pipeline');
    await page.getByRole('combobox', { name: 'Confidential records' }).waitFor();
    expect(await viewText(page)).toMatch(/cannot be told yet/);
  });

  it('lets another editor take a schedule over after a confirmation that names their key', async () => {
    const backend = fakeBackend();
    const page = await start(backend);
    await connect(page, FAKE_GOOD_KEY);
    await newImport(page, 'Pipeline');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // The save is a server call: read the fake only once its card shows the import was saved.
    await page.getByRole('article', { name: 'Pipeline' }).waitFor();
    const id = backend.fake.api(ANA).getSidebarState().imports[0].definition.id;
    backend.fake.api(ANA).setSchedule(id, { kind: 'daily', hour: 7 });
    const stale = `No successful refresh since Jan 3, 07:00 — the schedule runs with ${ANA}'s key; if they left, take it over.`;
    backend.fake.warnings.set(id, stale);

    await start(backend, BEN);
    await page.getByRole('button', { name: 'Imports', exact: true }).click();
    const card = page.getByRole('article', { name: 'Pipeline' });
    const warning = card.getByRole('note');
    await expect(warning.textContent()).resolves.toBe(stale);
    // Prominent: straight after the title and account line, before the run and schedule lines.
    await expect(card.locator(':scope > p').nth(1).getAttribute('role')).resolves.toBe('note');
    await card.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('note').getByText(stale).waitFor();
    await page.getByRole('button', { name: 'Take over this schedule' }).click();
    await page.getByText('you have not saved one yet').waitFor();
    await page.getByRole('button', { name: 'Connect to Lever' }).click();
    await connect(page, FAKE_GOOD_KEY);

    await page.getByRole('button', { name: 'Imports', exact: true }).click();
    await card.getByRole('button', { name: 'Schedule' }).click();
    const open = page.getByRole('button', { name: 'Take over this schedule' });
    await open.click();
    const confirm = page.getByRole('group', { name: 'Take over Pipeline' });
    const text = (await confirm.textContent()) ?? '';
    expect(text).toContain('with YOUR Lever key (your Lever Production key ending in 9f3a)');
    expect(text).toContain(`It stops running with ${ANA}'s key.`);
    expect(text).toContain('runs daily at 07:00');
    expect(await unlabelledControls(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm.count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Take over this schedule');
    expect(backend.fake.api(BEN).getSidebarState().imports[0].definition.scheduleOwner).toBe(ANA);

    await open.click();
    await confirm.getByRole('button', { name: 'Yes, take it over' }).click();
    await page.getByRole('status').getByText('You now run the schedule of "Pipeline" (Daily at 07:00)').waitFor();
    await card.getByText('owner: you').waitFor();
    await expect(card.getByRole('note').count()).resolves.toBe(0);
    expect(backend.fake.api(BEN).getSidebarState().imports[0].definition.scheduleOwner).toBe(BEN);
  });

  it('turns failure emails off, keeps that on reopening, and puts the box back when the server refuses', async () => {
    const backend = fakeBackend();
    const page = await start(backend);
    await connect(page, FAKE_GOOD_KEY);
    await page.getByRole('button', { name: 'Imports', exact: true }).click();
    const box = page.getByRole('checkbox', { name: "Email the schedule's owner when a scheduled refresh fails" });
    await expect(box.count()).resolves.toBe(0);
    await newImport(page, 'Pipeline');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    await expect(box.isChecked()).resolves.toBe(true);
    await box.uncheck();
    await page.getByRole('status').getByText('Failure emails are off').waitFor();
    expect(backend.fake.failureEmails).toBe(false);

    await start(backend, BEN);
    await page.getByRole('button', { name: 'Imports', exact: true }).click();
    await expect(box.isChecked()).resolves.toBe(false);
    backend.fake.failNext = { fn: 'setFailureEmails', message: 'Something went wrong: the document is busy.' };
    // click, not check: the box is put back as soon as the refusal arrives, which check() would call a failure.
    await box.click();
    expect(await alertText(page)).toBe('Something went wrong: the document is busy.');
    await expect(box.isChecked()).resolves.toBe(false);
    expect(backend.fake.failureEmails).toBe(false);
    await box.check();
    await page.getByRole('status').getByText('Failure emails are on').waitFor();
    expect(backend.fake.failureEmails).toBe(true);
  });

  it('shows the Lever account on the key, in the builder and on every import, and the next run as "after"', async () => {
    const backend = fakeBackend();
    const page = await start(backend);
    await connect(page, FAKE_GOOD_KEY, 'Sandbox');
    await expect(page.locator('#view .account .badge').textContent()).resolves.toBe('Sandbox');
    await newImport(page, 'Sandbox pipeline');
    await expect(page.locator('#view .account').textContent()).resolves.toBe('Reads from Lever Sandbox');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const card = page.getByRole('article', { name: 'Sandbox pipeline' });
    await expect(card.locator('.badge').textContent()).resolves.toBe('Sandbox');
    await expect(card.getByText(/your key is for/).count()).resolves.toBe(0);
    const id = backend.fake.api(ANA).getSidebarState().imports[0].definition.id;
    backend.fake.api(ANA).setSchedule(id, { kind: 'daily', hour: 9 });

    await start(backend, BEN);
    await connect(page, FAKE_GOOD_KEY);
    await expect(page.locator('#view .account .badge').textContent()).resolves.toBe('Production');
    await page.getByRole('button', { name: 'Imports', exact: true }).click();
    await expect(card.locator('.badge').textContent()).resolves.toBe('Sandbox');
    await card.getByText('Reads from Lever Sandbox, but your key is for Production').waitFor();
    // The fake's next slot is 14:00 UTC on Jan 6: 09:00 in New York, and Google picks the minute after it.
    await card.getByText(/Daily at 09:00 · next Jan 6, after 09:00 · owner: ana@example\.com/).waitFor();
    await card.getByRole('button', { name: 'Schedule' }).click();
    await page.getByText(/^Next run: Jan 6, after 09:00/).waitFor();
    await page.getByRole('button', { name: 'Back to imports' }).click();
    await card.getByRole('button', { name: 'Edit' }).click();
    await page.getByText('This import was made for Lever Sandbox. Your key is for Production').waitFor();
  });
});
