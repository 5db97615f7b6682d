// Headless Chromium for the sidebar tests: found on this machine, or the suite is skipped loudly (never in CI).
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (path): path is string => !!path,
);

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(): string | null {
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * `describe` when a browser exists; otherwise `describe.skip` with a loud warning. In CI a missing browser is a
 * failure, not a skip: the suite would silently prove nothing.
 */
export function describeWithBrowser(name: string, body: () => void): void {
  if (chromiumPath()) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true' || process.env.CI === '1') {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(
          `No Chromium binary found (tried ${CANDIDATES.join(', ')}); CI must install Debian's chromium.`,
        );
      });
    });
    return;
  }
  console.warn(
    `\n!!! SKIPPING browser tests "${name}": no Chromium found (tried ${CANDIDATES.join(', ')}).\n` +
      '!!! Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).\n',
  );
  describe.skip(name, body);
}

export function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium binary found.');
  return chromium.launch({ executablePath, args: LAUNCH_ARGS });
}

/** A page the size of a Sheets sidebar (300 px wide) that records every response body it receives. */
export async function sidebarPage(
  browser: Browser,
  height = 900,
): Promise<{ page: Page; responseTexts: () => Promise<string[]> }> {
  const context = await browser.newContext({ viewport: { width: 300, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const bodies: Promise<string>[] = [];
  page.on('response', (response) => {
    bodies.push(response.text().catch(() => ''));
  });
  return { page, responseTexts: () => Promise.all(bodies) };
}
