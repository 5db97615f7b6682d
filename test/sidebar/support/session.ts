// A sidebar session for browser tests: a playground server over a backend, and one 300 px page on its sidebar
// (a new browser page costs a second or more on a busy machine, so tests reload the same page instead).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PlaygroundBackend } from '../../../tools/playground/backend';
import { type PlaygroundServer, startPlaygroundServer } from '../../../tools/playground/http';
import { sidebarPage } from './browser';

export const SIDEBAR_HTML = join(__dirname, '../../../dist/Sidebar.html');

export interface SidebarSession {
  page: Page;
  server: PlaygroundServer;
  /** Every response body the page has received so far (documents and bridged calls). */
  responseTexts(): Promise<string[]>;
  /** Uncaught errors in the page since the last open: any is a bug. */
  pageErrors: string[];
  /** Loads the sidebar afresh as `user` (a new document: no state kept but the server's). */
  open(user: string): Promise<void>;
  close(): Promise<void>;
}

export async function openSidebar(
  browser: Browser,
  backend: PlaygroundBackend,
  options: { user?: string; height?: number; server?: PlaygroundServer } = {},
): Promise<SidebarSession> {
  const server = options.server ?? (await startPlaygroundServer(backend, { port: 0, sidebarHtmlPath: SIDEBAR_HTML }));
  const { page, responseTexts } = await sidebarPage(browser, options.height);
  await page.addInitScript(recordViewTexts);
  const session: SidebarSession = {
    page,
    server,
    responseTexts,
    pageErrors: [],
    async open(user) {
      session.pageErrors.length = 0;
      await page.goto(`${server.url}/sidebar?user=${encodeURIComponent(user)}`);
    },
    async close() {
      await page.context().close();
      if (!options.server) await server.close();
    },
  };
  page.on('pageerror', (error) => session.pageErrors.push(error.message));
  await session.open(options.user ?? backend.users[0]);
  return session;
}

/** The text of the assertive live region once it has some (notices are written a moment after they are cleared). */
export async function alertText(page: Page): Promise<string> {
  const alert = page.getByRole('alert');
  await page.waitForFunction(() => (document.querySelector('[role="alert"]')?.textContent ?? '').trim() !== '');
  return (await alert.textContent())?.trim() ?? '';
}

/** Everything a user or script could read from the page: markup plus the live values of every field. */
export async function pageContent(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = Array.from(document.querySelectorAll('input, textarea, select')).map(
      (el) => (el as HTMLInputElement).value,
    );
    return `${document.documentElement.outerHTML}\n${values.join('\n')}`;
  });
}

declare global {
  interface Window {
    __viewTexts?: string[];
  }
}

/**
 * Runs in the page: keeps every distinct text the view showed. The emulator answers synchronously in this same
 * process, so the test cannot look at the page while an execution runs; the page remembers for it.
 */
function recordViewTexts(): void {
  const seen: string[] = [];
  window.__viewTexts = seen;
  const record = () => {
    // biome-ignore lint/performance/useDomNodeTextContent: tests match rendered lines, e.g. "Records fetched\n400".
    const text = (document.getElementById('view') as HTMLElement | null)?.innerText ?? '';
    if (text && text !== seen[seen.length - 1]) seen.push(text);
  };
  new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true });
}

/** Every distinct text the sidebar's view has shown since the page opened. */
export function viewTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__viewTexts ?? []);
}

/** Visible form controls and buttons that have no accessible name (label, aria-label or text): should be none. */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('input, select, textarea, button'))
      .filter((el) => !el.closest('[hidden]'))
      .filter((el) => {
        const labels = (el as HTMLInputElement).labels;
        const named = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
        const text = el.tagName === 'BUTTON' && (el.textContent ?? '').trim();
        return !(named || (labels && labels.length > 0) || text);
      })
      .map((el) => el.outerHTML.slice(0, 100)),
  );
}

/** The view's heading outline, e.g. ["h1 Imports", "h2 Pipeline"]. */
export function headingOutline(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('#view h1, #view h2, #view h3')).map(
      (h) => `${h.tagName.toLowerCase()} ${(h.textContent ?? '').trim()}`,
    ),
  );
}
