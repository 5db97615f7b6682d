// The document's shared state (definitions, run records, checkpoints, schedule state) in a hidden sheet of the
// spreadsheet itself, so a clock trigger with no document context reaches it through SpreadsheetApp.openById.
import { AppError } from '../errors';
import { type KeyValueStore, STATE_SHEET_NAME } from '../ports/store';
import { activeSpreadsheetOrNull, idOf } from './spreadsheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * Every stored key and value starts with a letter and a colon, so Sheets never types a cell as a number, date,
 * boolean or formula: what is read back is exactly the string written.
 */
const KEY_PREFIX = 'k:';
const VALUE_PREFIX = 'v:';
/** Google's limit is 50,000 characters per cell; today's values stay under 9 KB (the old property limit). */
const MAX_CELL_CHARS = 50_000;
/** The script lock is only held for a read-check-write of a few cells: waiting longer means something is wrong. */
const SCRIPT_LOCK_WAIT_MS = 10_000;

export interface SheetStore extends KeyValueStore {
  /** Reads the sheet again (one call): for decisions another execution's writes may change. */
  refresh(): void;
}

/**
 * Runs `work` inside the project's script lock. The script lock spans every user of the add-on, so it is only ever
 * held for milliseconds (a fresh read, a check, a write and a flush), never through an import: anything longer
 * would make every other user's executions wait. It is the one lock Apps Script gives without document context.
 */
export function withScriptLock<T>(work: () => T): T {
  // Re-entrant within an execution: an append inside a lease claim must not release the claim's lock early.
  if (scriptLockDepth > 0) return work();
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(SCRIPT_LOCK_WAIT_MS)) throw new AppError('BUSY', {});
  scriptLockDepth++;
  lockHolds++;
  let flushTried = false;
  try {
    const result = work();
    // Writes must reach the sheet before another execution reads it inside the lock.
    flushTried = true;
    SpreadsheetApp.flush();
    return result;
  } finally {
    // Work that threw may have written some cells: they too must land before the next holder reads.
    if (!flushTried) flushQuietly();
    scriptLockDepth--;
    lock.releaseLock();
  }
}

/** A failing flush on the way out must not hide the error that got us there. */
function flushQuietly(): void {
  try {
    SpreadsheetApp.flush();
  } catch {
    // The work's own error is the one worth reporting.
  }
}

let scriptLockDepth = 0;

/** Sorted rows cut into runs of consecutive numbers: [3, 1, 2, 7] gives [[1, 2, 3], [7]]. */
function adjacentRuns(rows: number[]): number[][] {
  const runs: number[][] = [];
  for (const row of [...rows].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === row - 1) last.push(row);
    else runs.push([row]);
  }
  return runs;
}
/** Counts this execution's holds of the script lock: a read made during hold N is fresh until that hold ends. */
let lockHolds = 0;

/** The hold a read made now stays fresh for (none outside the lock: another execution may append at any time). */
function currentHold(): number {
  return scriptLockDepth > 0 ? lockHolds : -1;
}

class StateSheet implements SheetStore {
  /** Looked up at the first use (undefined until then): an execution that only claims the lease reads once. */
  private sheet: Sheet | null | undefined;
  private loaded = false;
  private data = new Map<string, string>();
  /**
   * 1-based row of every key seen; rows are never reused or moved, so a row always means the same key. A deleted
   * key keeps its row with an empty value, so the key's next write is an update, not an append.
   */
  private rows = new Map<string, number>();
  private lastRow = 0;
  /** The script-lock hold in which the whole sheet was last read or appended to (see currentHold). */
  private freshIn = -1;
  /** Keys given a row with the next append (see reserve). */
  private reserved = new Set<string>();
  /** Inside batch(): the value cells to write at its end, by key (an empty cell for a deleted key). */
  private deferred: Map<string, string> | null = null;
  /** Inside exclusive(): the updates a batch holds outside it, which its own writes supersede. */
  private throughOver: Map<string, string> | null = null;
  /** Value ranges already got, by first row and height (see valueCells). */
  private readonly ranges = new Map<string, Range>();

  constructor(private readonly spreadsheet: Spreadsheet) {}

  get(key: string): string | null {
    this.ensureLoaded();
    return this.data.get(key) ?? null;
  }

  keys(): string[] {
    this.ensureLoaded();
    return [...this.data.keys()];
  }

  set(key: string, value: string): void {
    const text = String(value);
    if (text.length + VALUE_PREFIX.length > MAX_CELL_CHARS)
      throw new AppError('INTERNAL', { reason: 'storedValueTooLarge', key, length: text.length });
    this.ensureLoaded();
    // What this execution read or wrote is what the cell holds: writing it again would only cost a call.
    if (this.data.get(key) === text) return;
    if (this.rows.has(key)) this.writeValue(key, VALUE_PREFIX + text);
    else this.append([[key, text]]);
    this.data.set(key, text);
  }

  delete(key: string): void {
    this.ensureLoaded();
    // A key this execution holds no value for is already empty in its row (or has none): nothing to write.
    if (!this.data.delete(key) || !this.rows.has(key) || !this.sheet) return;
    this.writeValue(key, '');
  }

  /**
   * Updates made inside `work` are written at its end, each run of adjacent rows in one call. Only for writes that
   * may land together: nothing inside `work` may depend on another execution seeing them earlier. Appends are not
   * deferred (they happen under the script lock).
   */
  batch<T>(work: () => T): T {
    if (this.deferred) return work();
    this.deferred = new Map();
    let result: T;
    try {
      result = work();
    } catch (error) {
      this.writeDeferred(true);
      throw error;
    }
    this.writeDeferred(false);
    return result;
  }

  /**
   * Keys this document will write soon get their rows with the next append (no call of their own), in this order; a
   * key being appended may be among them and takes its place in it.
   */
  reserve(keys: readonly string[]): void {
    for (const key of keys) if (!this.rows.has(key)) this.reserved.add(key);
  }

  /**
   * In the script lock, on a fresh read (one already made in this hold will do), flushed when the hold ends. Its
   * writes go through even inside a batch that holds others: held past this hold, they could overwrite
   * what another execution wrote in between, the very race this guards against.
   */
  exclusive<T>(work: () => T): T {
    return withScriptLock(() => {
      if (this.freshIn !== currentHold()) this.refresh();
      return this.writingThrough(work);
    });
  }

  /** Runs `work` with updates written at once; a held update of a key it writes is dropped (it is older). */
  private writingThrough<T>(work: () => T): T {
    const held = this.deferred;
    this.deferred = null;
    this.throughOver = held;
    try {
      return work();
    } finally {
      this.deferred = held;
      this.throughOver = null;
    }
  }

  refresh(): void {
    if (!this.sheet) this.sheet = this.spreadsheet.getSheetByName(STATE_SHEET_NAME);
    if (this.sheet) this.load();
    else if (!this.loaded) this.migrateFromDocumentProperties();
    this.loaded = true;
  }

  private ensureLoaded(): void {
    if (!this.loaded) this.refresh();
  }

  /**
   * The key's row never changes meaning, so an update is one cell (setValue: the status sheet's writes stay the
   * only setValues of a schedule change).
   */
  private writeValue(key: string, cell: string): void {
    if (this.deferred) this.deferred.set(key, cell);
    else {
      this.throughOver?.delete(key);
      this.writeCell(this.rows.get(key) as number, cell);
    }
  }

  private writeCell(row: number, cell: string): void {
    this.valueCells(row, 1).setValue(cell);
  }

  /**
   * The value cells of `rows` rows from `row`, as one range. A key's row never moves, so the range got for its
   * first write serves every later write of the same cells (the lease's claim and release, a state patched twice):
   * asking for it again is a call that gives nothing new.
   */
  private valueCells(row: number, rows: number): Range {
    const key = `${row}+${rows}`;
    let range = this.ranges.get(key);
    if (!range) {
      range = this.requireSheet().getRange(row, 2, rows, 1);
      this.ranges.set(key, range);
    }
    return range;
  }

  /** Writes what batch() held back: adjacent rows in one setValues, a lone row as any update. */
  private writeDeferred(quietly: boolean): void {
    const cells = new Map([...(this.deferred ?? [])].map(([key, cell]) => [this.rows.get(key) as number, cell]));
    this.deferred = null;
    try {
      for (const run of adjacentRuns([...cells.keys()])) {
        if (run.length === 1) this.writeCell(run[0], cells.get(run[0]) as string);
        else this.valueCells(run[0], run.length).setValues(run.map((row) => [cells.get(row)]));
      }
    } catch (error) {
      // After a failed batch, the work's own error is the one worth reporting.
      if (!quietly) throw error;
    }
  }

  private load(): void {
    const sheet = this.sheet as Sheet;
    const values = sheet.getDataRange().getValues();
    this.data = new Map();
    this.rows = new Map();
    this.lastRow = 0;
    this.freshIn = currentHold();
    values.forEach((cells, index) => {
      const key = String(cells[0] ?? '');
      const value = String(cells[1] ?? '');
      if (key !== '' || value !== '') this.lastRow = index + 1;
      if (!key.startsWith(KEY_PREFIX)) return;
      const name = key.slice(KEY_PREFIX.length);
      this.rows.set(name, index + 1);
      if (value.startsWith(VALUE_PREFIX)) this.data.set(name, value.slice(VALUE_PREFIX.length));
    });
    // Updates held back by batch() are not in the sheet yet, but they are what this execution wrote.
    for (const [key, cell] of this.deferred ?? []) {
      if (cell.startsWith(VALUE_PREFIX)) this.data.set(key, cell.slice(VALUE_PREFIX.length));
      else this.data.delete(key);
    }
  }

  /**
   * New keys are appended inside the script lock after a fresh read (one already made in this hold will do), so two
   * executions never take the same row. Reserved keys without a row come along, with no value.
   */
  private append(entries: Array<[string, string]>): void {
    withScriptLock(() => {
      const sheet = this.requireSheet();
      if (this.freshIn !== currentHold()) this.load();
      const pending = new Map(entries);
      for (const [key, value] of pending) {
        const row = this.rows.get(key);
        if (row === undefined) continue;
        sheet.getRange(row, 1, 1, 2).setValues([[KEY_PREFIX + key, VALUE_PREFIX + value]]);
        this.data.set(key, value);
        pending.delete(key);
      }
      if (pending.size === 0) return;
      const order = this.appendOrder(pending);
      const block = order.map((key) => [KEY_PREFIX + key, pending.has(key) ? VALUE_PREFIX + pending.get(key) : '']);
      const first = this.lastRow + 1;
      sheet.getRange(first, 1, block.length, 2).setValues(block);
      order.forEach((key, i) => {
        this.rows.set(key, first + i);
      });
      for (const [key, value] of pending) this.data.set(key, value);
      this.reserved.clear();
      this.lastRow = first + block.length - 1;
      this.freshIn = currentHold();
    });
  }

  /** The rows to append: reserved keys without a row in the order reserved (keys being written among them), then the rest. */
  private appendOrder(pending: Map<string, string>): string[] {
    const keys = new Set([...this.reserved, ...pending.keys()]);
    return [...keys].filter((key) => pending.has(key) || !this.rows.has(key));
  }

  /** The sheet appears with the first write: opening the sidebar in a new spreadsheet adds nothing to it. */
  private requireSheet(): Sheet {
    this.ensureLoaded();
    if (this.sheet) return this.sheet;
    const existing = this.spreadsheet.getSheetByName(STATE_SHEET_NAME);
    if (existing) {
      this.sheet = existing;
      return existing;
    }
    const sheet = this.spreadsheet.insertSheet(STATE_SHEET_NAME, this.spreadsheet.getNumSheets());
    sheet.hideSheet();
    this.sheet = sheet;
    // Keys migrated from document properties are read from memory until now: they go in with the first write.
    const migrated = [...this.data].map(([key, value]) => [KEY_PREFIX + key, VALUE_PREFIX + value]);
    if (migrated.length > 0) sheet.getRange(1, 1, migrated.length, 2).setValues(migrated);
    [...this.data.keys()].forEach((key, i) => {
      this.rows.set(key, i + 1);
    });
    this.lastRow = migrated.length;
    return sheet;
  }

  /**
   * Once per spreadsheet: the state used to live in document properties. When they are reachable and hold keys
   * while the sheet is absent, they are the state (copied into the sheet with the first write).
   */
  private migrateFromDocumentProperties(): void {
    let props: GoogleAppsScript.Properties.Properties | null = null;
    try {
      props = PropertiesService.getDocumentProperties();
    } catch {
      props = null;
    }
    if (!props) return;
    this.data = new Map(Object.entries(props.getProperties()));
  }
}

/**
 * The stores of this execution, by the spreadsheet object asked for. A second object for the same spreadsheet (opened
 * by id while it is also the active one) must share its store: only then are ids asked (idOf), so an execution
 * that works on one spreadsheet object never asks it.
 */
const stores: Array<{ spreadsheet: Spreadsheet; store: StateSheet }> = [];
let bound: Spreadsheet | null = null;

/** The state store of `spreadsheet`, read once per execution (at its first use) and written through. */
export function stateStore(spreadsheet: Spreadsheet): SheetStore {
  const same = stores.find((entry) => entry.spreadsheet === spreadsheet);
  if (same) return same.store;
  const id = stores.length > 0 ? idOf(spreadsheet) : undefined;
  const twin = id === undefined ? undefined : stores.find((entry) => idOf(entry.spreadsheet) === id);
  const store = twin?.store ?? new StateSheet(spreadsheet);
  stores.push({ spreadsheet, store });
  return store;
}

/** A trigger execution has no active spreadsheet: it binds the one it opened by id, for documentStore(). */
export function bindDocument(spreadsheet: Spreadsheet): void {
  bound = spreadsheet;
}

/** The spreadsheet this execution works for: the one bound by a trigger, or the active one (sidebar, menu). */
export function currentDocument(): Spreadsheet {
  if (bound) return bound;
  const active = activeSpreadsheetOrNull();
  if (!active) throw new AppError('SHEET_MISSING', { reason: 'noSpreadsheet' });
  bound = active;
  return active;
}
