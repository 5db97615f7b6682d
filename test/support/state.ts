// The product's shared document state as stored in the spreadsheet's hidden `_lever_state` sheet (key in A, value in
// B, each with a 'k:'/'v:' prefix), read straight from the emulator: what document properties used to show.
import type { GasEmulator } from '../../tools/gas-emulator';
import type { Harness } from './harness';

export const STATE_SHEET = '_lever_state';

export function documentState(emu: GasEmulator, spreadsheetId: string): Record<string, string> {
  const book = emu.spreadsheet(spreadsheetId);
  if (!book.hasSheet(STATE_SHEET)) return {};
  const state: Record<string, string> = {};
  for (const [key, value] of book.sheet(STATE_SHEET).values()) {
    if (typeof key !== 'string' || !key.startsWith('k:') || typeof value !== 'string' || !value.startsWith('v:'))
      continue;
    state[key.slice(2)] = value.slice(2);
  }
  return state;
}

/** An editor changing a stored value by hand (the sheet can be unhidden and typed into by anyone who can edit). */
export function editState(h: Harness, key: string, value: string): void {
  const sheet = h.emu.spreadsheet(h.ssId).sheet(STATE_SHEET);
  const rows = sheet.values();
  const index = rows.findIndex((row) => row[0] === `k:${key}`);
  const row = index < 0 ? rows.length + 1 : index + 1;
  sheet.typeRow(row, [`k:${key}`, `v:${value}`]);
}
