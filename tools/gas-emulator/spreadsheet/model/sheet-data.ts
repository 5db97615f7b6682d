// One sheet's state: grid size, contents, number formats, notes, styles, frozen panes, visibility.
import type { CellContent, CellStyle } from './cell';
import { Grid } from './grid';

export class SheetData {
  readonly content = new Grid<CellContent>();
  readonly formats = new Grid<string>();
  readonly notes = new Grid<string>();
  readonly styles = new Grid<CellStyle>();
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  deleted = false;
  /** Set once any formula is written: structural changes skip formula-free sheets (a 2M-cell import has none). */
  hasFormulas = false;

  constructor(
    readonly sheetId: number,
    public name: string,
    public maxRows: number,
    public maxColumns: number,
  ) {}

  grids(): Grid<unknown>[] {
    return [this.content, this.formats, this.notes, this.styles];
  }

  /** Stores a cell's content (0-based); undefined empties it. */
  setContent(row: number, column: number, content: CellContent | undefined): void {
    if (typeof content === 'object') this.hasFormulas = true;
    this.content.set(row, column, content);
  }

  /** Last row with content (formats and notes do not count), 0 when empty. */
  lastRow(): number {
    return this.content.lastRow();
  }

  lastColumn(): number {
    return this.content.lastColumn();
  }

  cellCount(): number {
    return this.maxRows * this.maxColumns;
  }
}
