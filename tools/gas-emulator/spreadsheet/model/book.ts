// A whole spreadsheet: its sheets in tab order, time zone, sharing, the cell budget and book-wide formula rewrites.
import { duplicateSheetName, fail, MESSAGES } from '../errors';
import { deleteSheet, type RefMap, renameSheet, rewriteFormula } from '../formula/adjust';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, Formula, MAX_BOOK_CELLS } from './cell';
import { SheetData } from './sheet-data';

export class BookData {
  readonly sheets: SheetData[] = [];
  activeSheetId = 0;
  private idSeed: number;
  private issuedIds = 0;

  constructor(
    readonly id: string,
    public name: string,
    public timeZone: string,
    readonly owner: string,
    readonly editors: Set<string>,
  ) {
    this.idSeed = [...id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7);
  }

  cellCount(): number {
    return this.sheets.reduce((sum, sheet) => sum + sheet.cellCount(), 0);
  }

  /** Throws Google's limit error if `extra` more grid cells would pass 10,000,000. */
  ensureCellBudget(extra: number): void {
    if (this.cellCount() + extra > MAX_BOOK_CELLS) fail(MESSAGES.cellLimit);
  }

  /** First sheet with exactly this name (case-sensitive), as getSheetByName. */
  sheetByName(name: string): SheetData | undefined {
    return this.sheets.find((sheet) => sheet.name === name);
  }

  /** Formulas resolve sheet names case-insensitively. */
  sheetForRef(name: string): SheetData | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === lower);
  }

  sheetById(sheetId: number): SheetData | undefined {
    return this.sheets.find((sheet) => sheet.sheetId === sheetId);
  }

  /** Sheets refuses a name that differs from an existing one only by case. */
  assertNameFree(name: string, except?: SheetData): void {
    const clash = this.sheetForRef(name);
    if (clash !== undefined && clash !== except) fail(duplicateSheetName(name));
  }

  addSheet(name: string | undefined, index?: number): SheetData {
    const finalName = name ?? this.defaultSheetName();
    this.assertNameFree(finalName);
    this.ensureCellBudget(DEFAULT_ROWS * DEFAULT_COLUMNS);
    const sheet = new SheetData(this.nextSheetId(), finalName, DEFAULT_ROWS, DEFAULT_COLUMNS);
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    return sheet;
  }

  removeSheet(sheet: SheetData): void {
    const visible = this.sheets.filter((s) => !s.hidden && s !== sheet);
    if (visible.length === 0) fail(MESSAGES.removeAllSheets);
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    sheet.deleted = true;
    if (this.activeSheetId === sheet.sheetId) this.activeSheetId = this.sheets[Math.max(0, index - 1)].sheetId;
    this.rewriteFormulas(deleteSheet(sheet.name));
  }

  renameSheet(sheet: SheetData, newName: string): void {
    if (newName === sheet.name) return;
    this.assertNameFree(newName, sheet);
    const oldName = sheet.name;
    sheet.name = newName;
    this.rewriteFormulas(renameSheet(oldName, newName));
  }

  /** Applies `map` to every reference of every formula in the book. */
  rewriteFormulas(map: RefMap): void {
    for (const sheet of this.sheets) {
      if (!sheet.hasFormulas) continue;
      sheet.content.forEach((content, r, c) => {
        if (typeof content !== 'object') return;
        const text = rewriteFormula(content.text, sheet.name, map);
        if (text !== content.text) sheet.content.set(r, c, new Formula(text));
      });
    }
  }

  private defaultSheetName(): string {
    let n = 1;
    while (this.sheetForRef(`Sheet${n}`) !== undefined) n++;
    return `Sheet${n}`;
  }

  /** The first sheet gets gid 0 like Google's; later ones get large pseudo-random ids, deterministically. */
  private nextSheetId(): number {
    if (this.issuedIds++ === 0) return 0;
    let id: number;
    do {
      this.idSeed = (this.idSeed * 1103515245 + 12345) >>> 0;
      id = 1 + (this.idSeed % 2_000_000_000);
    } while (this.sheetById(id) !== undefined);
    return id;
  }
}
