// SpreadsheetApp.Sheet: name, grid size, ranges, content extent, rows/columns, appendRow, clearing, frozen panes.
import { fail } from '../errors';
import type { BookData } from '../model/book';
import type { SheetData } from '../model/sheet-data';
import { clearArea } from '../model/write';
import { areaFromA1, checkedArea, expectArgs, isInteger } from './args';
import { SHEET_TYPE } from './enums';
import { RangeApi } from './range';
import { appendRow, deleteSome, freeze, hide, insertAround, sortSheet } from './sheet-ops';
import { makeSpreadsheet } from './spreadsheet';
import { type ApiEnv, type ApiObject, defineApi } from './strict';

const LOCAL = ['getName', 'getSheetId', 'getParent', 'getType', 'getIndex'];

export function makeSheet(env: ApiEnv, book: BookData, sheet: SheetData): SheetApi {
  return new SheetApi(env, book, sheet);
}

export function activateSheet(book: BookData, sheet: SheetData): void {
  book.activeSheetId = sheet.sheetId;
}

/** What Google answers for a Sheet object whose sheet was deleted is unconfirmed; the emulator refuses plainly. */
export function deletedSheetGuard(sheet: SheetData, type: string, method: string): void {
  if (sheet.deleted) fail(`Unsupported in the emulator: SpreadsheetApp.${type}.${method} on a deleted sheet`);
}

export class SheetApi implements ApiObject {
  constructor(
    readonly _env: ApiEnv,
    readonly _book: BookData,
    readonly _sheet: SheetData,
  ) {}

  private _m(name: string): string {
    return `SpreadsheetApp.Sheet.${name}`;
  }
  private _range(row: number, column: number, rows: number, columns: number): RangeApi {
    return new RangeApi(this._env, this._book, this._sheet, checkedArea(this._sheet, row, column, rows, columns));
  }

  getName(): string {
    return this._sheet.name;
  }
  setName(name: unknown): this {
    expectArgs(this._m('setName'), [name], typeof name === 'string' && name.trim() !== '');
    this._book.renameSheet(this._sheet, name as string);
    return this;
  }
  getSheetId(): number {
    return this._sheet.sheetId;
  }
  getIndex(): number {
    return this._book.sheets.indexOf(this._sheet) + 1;
  }
  getParent(): unknown {
    return makeSpreadsheet(this._env, this._book);
  }
  getType(): unknown {
    return SHEET_TYPE.GRID;
  }

  getRange(...args: unknown[]): RangeApi {
    if (args.length === 1 && typeof args[0] === 'string') {
      const found = areaFromA1(this._book, this._sheet, args[0]);
      return new RangeApi(this._env, this._book, found.sheet, found.area);
    }
    expectArgs(this._m('getRange'), args, args.length >= 2 && args.length <= 4 && args.every(isInteger));
    const [row, column, rows = 1, columns = 1] = args as number[];
    return this._range(row, column, rows, columns);
  }
  /** A1 through the last row and column with content; just A1 on an empty sheet. */
  getDataRange(): RangeApi {
    return this._range(1, 1, Math.max(1, this._sheet.lastRow()), Math.max(1, this._sheet.lastColumn()));
  }
  getLastRow(): number {
    return this._sheet.lastRow();
  }
  getLastColumn(): number {
    return this._sheet.lastColumn();
  }
  getMaxRows(): number {
    return this._sheet.maxRows;
  }
  getMaxColumns(): number {
    return this._sheet.maxColumns;
  }

  insertRowsAfter(after: unknown, howMany: unknown): this {
    return this._insert('insertRowsAfter', 'row', 'after', [after, howMany]);
  }
  insertRowsBefore(before: unknown, howMany: unknown): this {
    return this._insert('insertRowsBefore', 'row', 'before', [before, howMany]);
  }
  insertRowAfter(after: unknown): this {
    return this._insert('insertRowAfter', 'row', 'after', [after]);
  }
  insertRowBefore(before: unknown): this {
    return this._insert('insertRowBefore', 'row', 'before', [before]);
  }
  insertRows(rowIndex: unknown, numRows?: unknown): void {
    this._insert('insertRows', 'row', 'before', numRows === undefined ? [rowIndex] : [rowIndex, numRows]);
  }
  insertColumnsAfter(after: unknown, howMany: unknown): this {
    return this._insert('insertColumnsAfter', 'column', 'after', [after, howMany]);
  }
  insertColumnsBefore(before: unknown, howMany: unknown): this {
    return this._insert('insertColumnsBefore', 'column', 'before', [before, howMany]);
  }
  insertColumnAfter(after: unknown): this {
    return this._insert('insertColumnAfter', 'column', 'after', [after]);
  }
  insertColumnBefore(before: unknown): this {
    return this._insert('insertColumnBefore', 'column', 'before', [before]);
  }
  insertColumns(columnIndex: unknown, numColumns?: unknown): void {
    this._insert(
      'insertColumns',
      'column',
      'before',
      numColumns === undefined ? [columnIndex] : [columnIndex, numColumns],
    );
  }
  private _insert(method: string, axis: 'row' | 'column', where: 'before' | 'after', args: unknown[]): this {
    insertAround(this._book, this._sheet, { method: this._m(method), axis, args }, where);
    return this;
  }

  deleteRow(position: unknown): this {
    deleteSome(this._book, this._sheet, { method: this._m('deleteRow'), axis: 'row', args: [position] });
    return this;
  }
  deleteRows(position: unknown, howMany: unknown): void {
    deleteSome(this._book, this._sheet, { method: this._m('deleteRows'), axis: 'row', args: [position, howMany] });
  }
  deleteColumn(position: unknown): this {
    deleteSome(this._book, this._sheet, { method: this._m('deleteColumn'), axis: 'column', args: [position] });
    return this;
  }
  deleteColumns(position: unknown, howMany: unknown): void {
    deleteSome(this._book, this._sheet, {
      method: this._m('deleteColumns'),
      axis: 'column',
      args: [position, howMany],
    });
  }
  appendRow(row: unknown): this {
    appendRow(this._book, this._sheet, row, this._m('appendRow'), this._env.ctx.now());
    return this;
  }

  clear(options?: unknown): this {
    expectArgs(this._m('clear'), [options], options === undefined || (typeof options === 'object' && options !== null));
    const o = (options ?? {}) as { contentsOnly?: boolean; formatOnly?: boolean };
    const neither = !o.contentsOnly && !o.formatOnly;
    return this._clear(neither || !!o.contentsOnly, neither || !!o.formatOnly, false);
  }
  clearContents(): this {
    return this._clear(true, false, false);
  }
  clearFormats(): this {
    return this._clear(false, true, false);
  }
  clearNotes(): this {
    return this._clear(false, false, true);
  }
  private _clear(contents: boolean, formats: boolean, notes: boolean): this {
    const area = { row: 0, column: 0, rows: this._sheet.maxRows, columns: this._sheet.maxColumns };
    clearArea(this._sheet, area, { contents, formats, notes });
    return this;
  }

  setFrozenRows(rows: unknown): void {
    freeze(this._sheet, 'row', rows, this._m('setFrozenRows'));
  }
  getFrozenRows(): number {
    return this._sheet.frozenRows;
  }
  setFrozenColumns(columns: unknown): void {
    freeze(this._sheet, 'column', columns, this._m('setFrozenColumns'));
  }
  getFrozenColumns(): number {
    return this._sheet.frozenColumns;
  }
  hideSheet(): this {
    hide(this._book, this._sheet);
    return this;
  }
  showSheet(): this {
    this._sheet.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._sheet.hidden;
  }
  activate(): this {
    activateSheet(this._book, this._sheet);
    return this;
  }
  sort(columnPosition: unknown, ascending?: unknown): this {
    sortSheet(this._book, this._sheet, columnPosition, ascending, this._m('sort'));
    return this;
  }

  // Layout calls change nothing the emulator shows, but they cost a call like in Apps Script.
  setColumnWidth(column: unknown, width: unknown): this {
    expectArgs(this._m('setColumnWidth'), [column, width], isInteger(column) && typeof width === 'number');
    return this;
  }
  setColumnWidths(start: unknown, count: unknown, width: unknown): this {
    expectArgs(
      this._m('setColumnWidths'),
      [start, count, width],
      isInteger(start) && isInteger(count) && typeof width === 'number',
    );
    return this;
  }
  setRowHeight(row: unknown, height: unknown): this {
    expectArgs(this._m('setRowHeight'), [row, height], isInteger(row) && typeof height === 'number');
    return this;
  }
  autoResizeColumn(column: unknown): this {
    expectArgs(this._m('autoResizeColumn'), [column], isInteger(column));
    return this;
  }
  autoResizeColumns(start: unknown, count: unknown): this {
    expectArgs(this._m('autoResizeColumns'), [start, count], isInteger(start) && isInteger(count));
    return this;
  }
}

defineApi(SheetApi, {
  type: 'Sheet',
  local: LOCAL,
  cells: (_sheet, method, args) => (method === 'appendRow' && Array.isArray(args[0]) ? args[0].length : 0),
  guard: (sheet, method) => deletedSheetGuard(sheet._sheet, 'Sheet', method),
});
