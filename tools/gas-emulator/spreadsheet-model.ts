// Wires the SpreadsheetApp model (tools/gas-emulator/spreadsheet) into the runtime, on the emulator's virtual clock.
import type { ServiceContext } from './context';
import { createSpreadsheetApp, type SpreadsheetInspector, SpreadsheetStore } from './spreadsheet';
import type { SpreadsheetModel } from './spreadsheet-port';

export type { SpreadsheetInspector } from './spreadsheet';

export function defaultSpreadsheetModel(
  now: () => number,
  maxSetValuesBytes?: number,
): SpreadsheetModel<SpreadsheetInspector> {
  const store = new SpreadsheetStore({ now, maxSetValuesBytes });
  return { store, createSpreadsheetApp: (ctx: ServiceContext) => createSpreadsheetApp(store, ctx) };
}
