// The SpreadsheetApp global: active document, openById access and scopes, UI recording, strictness, call metering.
import { SPREADSHEET_ID } from '../../../tools/gas-emulator/context';
import { createSpreadsheetApp, SpreadsheetStore } from '../../../tools/gas-emulator/spreadsheet';
import { CURRENT_ONLY, fakeContext, messageOf, OWNER, setup } from './fake-context';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function appFor(store: SpreadsheetStore, options: Parameters<typeof fakeContext>[0]) {
  const fake = fakeContext(options);
  return { app: createSpreadsheetApp(store, fake.ctx) as unknown as App, ...fake };
}

describe('documents', () => {
  it('has no active spreadsheet in a time-driven trigger, and opens the document by id', () => {
    const store = new SpreadsheetStore();
    const id = store.create({ owner: OWNER, name: 'Plan' });
    const { app } = appFor(store, { activeSpreadsheetId: null });
    expect(app.getActiveSpreadsheet()).toBeNull();
    expect(app.openById(id).getName()).toBe('Plan');
  });

  it('refuses unknown ids and documents the user cannot access', () => {
    const store = new SpreadsheetStore();
    const id = store.create({ owner: OWNER });
    const { app } = appFor(store, { user: 'eve@example.com' });
    expect(messageOf(() => app.openById('missing'))).toBe('You do not have access to the requested document.');
    expect(messageOf(() => app.openById(id))).toBe('You do not have access to the requested document.');
    store.inspector(id).addEditor('eve@example.com');
    expect(app.openById(id).getId()).toBe(id);
    expect(store.canAccess(id, 'eve@example.com')).toBe(true);
  });

  it('needs the full spreadsheets scope for openById, currentonly for the active file', () => {
    const store = new SpreadsheetStore();
    const id = store.create({ owner: OWNER });
    const { app } = appFor(store, { activeSpreadsheetId: id, scopes: [CURRENT_ONLY] });
    expect(app.getActiveSpreadsheet()!.getSheets()).toHaveLength(1);
    expect(messageOf(() => app.openById(id))).toMatch(/^You do not have permission to call SpreadsheetApp\.openById/);
  });

  it('in AuthMode.NONE can build menus but cannot read the document', () => {
    const store = new SpreadsheetStore();
    const id = store.create({ owner: OWNER });
    const { app, ui } = appFor(store, { activeSpreadsheetId: id, authMode: 'NONE' });
    app.getUi().createAddonMenu().addItem('Open', 'showSidebar').addToUi();
    expect(ui).toHaveLength(1);
    expect(messageOf(() => app.getActiveSpreadsheet())).toMatch(
      /^You do not have permission to call SpreadsheetApp\.getActiveSpreadsheet/,
    );
  });
});

describe('ui', () => {
  it('records menus with separators and sub-menus', () => {
    const { app, ui } = setup();
    const sub = app.getUi().createMenu('More').addItem('Help', 'help');
    app.getUi().createAddonMenu().addItem('Open', 'showSidebar').addSeparator().addSubMenu(sub).addToUi();
    expect(ui).toEqual([
      {
        kind: 'menu',
        detail: {
          title: '',
          addon: true,
          items: [
            { caption: 'Open', functionName: 'showSidebar' },
            { separator: true },
            { caption: 'More', items: [{ caption: 'Help', functionName: 'help' }] },
          ],
        },
      },
    ]);
  });

  it('records sidebars and toasts', () => {
    const { app, ss, ui } = setup();
    const html = { getTitle: () => 'Lever', getContent: () => '<p>hi</p>' };
    app.getUi().showSidebar(html as unknown as GoogleAppsScript.HTML.HtmlOutput);
    ss.toast('Imported 3 rows', 'Lever');
    expect(ui.map((e) => e.kind)).toEqual(['sidebar', 'toast']);
    expect(ui[0].detail).toEqual({ title: 'Lever', html: '<p>hi</p>' });
    expect(ui[1].detail).toMatchObject({ message: 'Imported 3 rows', title: 'Lever' });
  });

  it('needs the container UI scope for a sidebar', () => {
    const store = new SpreadsheetStore();
    const id = store.create({ owner: OWNER });
    const { app } = appFor(store, { activeSpreadsheetId: id, scopes: [CURRENT_ONLY] });
    const html = { getTitle: () => 'Lever', getContent: () => '' } as unknown as GoogleAppsScript.HTML.HtmlOutput;
    expect(messageOf(() => app.getUi().showSidebar(html))).toMatch(
      /^You do not have permission to call SpreadsheetApp\.Ui\.showSidebar/,
    );
  });

  it('has no UI without an active document (triggers)', () => {
    const store = new SpreadsheetStore();
    const { app } = appFor(store, { activeSpreadsheetId: null });
    expect(messageOf(() => app.getUi())).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('strictness and metering', () => {
  it('throws for members the emulator does not implement', () => {
    const { app, sheet, ss } = setup();
    const loose = (value: unknown) => value as Record<string, () => unknown>;
    expect(messageOf(() => loose(sheet.getRange('A1')).setDataValidation())).toBe(
      'Unsupported in the emulator: SpreadsheetApp.Range.setDataValidation',
    );
    expect(messageOf(() => loose(app).newRichTextValue())).toBe(
      'Unsupported in the emulator: SpreadsheetApp.newRichTextValue',
    );
    expect(messageOf(() => loose(ss).getNamedRanges())).toBe(
      'Unsupported in the emulator: SpreadsheetApp.Spreadsheet.getNamedRanges',
    );
    expect(messageOf(() => loose(app).ProtectionType)).toBe(
      'Unsupported in the emulator: SpreadsheetApp.ProtectionType',
    );
    expect(String(sheet)).toBe('Sheet');
    expect(loose(sheet).then).toBeUndefined();
    expect(loose(sheet)['@@__IMMUTABLE_ITERABLE__@@']).toBeUndefined();
    expect(app.Dimension.ROWS.toString()).toBe('ROWS');
  });

  it('tags Spreadsheet objects with their id for other services, without a metered call', () => {
    const { ss, id, calls } = setup();
    calls.length = 0;
    expect((ss as unknown as Record<symbol, unknown>)[SPREADSHEET_ID]).toBe(id);
    expect(calls).toEqual([]);
  });

  it('counts every call with the cells it touches', () => {
    const { sheet, calls } = setup();
    calls.length = 0;
    const range = sheet.getRange(1, 1, 10, 3);
    range.setValues(Array.from({ length: 10 }, () => ['a', 'b', 'c']));
    range.getValues();
    range.getNumRows();
    expect(calls).toEqual([
      { name: 'SpreadsheetApp.Sheet.getRange', cells: 0, kind: 'sheet' },
      { name: 'SpreadsheetApp.Range.setValues', cells: 30, kind: 'sheet' },
      { name: 'SpreadsheetApp.Range.getValues', cells: 30, kind: 'sheet' },
      { name: 'SpreadsheetApp.Range.getNumRows', cells: 0, kind: 'other' },
    ]);
  });

  it('keeps state across executions in the store', () => {
    const store = new SpreadsheetStore();
    const id = store.create({ owner: OWNER });
    appFor(store, { activeSpreadsheetId: id })
      .app.getActiveSpreadsheet()!
      .getSheets()[0]
      .getRange('A1')
      .setValue('kept');
    const second = appFor(store, { activeSpreadsheetId: id }).app;
    expect(second.getActiveSpreadsheet()!.getSheets()[0].getRange('A1').getValue()).toBe('kept');
    expect(store.inspector(id).sheet('Sheet1').cell('A1')).toMatchObject({
      value: 'kept',
      formula: '',
      numberFormat: 'General',
    });
  });
});
