// What the runtime needs from the SpreadsheetApp model (tools/gas-emulator/spreadsheet): a store and a service factory.
import type { ServiceContext } from './context';

export interface SpreadsheetStoreLike<Inspector> {
  create(opts: { id?: string; name?: string; timeZone?: string; owner: string; editors?: string[] }): string;
  has(id: string): boolean;
  canAccess(id: string, user: string): boolean;
  inspector(id: string): Inspector;
}

export interface SpreadsheetModel<Inspector = unknown> {
  store: SpreadsheetStoreLike<Inspector>;
  /** The SpreadsheetApp global for one execution. */
  createSpreadsheetApp(ctx: ServiceContext): object;
}
