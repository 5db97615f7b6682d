// Sidebar behaviour in Chromium against the hand-written fake server: exact control of keys, steps, failures, owners.
import type { Browser, Page } from 'playwright-core';
import type { PlaygroundBackend } from '../../tools/playground/backend';
import { describeWithBrowser, launchChromium } from './support/browser';
import { fakeBackend, swappableBackend } from './support/fake-backend';
import { FAKE_GOOD_KEY, FAKE_OPPS_ONLY_KEY, FakeServer } from './support/fake-server';
import {
  alertText,
  headingOutline,
  openSidebar,
  pageContent,
  type SidebarSession,
  unlabelledControls,
  viewTexts,
} from './support/session';

const ANA = 'ana@example.com';
const BEN = 'ben@example.com';

async function connect(page: Page, key: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Lever API key' }).fill(key);
  await page.getByRole('button', { name: 'Check and save' }).click();
  await page.getByRole('heading', { name: 'Lever key', level: 1 }).waitFor();
}

/** Runs the import from its card until the run view says it finished. */
async function runToTheEnd(page: Page, name: string): Promise<void> {
  await page.getByRole('article', { name }).getByRole('button', { name: 'Run now' }).click();
  await page.getByRole('heading', { name: `"${name}" finished` }).waitFor();
}

async function saveDefaultImport(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Imports' }).click();
  await page.getByRole('button', { name: 'New import' }).click();
  await page.getByRole('textbox', { name: 'Import name' }).fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('article', { name }).waitFor();
}

describeWithBrowser('sidebar against the fake server', () => {
  let browser: Browser;
  let session: SidebarSession;
  const swap = swappableBackend();

  /** A fresh sidebar document as `user`, on a fresh fake. */
  async function start(backend: PlaygroundBackend, user = ANA): Promise<SidebarSession> {
    swap.use(backend);
    await session.open(user);
    return session;
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

  it('keeps a rejected key out of storage, says why, and gives focus back to the field', async () => {
    const backend = fakeBackend();
    await start(backend);
    const { page } = session;
    const field = page.getByRole('textbox', { name: 'Lever API key' });
    await expect(field.getAttribute('type')).resolves.toBe('password');
    await page.getByRole('checkbox', { name: 'Show key' }).check();
    await expect(field.getAttribute('type')).resolves.toBe('text');
    await page.getByRole('button', { name: 'Check and save' }).click();
    expect(await alertText(page)).toBe('Paste your Lever API key first.');
    await field.fill('not-a-key');
    await page.getByRole('button', { name: 'Check and save' }).click();
    await page.getByRole('alert').getByText('Lever did not accept this API key').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await field.getAttribute('id'));
    expect(backend.fake.api(ANA).getSidebarState().key.saved).toBe(false);
  });

  it('shows what a limited key can read, masked, and warns in the builder', async () => {
    await start(fakeBackend());
    const { page } = session;
    await connect(page, FAKE_OPPS_ONLY_KEY);
    await page.getByText(`••••${FAKE_OPPS_ONLY_KEY.slice(-4)}`).waitFor();
    const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${name}`) });
    await expect(row('Opportunities').textContent()).resolves.toContain('Yes');
    await expect(row('Requisitions').textContent()).resolves.toContain('No');
    await expect(row('Confidential data').textContent()).resolves.toContain('No');
    expect(await pageContent(page)).not.toContain(FAKE_OPPS_ONLY_KEY);
    await page.getByRole('button', { name: 'Create an import' }).click();
    await page.getByRole('radio', { name: /Requisitions/ }).check();
    await page.getByText('Your Lever key cannot read requisitions').waitFor();
    await expect(page.getByRole('combobox', { name: 'Confidential records' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Preview' }).click();
    expect(await alertText(page)).toMatch(/cannot read requisitions/);
  });

  it('reorders columns from the keyboard and saves them in that order', async () => {
    const backend = fakeBackend();
    await start(backend);
    const { page } = session;
    await connect(page, FAKE_GOOD_KEY);
    await page.getByRole('button', { name: 'Create an import' }).click();
    await page.getByRole('checkbox', { name: 'Tags' }).check();
    await page.getByRole('button', { name: 'Move Tags up' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Move Tags up');
    await page.getByRole('checkbox', { name: 'Stage' }).uncheck();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').getByText('Saved "Opportunities".').waitFor();
    const saved = backend.fake.api(ANA).getSidebarState().imports[0].definition;
    expect(saved.columns).toEqual(['id', 'name', 'tags', 'createdAt']);
  });

  it('warns before writing into a sheet the add-on did not create', async () => {
    await start(fakeBackend());
    const { page } = session;
    await connect(page, FAKE_GOOD_KEY);
    await page.getByRole('button', { name: 'Create an import' }).click();
    await page.getByRole('radio', { name: 'An existing sheet' }).check();
    await page.getByRole('combobox', { name: 'Existing sheet' }).selectOption('Sheet1');
    await page.getByText('"Sheet1" already exists and was not created by this add-on').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await alertText(page)).toMatch(/Confirm that the import may write into "Sheet1"/);
    await page.getByRole('checkbox', { name: 'Write into "Sheet1" anyway' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('article', { name: 'Opportunities' }).getByText('sheet "Sheet1"').waitFor();
  });

  it('shows progress across continued runs, then the summary', async () => {
    const backend = fakeBackend(new FakeServer({ steps: 3, recordsPerStep: 40, stepDelayMs: 600 }));
    await start(backend);
    const { page } = session;
    await connect(page, FAKE_GOOD_KEY);
    await saveDefaultImport(page, 'Pipeline');
    await page.getByRole('article', { name: 'Pipeline' }).getByRole('button', { name: 'Run now' }).click();
    await page.getByRole('heading', { name: 'Running "Pipeline"' }).waitFor();
    await expect(page.getByRole('progressbar', { name: 'Import progress' }).count()).resolves.toBe(1);
    await page.getByText(/continues in a new run/).waitFor();
    await page.getByRole('heading', { name: '"Pipeline" finished' }).waitFor({ timeout: 10_000 });
    await page.getByRole('status').getByText('Wrote 160 rows to the sheet "Pipeline"').waitFor();
    const fetched = (await viewTexts(page))
      .filter((text) => text.startsWith('Running'))
      .map((text) => Number(/Records fetched\s+([\d,]+)/.exec(text)?.[1]));
    expect(new Set(fetched)).toEqual(new Set([0, 40, 80, 120]));
    expect(fetched).toEqual([...fetched].sort((a, b) => a - b));
    const summary = page.getByRole('definition');
    await expect(summary.allTextContents()).resolves.toEqual(['160', '160', '4', '1', '4', '1 s']);
    expect(backend.fake.sheets.get('Pipeline')).toHaveLength(161);
  });

  it("announces a failed run with the server's sentence", async () => {
    const backend = fakeBackend(new FakeServer({ steps: 1, failWith: 'Lever did not answer after 5 tries.' }));
    await start(backend);
    const { page } = session;
    await connect(page, FAKE_GOOD_KEY);
    await saveDefaultImport(page, 'Pipeline');
    await page.getByRole('article', { name: 'Pipeline' }).getByRole('button', { name: 'Run now' }).click();
    expect(await alertText(page)).toBe('Lever did not answer after 5 tries.');
    await page.getByRole('heading', { name: '"Pipeline" failed' }).waitFor();
    await page.getByRole('button', { name: 'Back to imports' }).click();
    const card = page.getByRole('article', { name: 'Pipeline' });
    await card.getByText('Lever did not answer after 5 tries.').waitFor();
    await card.getByText(/: Failed$/).waitFor();
  });

  it('lets the owner schedule, shows the owner to others, and keeps it read-only for them', async () => {
    const backend = fakeBackend();
    await start(backend, ANA);
    const { page } = session;
    await connect(page, FAKE_GOOD_KEY);
    await saveDefaultImport(page, 'Pipeline');
    await page.getByRole('article', { name: 'Pipeline' }).getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('radio', { name: 'Every week' }).check();
    await page.getByRole('combobox', { name: 'On' }).selectOption('FRIDAY');
    await page.getByRole('combobox', { name: 'At' }).selectOption('17');
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await page.getByRole('article', { name: 'Pipeline' }).getByText('Weekly on Friday at 17:00').waitFor();
    await page.getByRole('article', { name: 'Pipeline' }).getByText('owner: you').waitFor();

    await session.open(BEN);
    const other = session.page;
    await connect(other, FAKE_GOOD_KEY);
    await other.getByRole('button', { name: 'Imports' }).click();
    await other.getByRole('article', { name: 'Pipeline' }).getByText(`owner: ${ANA}`).waitFor();
    await other.getByRole('article', { name: 'Pipeline' }).getByRole('button', { name: 'Schedule' }).click();
    await other.getByText(`Only ${ANA} can change or stop this schedule`).waitFor();
    await expect(other.getByRole('button', { name: 'Save schedule' }).count()).resolves.toBe(0);
  });

  it('duplicates, and deletes only after confirmation', async () => {
    const backend = fakeBackend();
    await start(backend);
    const { page } = session;
    await connect(page, FAKE_GOOD_KEY);
    await saveDefaultImport(page, 'Pipeline');
    await page.getByRole('article', { name: 'Pipeline' }).getByRole('button', { name: 'Duplicate' }).click();
    await page.getByRole('article', { name: 'Pipeline (copy)' }).waitFor();
    const copy = page.getByRole('article', { name: 'Pipeline (copy)' });
    await copy.getByRole('button', { name: 'Delete', exact: true }).click();
    await copy.getByRole('button', { name: 'Cancel' }).click();
    expect(backend.fake.api(ANA).getSidebarState().imports).toHaveLength(2);
    await copy.getByRole('button', { name: 'Delete', exact: true }).click();
    await copy.getByRole('button', { name: 'Delete import' }).click();
    await page.getByRole('status').getByText('Deleted "Pipeline (copy)"').waitFor();
    expect(
      backend.fake
        .api(ANA)
        .getSidebarState()
        .imports.map((s) => s.definition.name),
    ).toEqual(['Pipeline']);
  });

  it('gives every screen one h1 first, a label on every control, and focus on the new heading', async () => {
    await start(fakeBackend());
    const { page } = session;
    const check = async (screen: string) => {
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      const outline = await headingOutline(page);
      expect([screen, outline.filter((h) => h.startsWith('h1')).length, outline[0]?.slice(0, 2)]).toEqual([
        screen,
        1,
        'h1',
      ]);
      expect([screen, await unlabelledControls(page)]).toEqual([screen, []]);
    };
    await page.getByRole('heading', { name: 'Connect to Lever' }).waitFor();
    await check('connect');
    await connect(page, FAKE_GOOD_KEY);
    await check('key');
    await page.getByRole('button', { name: 'Create an import' }).click();
    await page.getByRole('textbox', { name: 'Import name' }).waitFor();
    await check('builder');
    await page.getByRole('radio', { name: /^Requisitions/ }).check();
    await page.getByRole('group', { name: 'Requisition status' }).waitFor();
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('article', { name: 'Requisitions' }).waitFor();
    await check('imports');
    await page.getByRole('button', { name: 'Schedule' }).click();
    await check('schedule');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).resolves.toBe('radio');
  });

  it('edits a saved import in place', async () => {
    const backend = fakeBackend();
    await start(backend);
    const { page } = session;
    await connect(page, FAKE_GOOD_KEY);
    await saveDefaultImport(page, 'Pipeline');
    await page.getByRole('article', { name: 'Pipeline' }).getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Edit "Pipeline"' }).waitFor();
    await expect(page.getByRole('textbox', { name: 'Import name' }).inputValue()).resolves.toBe('Pipeline');
    await page.getByRole('textbox', { name: 'Import name' }).fill('Pipeline (active)');
    await page.getByRole('combobox', { name: 'Archived opportunities' }).selectOption('only');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('article', { name: 'Pipeline (active)' }).waitFor();
    const imports = backend.fake
      .api(ANA)
      .getSidebarState()
      .imports.map((s) => s.definition);
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({
      name: 'Pipeline (active)',
      sheetName: 'Pipeline',
      filters: { archived: 'only' },
    });
  });
  it('keeps an edit of an import deleted meanwhile as a new import, of its account, into its sheet once confirmed', async () => {
    const backend = fakeBackend();
    await start(backend);
    const { page } = session;
    await page.getByRole('radio', { name: 'Sandbox' }).check();
    await connect(page, FAKE_GOOD_KEY);
    await saveDefaultImport(page, 'Pipeline');
    // Its run made the sheet "Pipeline", which a delete keeps; the key was saved before accounts were told apart.
    await runToTheEnd(page, 'Pipeline');
    backend.fake.forgetKeyEnvironment(ANA);
    await page.getByRole('button', { name: 'Back to imports' }).click();
    await page.getByRole('article', { name: 'Pipeline' }).getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Edit "Pipeline"' }).waitFor();
    await page.getByRole('textbox', { name: 'Import name' }).fill('Pipeline (active)');
    // Ben deletes it while Ana edits.
    const [gone] = backend.fake.api(BEN).getSidebarState().imports;
    backend.fake.api(BEN).deleteImport(gone.definition.id);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await alertText(page)).toMatch(/no longer exists.*save them as a new import/);
    await page.getByRole('heading', { name: 'New import' }).waitFor();
    // "Pipeline" is now no import's sheet: the form asks before writing into it, as the next Save requires.
    await page.getByRole('checkbox', { name: 'Write into "Pipeline" anyway' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('article', { name: 'Pipeline (active)' }).waitFor();
    const imports = backend.fake
      .api(ANA)
      .getSidebarState()
      .imports.map((s) => s.definition);
    expect(imports).toHaveLength(1);
    expect(imports[0].id).not.toBe(gone.definition.id);
    expect(imports[0]).toMatchObject({ name: 'Pipeline (active)', sheetName: 'Pipeline', environment: 'sandbox' });
  });

  it('keeps an edit an edit when its save fails for another reason, even if the import is gone by then', async () => {
    const backend = fakeBackend();
    await start(backend);
    const { page } = session;
    await connect(page, FAKE_GOOD_KEY);
    await saveDefaultImport(page, 'Pipeline');
    await page.getByRole('article', { name: 'Pipeline' }).getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Edit "Pipeline"' }).waitFor();
    const [gone] = backend.fake.api(BEN).getSidebarState().imports;
    backend.fake.api(BEN).deleteImport(gone.definition.id);
    backend.fake.failNext = { fn: 'saveImport', message: 'Another change is being saved. Try again in a moment.' };
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await alertText(page)).toMatch(/Try again in a moment/);
    // Not turned into a new import behind the user's back: the next Save says the import is gone.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText(/no longer exists/)
      .waitFor();
    await page.getByRole('heading', { name: 'New import' }).waitFor();
    expect(backend.fake.api(ANA).getSidebarState().imports).toHaveLength(0);
  });

  it('saves "Hires only" with a hired-on range from the builder', async () => {
    const backend = fakeBackend();
    await start(backend);
    const { page } = session;
    await connect(page, FAKE_GOOD_KEY);
    await page.getByRole('button', { name: 'Create an import' }).click();
    await page.getByRole('textbox', { name: 'Import name' }).fill('Hires 2025');
    await page.getByRole('checkbox', { name: 'Hires only' }).check();
    await page.getByLabel('Hired on or after').fill('2025-01-01');
    await page.getByLabel('Hired on or before').fill('2025-12-31');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('article', { name: 'Hires 2025' }).waitFor();
    const [saved] = backend.fake
      .api(ANA)
      .getSidebarState()
      .imports.map((s) => s.definition);
    expect(saved.filters).toMatchObject({ hiresOnly: true, hiredAfter: '2025-01-01', hiredBefore: '2025-12-31' });
  });
  it('notes beside the offer columns that a key without the offers permission leaves them empty', async () => {
    await start(fakeBackend());
    const { page } = session;
    await connect(page, FAKE_OPPS_ONLY_KEY);
    await expect(page.getByRole('row', { name: /^Offers/ }).textContent()).resolves.toContain('No');
    await page.getByRole('button', { name: 'Create an import' }).click();
    await page.getByText('Your Lever key cannot read offers, so the offer columns').waitFor();
  });
});
