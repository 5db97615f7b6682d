// Screenshots of the main screens for the README, kept under docs/screenshots/.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const DIR = join(__dirname, '../../../docs/screenshots');

/**
 * Writes docs/screenshots/<name>.png when it is missing or UPDATE_SCREENSHOTS=1, so ordinary test runs leave the
 * committed images (and the working tree) alone.
 */
export async function keepScreenshot(page: Page, name: string, fullPage = false): Promise<void> {
  const path = join(DIR, `${name}.png`);
  if (existsSync(path) && process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(DIR, { recursive: true });
  // The caret blinks and the elapsed time ticks: neither belongs in a committed image.
  await page.screenshot({ path, fullPage, animations: 'disabled', caret: 'hide' });
}
