// Shared test setup: an emulator over a small bundle written in the test, with a stand-in SpreadsheetApp.

import { GasEmulator } from '../../tools/gas-emulator';
import { type ServiceContext, SPREADSHEET_ID } from '../../tools/gas-emulator/context';
import type { CoreOptions } from '../../tools/gas-emulator/core';
import { strictObject } from '../../tools/gas-emulator/services/strict';
import type { SpreadsheetModel } from '../../tools/gas-emulator/spreadsheet-port';

export const START = Date.UTC(2026, 0, 5, 14, 0, 0); // Monday 09:00 in New York
export const ANA = 'ana@example.com';
export const BEN = 'ben@example.com';
export const API = 'https://api.example.com/';
export const ALL_SCOPES = [
  'spreadsheets',
  'script.container.ui',
  'script.external_request',
  'script.scriptapp',
  'script.send_mail',
  'userinfo.email',
];

/** A minimal SpreadsheetApp: the active spreadsheet (id only), openById and an add-on menu recorded as UI. */
export function standInSpreadsheets(): SpreadsheetModel<{ id: string }> {
  const docs = new Map<string, { owner: string; editors: string[] }>();
  let counter = 0;
  const store = {
    create(opts: { id?: string; owner: string; editors?: string[] }) {
      const id = opts.id ?? `doc-${++counter}`;
      docs.set(id, { owner: opts.owner, editors: opts.editors ?? [] });
      return id;
    },
    has: (id: string) => docs.has(id),
    canAccess: (id: string, user: string) =>
      docs.get(id)?.owner === user || Boolean(docs.get(id)?.editors.includes(user)),
    inspector: (id: string) => ({ id }),
  };
  const spreadsheet = (ctx: ServiceContext, id: string) =>
    strictObject(ctx, 'SpreadsheetApp.Spreadsheet', { [SPREADSHEET_ID]: id, getId: () => id });
  const createSpreadsheetApp = (ctx: ServiceContext) =>
    strictObject(ctx, 'SpreadsheetApp', {
      getActiveSpreadsheet() {
        ctx.requireScope(['spreadsheets.currentonly', 'spreadsheets'], 'SpreadsheetApp.getActiveSpreadsheet');
        ctx.call('SpreadsheetApp.getActiveSpreadsheet', { kind: 'sheet' });
        return ctx.activeSpreadsheetId ? spreadsheet(ctx, ctx.activeSpreadsheetId) : null;
      },
      openById(id: string) {
        ctx.requireScope(['spreadsheets'], 'SpreadsheetApp.openById');
        ctx.call('SpreadsheetApp.openById', { kind: 'sheet' });
        return spreadsheet(ctx, id);
      },
      getUi: () => standInUi(ctx),
    });
  return { store, createSpreadsheetApp };
}

function standInUi(ctx: ServiceContext): object {
  const items: Array<{ caption: string; functionName: string }> = [];
  const menu: object = strictObject(ctx, 'Ui.Menu', {
    addItem(caption: string, functionName: string) {
      items.push({ caption, functionName });
      return menu;
    },
    addToUi() {
      ctx.requireScope(['script.container.ui'], 'Ui.Menu.addToUi');
      ctx.recordUi({ kind: 'menu', detail: { title: 'Add-on', items } });
    },
  });
  return strictObject(ctx, 'Ui', {
    createAddonMenu: () => menu,
    showSidebar(html: { getTitle(): string; getContent(): string }) {
      ctx.requireScope(['script.container.ui'], 'Ui.showSidebar');
      ctx.recordUi({ kind: 'sidebar', detail: { title: html.getTitle(), html: html.getContent() } });
    },
  });
}

export function emulator(bundleSource: string, options: Partial<CoreOptions> = {}): GasEmulator {
  return new GasEmulator({
    bundleSource,
    manifest: { timeZone: 'America/New_York', oauthScopes: ALL_SCOPES, urlFetchWhitelist: [API] },
    htmlFiles: { Page: '<p>Hello</p>' },
    start: START,
    spreadsheetModel: standInSpreadsheets(),
    ...options,
  });
}
