// Public surface of the emulator's SpreadsheetApp: the store of spreadsheets, the per-execution global, inspectors.
export { createSpreadsheetApp } from './api/spreadsheet-app';
export type { MenuEntry } from './api/ui';
export type { CellView, SheetInspector, SpreadsheetInspector } from './inspector';
export { type CreateSpreadsheetOptions, SpreadsheetStore, type StoreOptions } from './store';
