// A sparse 2-D store (array of row arrays, 0-based) with the row and column splicing a sheet needs.

type Row<T> = Array<T | undefined>;

export class Grid<T> {
  private rows: Array<Row<T> | undefined> = [];

  get(row: number, column: number): T | undefined {
    const cells = this.rows[row];
    return cells === undefined ? undefined : cells[column];
  }

  set(row: number, column: number, value: T | undefined): void {
    let cells = this.rows[row];
    if (cells === undefined) {
      if (value === undefined) return;
      cells = [];
      this.rows[row] = cells;
    }
    if (value === undefined && column >= cells.length) return;
    cells[column] = value;
  }

  /** The row array itself (may be undefined); callers must not keep it across structural changes. */
  row(row: number): Row<T> | undefined {
    return this.rows[row];
  }

  /** The row array for writing, created when missing; callers must not keep it across structural changes. */
  writableRow(row: number): Row<T> {
    let cells = this.rows[row];
    if (cells === undefined) {
      cells = [];
      this.rows[row] = cells;
    }
    return cells;
  }

  /** One past the last row that holds any array (an upper bound for content). */
  rowSpan(): number {
    return this.rows.length;
  }

  insertRows(at: number, count: number): void {
    if (at >= this.rows.length) return;
    this.rows = this.rows.slice(0, at).concat(new Array<Row<T> | undefined>(count), this.rows.slice(at));
  }

  deleteRows(at: number, count: number): void {
    this.rows.splice(at, count);
  }

  insertColumns(at: number, count: number): void {
    const gap = new Array<T | undefined>(count).fill(undefined);
    for (let r = 0; r < this.rows.length; r++) {
      const cells = this.rows[r];
      if (cells === undefined || cells.length <= at) continue;
      // splice in place for ordinary gaps; very wide ones would overflow the argument list
      if (count <= 1000) cells.splice(at, 0, ...gap);
      else this.rows[r] = cells.slice(0, at).concat(gap, cells.slice(at));
    }
  }

  deleteColumns(at: number, count: number): void {
    for (const cells of this.rows) {
      if (cells !== undefined && cells.length > at) cells.splice(at, count);
    }
  }

  /** Empties the rectangle [r1..r2] x [c1..c2] (inclusive, 0-based). */
  clear(r1: number, c1: number, r2: number, c2: number): void {
    const last = Math.min(r2, this.rows.length - 1);
    for (let r = r1; r <= last; r++) {
      const cells = this.rows[r];
      if (cells === undefined) continue;
      if (c1 === 0 && c2 >= cells.length - 1) {
        this.rows[r] = undefined;
        continue;
      }
      const end = Math.min(c2, cells.length - 1);
      for (let c = c1; c <= end; c++) cells[c] = undefined;
    }
    this.trim();
  }

  /** 1-based number of the last row holding a value, 0 when none. */
  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      if (lastIndexOfValue(this.rows[r]) >= 0) return r + 1;
    }
    return 0;
  }

  /** 1-based number of the last column holding a value in any row, 0 when none. */
  lastColumn(): number {
    let last = -1;
    for (const cells of this.rows) {
      if (cells !== undefined && cells.length - 1 > last) last = Math.max(last, lastIndexOfValue(cells));
    }
    return last + 1;
  }

  /** Calls `visit` for every stored value, row by row, left to right. */
  forEach(visit: (value: T, row: number, column: number) => void): void {
    for (let r = 0; r < this.rows.length; r++) {
      const cells = this.rows[r];
      if (cells === undefined) continue;
      for (let c = 0; c < cells.length; c++) {
        const value = cells[c];
        if (value !== undefined) visit(value, r, c);
      }
    }
  }

  /** The longest stored row among rows [at, at + count). */
  widthOf(at: number, count: number): number {
    let width = 0;
    const end = Math.min(at + count, this.rows.length);
    for (let r = at; r < end; r++) width = Math.max(width, this.rows[r]?.length ?? 0);
    return width;
  }

  /** Rows [at, at + order.length) become the rows at + order[i]: whole row arrays move, no cell is copied. */
  permuteRows(at: number, order: readonly number[]): void {
    const old = this.rows.slice(at, at + order.length);
    for (let i = 0; i < order.length; i++) this.rows[at + i] = old[order[i]];
  }

  private trim(): void {
    while (this.rows.length > 0 && lastIndexOfValue(this.rows[this.rows.length - 1]) < 0) this.rows.pop();
  }
}

function lastIndexOfValue<T>(cells: Row<T> | undefined): number {
  if (cells === undefined) return -1;
  for (let c = cells.length - 1; c >= 0; c--) {
    if (cells[c] !== undefined) return c;
  }
  return -1;
}
