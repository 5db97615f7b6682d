// A minimal ServiceContext for SpreadsheetApp tests: a separate vm realm, recorded calls and UI, a settable clock.
import vm from 'node:vm';
import type { AuthMode, ServiceContext, UiEvent } from '../../../tools/gas-emulator/context';
import { createSpreadsheetApp, SpreadsheetStore } from '../../../tools/gas-emulator/spreadsheet';

export const FULL = 'https://www.googleapis.com/auth/spreadsheets';
export const CURRENT_ONLY = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
export const CONTAINER_UI = 'https://www.googleapis.com/auth/script.container.ui';
export const OWNER = 'ana@example.com';

export interface FakeOptions {
  user?: string;
  activeSpreadsheetId?: string | null;
  authMode?: AuthMode;
  scopes?: string[];
  now?: number;
}

export interface Fake {
  ctx: ServiceContext;
  calls: Array<{ name: string; cells: number; kind: string }>;
  ui: Array<Pick<UiEvent, 'kind' | 'detail'>>;
  realm: { Date: DateConstructor; Error: ErrorConstructor };
}

export function fakeContext(options: FakeOptions = {}): Fake {
  const realm = vm.runInNewContext('({ Date, Error })') as Fake['realm'];
  const calls: Fake['calls'] = [];
  const ui: Fake['ui'] = [];
  const granted = options.scopes ?? [FULL, CONTAINER_UI];
  const authMode = options.authMode ?? 'FULL';
  const exception = (message: string) => Object.assign(new realm.Error(message), { name: 'Exception' });
  const ctx: ServiceContext = {
    user: options.user ?? OWNER,
    activeSpreadsheetId: options.activeSpreadsheetId ?? null,
    documentId: options.activeSpreadsheetId ?? null,
    authMode,
    call: (name, cost) => void calls.push({ name, cells: cost?.cells ?? 0, kind: cost?.kind ?? 'other' }),
    requireScope(scopes, method) {
      // Like the runtime: AuthMode.NONE allows only what building the add-on menu needs.
      const allowed = authMode === 'NONE' ? granted.filter((scope) => scope === CONTAINER_UI) : granted;
      if (!scopes.some((scope) => allowed.includes(scope))) {
        throw exception(`You do not have permission to call ${method}. Required permissions: ${scopes.join(', ')}`);
      }
    },
    exception,
    makeDate: (ms) => new realm.Date(ms),
    now: () => options.now ?? Date.UTC(2026, 0, 5, 14),
    recordUi: (event) => void ui.push(event),
  };
  return { ctx, calls, ui, realm };
}

/** A store with one spreadsheet and a SpreadsheetApp bound to it as the active document. */
export function setup(options: FakeOptions & { timeZone?: string } = {}) {
  const store = new SpreadsheetStore({ now: () => options.now ?? Date.UTC(2026, 0, 5, 14) });
  const id = store.create({ name: 'Plan', timeZone: options.timeZone ?? 'America/New_York', owner: OWNER });
  const fake = fakeContext({ activeSpreadsheetId: id, ...options });
  // biome-ignore lint/suspicious/noExplicitAny: the emulated global is untyped, as Apps Script code sees it
  const app = createSpreadsheetApp(store, fake.ctx) as any as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  return { store, id, app, ss, sheet: ss.getSheets()[0], inspector: store.inspector(id), ...fake };
}

/** The message of what `action` throws (fails the test when nothing is thrown). */
export function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an exception');
}
