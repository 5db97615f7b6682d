// What a user does in the sidebar, by accessible names, and what the tests read back from the emulated sheet.
import type { Page } from 'playwright-core';
import type { ColumnInfo } from '../../../src/shared/types';
import { zonedToEpoch } from '../../../tools/gas-emulator/timezone';
import { type DemoWorld, inspect } from '../../../tools/playground/world';

export async function connectKey(page: Page, key: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Lever API key' }).fill(key);
  await page.getByRole('button', { name: 'Check and save' }).click();
  await page.getByRole('heading', { name: 'Lever key', level: 1 }).waitFor();
}

export interface ImportChoices {
  name: string;
  object: 'Opportunities' | 'Requisitions';
  createdAfter?: string;
  /** Requisition statuses to untick. */
  untickStatuses?: string[];
}

/** Opens a new import and fills it in; leaves the builder open so the caller can preview, save or run. */
export async function fillNewImport(page: Page, choices: ImportChoices): Promise<void> {
  await page.getByRole('button', { name: 'Imports', exact: true }).click();
  await page.getByRole('button', { name: 'New import' }).click();
  await page.getByRole('textbox', { name: 'Import name' }).waitFor();
  if (choices.object === 'Requisitions') {
    await page.getByRole('radio', { name: /^Requisitions/ }).check();
    await page.getByRole('group', { name: 'Requisition status' }).waitFor();
  }
  await page.getByRole('textbox', { name: 'Import name' }).fill(choices.name);
  if (choices.createdAfter) await page.getByLabel('Created on or after').fill(choices.createdAfter);
  const statuses = page.getByRole('group', { name: 'Requisition status' });
  for (const status of choices.untickStatuses ?? []) await statuses.getByRole('checkbox', { name: status }).uncheck();
}

/** Waits for the run view to end (the bridge blocks while an execution runs, so allow for several). */
export async function waitForRunEnd(page: Page, name: string, timeout = 120_000): Promise<'finished' | 'failed'> {
  const heading = page.getByRole('heading', { name: new RegExp(`^"${name}" (finished|failed)$`) });
  await heading.waitFor({ timeout });
  return (await heading.textContent())?.endsWith('finished') ? 'finished' : 'failed';
}

/** The values of one column (by its header) below the header row of a sheet in the emulated spreadsheet. */
export function columnValues(world: DemoWorld, sheet: string, header: string): string[] {
  const rows = inspect(world).sheet(sheet).displayValues();
  const index = rows[0]?.indexOf(header) ?? -1;
  if (index < 0) throw new Error(`No column "${header}" in ${sheet}: ${JSON.stringify(rows[0])}`);
  return rows.slice(1).map((row) => row[index]);
}

/** The header the add-on gives the Lever ID column of an object, asked from the bundle itself. */
export function idHeader(world: DemoWorld, object: 'opportunities' | 'requisitions'): string {
  const outcome = world.emu.callFromSidebar('listColumns', [object], {
    user: world.users[0],
    spreadsheetId: world.spreadsheetId,
  });
  const column = (outcome.value as ColumnInfo[] | undefined)?.find((c) => c.key === 'id');
  if (!column) throw new Error(`listColumns(${object}) has no id column`);
  return column.label;
}

/** Epoch ms of local midnight starting `date` (yyyy-MM-dd) in a time zone, computed independently of the product. */
export function localMidnight(date: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return zonedToEpoch({ year, month, day }, timeZone);
}
