// SpreadsheetApp.Spreadsheet: identity, sheets (find, insert, delete, activate), time zone and toasts.
import { SPREADSHEET_ID } from '../../context';
import { fail, MESSAGES } from '../errors';
import type { BookData } from '../model/book';
import type { SheetData } from '../model/sheet-data';
import { isValidTimeZone } from '../values/serial';
import { areaFromA1, expectArgs, isInteger } from './args';
import { RangeApi } from './range';
import { activateSheet, makeSheet, SheetApi } from './sheet';
import { type ApiEnv, type ApiObject, defineApi } from './strict';

const LOCAL = ['getId', 'getUrl'];

export function makeSpreadsheet(env: ApiEnv, book: BookData): SpreadsheetApi {
  return new SpreadsheetApi(env, book);
}

export function activeSheetOf(book: BookData): SheetData {
  return book.sheetById(book.activeSheetId) ?? book.sheets[0];
}

export class SpreadsheetApi implements ApiObject {
  /** Lets other services (ScriptApp.getUserTriggers(ss)) read the id without a metered call. */
  readonly [SPREADSHEET_ID]: string;

  constructor(
    readonly _env: ApiEnv,
    readonly _book: BookData,
  ) {
    this[SPREADSHEET_ID] = _book.id;
  }

  private _m(name: string): string {
    return `SpreadsheetApp.Spreadsheet.${name}`;
  }

  getId(): string {
    return this._book.id;
  }
  getName(): string {
    return this._book.name;
  }
  rename(name: unknown): void {
    expectArgs(this._m('rename'), [name], typeof name === 'string');
    this._book.name = name as string;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._book.id}/edit`;
  }
  getOwner(): unknown {
    const email = this._book.owner;
    return { getEmail: () => email, toString: () => 'User' };
  }
  getSpreadsheetLocale(): string {
    return 'en_US';
  }
  getSpreadsheetTimeZone(): string {
    return this._book.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: unknown): void {
    expectArgs(this._m('setSpreadsheetTimeZone'), [timeZone], typeof timeZone === 'string');
    if (!isValidTimeZone(timeZone)) fail(MESSAGES.invalidTimeZone);
    this._book.timeZone = timeZone;
  }

  getSheets(): SheetApi[] {
    return this._book.sheets.map((sheet) => makeSheet(this._env, this._book, sheet));
  }
  getNumSheets(): number {
    return this._book.sheets.length;
  }
  /** null on a miss; the match is case-sensitive. */
  getSheetByName(name: unknown): SheetApi | null {
    expectArgs(this._m('getSheetByName'), [name], typeof name === 'string');
    const sheet = this._book.sheetByName(name as string);
    return sheet === undefined ? null : makeSheet(this._env, this._book, sheet);
  }
  getSheetById(id: unknown): SheetApi | null {
    expectArgs(this._m('getSheetById'), [id], isInteger(id));
    const sheet = this._book.sheetById(id as number);
    return sheet === undefined ? null : makeSheet(this._env, this._book, sheet);
  }
  /** insertSheet(), (index), (name) or (name, index); the new sheet becomes the active one. */
  insertSheet(...args: unknown[]): SheetApi {
    const [first, second] = args;
    const named = typeof first === 'string';
    const index = named ? second : first;
    const valid = args.length <= 2 && (named || args.length <= 1) && (index === undefined || isInteger(index));
    expectArgs(this._m('insertSheet'), args, valid);
    const sheet = this._book.addSheet(named ? (first as string) : undefined, index as number | undefined);
    activateSheet(this._book, sheet);
    return makeSheet(this._env, this._book, sheet);
  }
  deleteSheet(sheet: unknown): void {
    expectArgs(this._m('deleteSheet'), [sheet], sheet instanceof SheetApi);
    const target = (sheet as SheetApi)._sheet;
    if ((sheet as SheetApi)._book !== this._book || target.deleted)
      fail('Unsupported in the emulator: deleting a sheet of another spreadsheet');
    this._book.removeSheet(target);
  }
  getActiveSheet(): SheetApi {
    return makeSheet(this._env, this._book, this._activeSheet());
  }
  private _activeSheet(): SheetData {
    return activeSheetOf(this._book);
  }
  setActiveSheet(sheet: unknown): SheetApi {
    expectArgs(this._m('setActiveSheet'), [sheet], sheet instanceof SheetApi);
    activateSheet(this._book, (sheet as SheetApi)._sheet);
    return sheet as SheetApi;
  }
  /** A1 notation, optionally with a sheet name; without one it means the active sheet. */
  getRange(a1: unknown): RangeApi {
    expectArgs(this._m('getRange'), [a1], typeof a1 === 'string');
    const found = areaFromA1(this._book, this._activeSheet(), a1 as string);
    return new RangeApi(this._env, this._book, found.sheet, found.area);
  }
  toast(...args: unknown[]): void {
    const [message, title, timeoutSeconds] = args;
    const valid = args.length >= 1 && args.length <= 3 && (title === undefined || typeof title === 'string');
    expectArgs(this._m('toast'), args, valid);
    const detail = {
      message: String(message),
      title: title ?? '',
      timeoutSeconds: timeoutSeconds ?? 5,
      spreadsheetId: this._book.id,
    };
    this._env.ctx.recordUi({ kind: 'toast', detail });
  }
}

defineApi(SpreadsheetApi, { type: 'Spreadsheet', local: LOCAL });
