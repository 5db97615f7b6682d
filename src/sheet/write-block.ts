// What a write is given (the rendered result and the mode's options) and what it reports; shared by the three modes.
import type { ColumnInfo, WriteMode } from '../shared/types';

/** A rendered result: header labels, rows of plain values (Dates for dates), and each column's type. */
export interface ResultBlock {
  header: string[];
  rows: unknown[][];
  types: ColumnInfo['type'][];
}

export interface WriteOptions {
  mode: WriteMode;
  /**
   * Records that left the result. updateById: their rows are removed, or kept and marked. replace: with 'flag',
   * a row the user has content in (columns right of the import) is kept and marked, others are removed.
   */
  vanished: 'remove' | 'flag';
  snapshotAt: Date;
  /** Width of this import's block after its previous commit to this sheet, when known. */
  previousWidth?: number;
  totalCells: () => number;
  /** The sheet was created for this write: no content, default formats everywhere. */
  newSheet?: boolean;
  /** What the previous commit to this sheet applied (replace mode skips applying the same again). */
  previousStyle?: AppliedStyle;
}

/**
 * What a replace commit left: column formats on data rows 2..formattedThrough, the header styled (bold, frozen)
 * at headerWidth, and the block `height` rows tall.
 */
export interface AppliedStyle {
  formats: string[];
  formattedThrough: number;
  headerWidth: number;
  height?: number;
}

export interface WriteSummary {
  rowsWritten: number;
  /** Columns of the import's block now (for the next commit's previousWidth). */
  width: number;
  added: number;
  removed: number;
  flagged: number;
  /** Replace mode: the styling now in place, for the next commit's previousStyle. */
  style?: AppliedStyle;
}
