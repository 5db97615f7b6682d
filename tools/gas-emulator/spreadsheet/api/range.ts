// SpreadsheetApp.Range: reads, writes, formats, notes, copyTo and sort over a fixed rectangle of one sheet.
import { fail, payloadTooLarge } from '../errors';
import { a1Of } from '../formula/a1';
import type { BookData } from '../model/book';
import { copyArea, copyTargetArea, sortArea } from '../model/copy-sort';
import {
  type Area,
  isAreaBlank,
  readDisplayValues,
  readFormulas,
  readNotes,
  readNumberFormats,
  readValues,
} from '../model/read';
import type { SheetData } from '../model/sheet-data';
import {
  checkDimensions,
  clearArea,
  writeFormulas,
  writeNotes,
  writeNumberFormats,
  writeStyle,
  writeTyped,
} from '../model/write';
import { checkedArea, expectArgs, is2d, isInteger } from './args';
import { parseCopyOptions, parseSortSpec } from './range-options';
import { activateSheet, deletedSheetGuard, makeSheet } from './sheet';
import { type ApiEnv, type ApiObject, defineApi } from './strict';

const LOCAL = [
  'getRow',
  'getColumn',
  'getNumRows',
  'getNumColumns',
  'getLastRow',
  'getLastColumn',
  'getA1Notation',
  'getSheet',
  'offset',
  'getCell',
  'getHeight',
  'getWidth',
  'getGridId',
];

/** Refuses a setValues whose values, as JSON in UTF-8, pass the limit (nothing is written). */
function checkPayload(values: unknown[][], limit: number): void {
  if (!Number.isFinite(limit)) return;
  if (Buffer.byteLength(JSON.stringify(values), 'utf8') > limit) fail(payloadTooLarge(limit));
}

export class RangeApi implements ApiObject {
  constructor(
    readonly _env: ApiEnv,
    readonly _book: BookData,
    readonly _sheet: SheetData,
    readonly _area: Area,
  ) {}

  private _method(name: string): string {
    return `SpreadsheetApp.Range.${name}`;
  }

  private _all(value: unknown): unknown[][] {
    return Array.from({ length: this._area.rows }, () => new Array(this._area.columns).fill(value));
  }

  private _makeDate = (ms: number): Date => this._env.ctx.makeDate(ms);

  getValues(): unknown[][] {
    return readValues(this._book, this._sheet, this._area, this._makeDate);
  }
  getValue(): unknown {
    return readValues(this._book, this._sheet, { ...this._area, rows: 1, columns: 1 }, this._makeDate)[0][0];
  }
  getDisplayValues(): string[][] {
    return readDisplayValues(this._book, this._sheet, this._area);
  }
  getDisplayValue(): string {
    return readDisplayValues(this._book, this._sheet, { ...this._area, rows: 1, columns: 1 })[0][0];
  }
  getFormulas(): string[][] {
    return readFormulas(this._sheet, this._area);
  }
  getFormula(): string {
    return readFormulas(this._sheet, { ...this._area, rows: 1, columns: 1 })[0][0];
  }
  getNumberFormats(): string[][] {
    return readNumberFormats(this._sheet, this._area);
  }
  getNumberFormat(): string {
    return readNumberFormats(this._sheet, { ...this._area, rows: 1, columns: 1 })[0][0];
  }
  getNotes(): string[][] {
    return readNotes(this._sheet, this._area);
  }
  getNote(): string {
    return readNotes(this._sheet, { ...this._area, rows: 1, columns: 1 })[0][0];
  }
  isBlank(): boolean {
    return isAreaBlank(this._sheet, this._area);
  }

  setValues(values: unknown): this {
    expectArgs(this._method('setValues'), [values], is2d(values));
    checkDimensions(values as unknown[][], this._area);
    checkPayload(values as unknown[][], this._env.store.maxSetValuesBytes);
    writeTyped(this._book, this._sheet, this._area, values as unknown[][], this._env.ctx.now());
    return this;
  }
  setValue(...args: unknown[]): this {
    expectArgs(this._method('setValue'), args, args.length === 1);
    writeTyped(this._book, this._sheet, this._area, this._all(args[0]), this._env.ctx.now());
    return this;
  }
  setFormula(formula: unknown): this {
    expectArgs(this._method('setFormula'), [formula], typeof formula === 'string');
    writeFormulas(this._book, this._sheet, this._area, this._all(formula), this._env.ctx.now());
    return this;
  }
  setFormulas(formulas: unknown): this {
    expectArgs(this._method('setFormulas'), [formulas], is2d(formulas));
    checkDimensions(formulas as unknown[][], this._area);
    writeFormulas(this._book, this._sheet, this._area, formulas as unknown[][], this._env.ctx.now());
    return this;
  }
  setNumberFormat(format: unknown): this {
    expectArgs(this._method('setNumberFormat'), [format], typeof format === 'string');
    writeNumberFormats(this._sheet, this._area, format as string);
    return this;
  }
  setNumberFormats(formats: unknown): this {
    expectArgs(this._method('setNumberFormats'), [formats], is2d(formats));
    checkDimensions(formats as unknown[][], this._area);
    writeNumberFormats(this._sheet, this._area, formats as string[][]);
    return this;
  }
  setNote(note: unknown): this {
    expectArgs(this._method('setNote'), [note], typeof note === 'string' || note === null);
    writeNotes(this._sheet, this._area, (note ?? '') as string);
    return this;
  }
  setNotes(notes: unknown): this {
    expectArgs(this._method('setNotes'), [notes], is2d(notes));
    checkDimensions(notes as unknown[][], this._area);
    writeNotes(this._sheet, this._area, notes as string[][]);
    return this;
  }
  clear(options?: unknown): this {
    const o = (options ?? {}) as { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean };
    expectArgs(this._method('clear'), [options], options === undefined || typeof options === 'object');
    const neither = !o.contentsOnly && !o.formatOnly;
    clearArea(this._sheet, this._area, {
      contents: neither || !!o.contentsOnly,
      formats: neither || !!o.formatOnly,
      notes: !!o.commentsOnly,
    });
    return this;
  }
  clearContent(): this {
    clearArea(this._sheet, this._area, { contents: true, formats: false });
    return this;
  }
  clearFormat(): this {
    clearArea(this._sheet, this._area, { contents: false, formats: true });
    return this;
  }
  clearNote(): this {
    clearArea(this._sheet, this._area, { contents: false, formats: false, notes: true });
    return this;
  }

  setFontWeight(value: unknown): this {
    return this._style('fontWeight', value, false);
  }
  setFontWeights(values: unknown): this {
    return this._style('fontWeight', values, true);
  }
  setFontStyle(value: unknown): this {
    return this._style('fontStyle', value, false);
  }
  setFontColor(value: unknown): this {
    return this._style('fontColor', value, false);
  }
  setFontSize(value: unknown): this {
    return this._style('fontSize', value, false);
  }
  setBackground(value: unknown): this {
    return this._style('background', value, false);
  }
  setBackgrounds(values: unknown): this {
    return this._style('background', values, true);
  }
  setWrap(value: unknown): this {
    return this._style('wrap', value, false);
  }
  setHorizontalAlignment(value: unknown): this {
    return this._style('horizontalAlignment', value, false);
  }
  setVerticalAlignment(value: unknown): this {
    return this._style('verticalAlignment', value, false);
  }
  private _style(key: string, value: unknown, perCell: boolean): this {
    if (perCell) {
      expectArgs(this._method(key), [value], is2d(value));
      checkDimensions(value as unknown[][], this._area);
    }
    writeStyle(this._sheet, this._area, key, value, perCell);
    return this;
  }

  getRow(): number {
    return this._area.row + 1;
  }
  getColumn(): number {
    return this._area.column + 1;
  }
  getNumRows(): number {
    return this._area.rows;
  }
  getHeight(): number {
    return this._area.rows;
  }
  getNumColumns(): number {
    return this._area.columns;
  }
  getWidth(): number {
    return this._area.columns;
  }
  /** The range's own end, whatever the content (unlike Sheet.getLastRow). */
  getLastRow(): number {
    return this._area.row + this._area.rows;
  }
  getLastColumn(): number {
    return this._area.column + this._area.columns;
  }
  getA1Notation(): string {
    return a1Of(this._area.row + 1, this._area.column + 1, this._area.rows, this._area.columns);
  }
  getGridId(): number {
    return this._sheet.sheetId;
  }
  getSheet(): unknown {
    return makeSheet(this._env, this._book, this._sheet);
  }
  getCell(row: unknown, column: unknown): RangeApi {
    expectArgs(this._method('getCell'), [row, column], isInteger(row) && isInteger(column));
    if ((row as number) > this._area.rows || (column as number) > this._area.columns)
      fail('Cell reference out of range');
    return this._sub(this._area.row + (row as number), this._area.column + (column as number), 1, 1);
  }
  offset(...args: unknown[]): RangeApi {
    const [rowOffset, columnOffset, numRows, numColumns] = args;
    expectArgs(this._method('offset'), args, args.length >= 2 && args.length <= 4 && args.every(isInteger));
    const rows = (numRows as number | undefined) ?? this._area.rows;
    const columns = (numColumns as number | undefined) ?? this._area.columns;
    return this._sub(
      this._area.row + 1 + (rowOffset as number),
      this._area.column + 1 + (columnOffset as number),
      rows,
      columns,
    );
  }
  private _sub(row: number, column: number, rows: number, columns: number): RangeApi {
    return new RangeApi(this._env, this._book, this._sheet, checkedArea(this._sheet, row, column, rows, columns));
  }

  copyTo(destination: unknown, options?: unknown): void {
    const copy = parseCopyOptions(this._method('copyTo'), destination, options, this._book);
    const target = copyTargetArea(this._area, copy.destination._area);
    copyArea(this._sheet, this._area, copy.destination._sheet, target, copy.options);
  }
  sort(spec: unknown): this {
    sortArea(this._book, this._sheet, this._area, parseSortSpec(this._method('sort'), spec, this._area));
    return this;
  }
  activate(): this {
    activateSheet(this._book, this._sheet);
    return this;
  }
}

defineApi(RangeApi, {
  type: 'Range',
  local: LOCAL,
  cells: (range, method) => (LOCAL.includes(method) ? 0 : range._area.rows * range._area.columns),
  guard: (range, method) => deletedSheetGuard(range._sheet, 'Range', method),
});
