// The SpreadsheetApp global of one execution: the active spreadsheet, openById, flush, getUi and the enums.
import type { ServiceContext } from '../../context';
import { fail, MESSAGES } from '../errors';
import type { SpreadsheetStore } from '../store';
import { expectArgs } from './args';
import { BORDER_STYLE, DIMENSION, SHEET_TYPE, WRAP_STRATEGY } from './enums';
import { makeSheet, type SheetApi } from './sheet';
import { activeSheetOf, makeSpreadsheet, type SpreadsheetApi } from './spreadsheet';
import { type ApiEnv, type ApiObject, defineApi } from './strict';
import { UiApi } from './ui';

const FULL_SCOPE = ['https://www.googleapis.com/auth/spreadsheets'] as const;

class SpreadsheetAppApi implements ApiObject {
  readonly Dimension = DIMENSION;
  readonly SheetType = SHEET_TYPE;
  readonly BorderStyle = BORDER_STYLE;
  readonly WrapStrategy = WRAP_STRATEGY;
  constructor(readonly _env: ApiEnv) {}

  private _open(id: string): SpreadsheetApi {
    const { store, ctx } = this._env;
    if (!store.has(id) || !store.canAccess(id, ctx.user)) fail(MESSAGES.noAccess);
    return makeSpreadsheet(this._env, store.book(id));
  }

  /** The container spreadsheet, or null (a time-driven trigger has none). */
  getActiveSpreadsheet(): SpreadsheetApi | null {
    const id = this._env.ctx.activeSpreadsheetId;
    return id === null ? null : this._open(id);
  }
  getActive(): SpreadsheetApi | null {
    const id = this._env.ctx.activeSpreadsheetId;
    return id === null ? null : this._open(id);
  }
  getActiveSheet(): SheetApi | null {
    const id = this._env.ctx.activeSpreadsheetId;
    if (id === null) return null;
    const book = this._open(id)._book;
    return makeSheet(this._env, book, activeSheetOf(book));
  }
  /**
   * Needs the full spreadsheets scope. Google's text for an unknown id or a file the user lost is unconfirmed;
   * both give "You do not have access to the requested document."
   */
  openById(id: unknown): SpreadsheetApi {
    expectArgs('SpreadsheetApp.openById', [id], typeof id === 'string');
    this._env.ctx.requireScope(FULL_SCOPE, 'SpreadsheetApp.openById');
    return this._open(id as string);
  }
  flush(): void {
    // Writes apply immediately in the emulator; flush only costs its call.
  }
  getUi(): UiApi {
    if (this._env.ctx.activeSpreadsheetId === null) fail(MESSAGES.noUiContext);
    return new UiApi(this._env);
  }
}

defineApi(SpreadsheetAppApi, { type: '', local: ['getUi', 'flush'], unscoped: ['getUi', 'flush'] });

/** Builds the SpreadsheetApp global for one execution over the emulator's spreadsheets. */
export function createSpreadsheetApp(store: SpreadsheetStore, ctx: ServiceContext): object {
  return new SpreadsheetAppApi({ store, ctx });
}
