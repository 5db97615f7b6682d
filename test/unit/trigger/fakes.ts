// Hand-written fakes of the schedule's ports: triggers with Google's add-on rules, mail, a log spreadsheet, stores.

import type { LogSheet, LogWorkbook } from '../../../src/health/run-log';
import type { MailPort } from '../../../src/ports/mail';
import type { CellValue } from '../../../src/ports/sheet';
import { type KeyValueStore, memoryStore, readJson, writeJson } from '../../../src/ports/store';
import type { TriggerInfo, TriggerPort } from '../../../src/ports/triggers';
import type { ImportDefinition, RunRecord, ScheduleSpec } from '../../../src/shared/types';
import { MAX_IMPORTS_PER_SPREADSHEET } from '../../../src/store/imports-store';

export const TOO_MANY_IN_DOCUMENT =
  'This add-on has created too many time-based triggers in this document for this Google user account.';

/** One user's triggers in one document, refusing a second clock trigger as Google does for add-ons. */
export class FakeTriggers implements TriggerPort {
  triggers: TriggerInfo[] = [];
  created = 0;
  private nextId = 1;
  /** When set, the next create() throws this message instead. */
  failNextCreate?: string;
  /** Largest number of clock triggers ever held at once. */
  maxClockHeld = 0;

  /** Like Google under the 'unlisted' reading: list() leaves the clock triggers out, find() still sees them. */
  unlistedClock = false;

  list(): TriggerInfo[] {
    return this.triggers.filter((t) => !(this.unlistedClock && t.clock)).map((t) => ({ ...t }));
  }

  find(uid: string): TriggerInfo | undefined {
    const found = this.triggers.find((t) => t.uid === uid);
    return found ? { ...found } : undefined;
  }

  createHourly(handler: string): string {
    if (this.failNextCreate) {
      const message = this.failNextCreate;
      this.failNextCreate = undefined;
      throw Object.assign(new Error(message), { name: 'Exception' });
    }
    if (this.triggers.some((t) => t.clock)) throw Object.assign(new Error(TOO_MANY_IN_DOCUMENT), { name: 'Exception' });
    return this.add(handler, true);
  }

  /** A trigger made outside the code under test (a one-off from an old version, another add-on handler, …). */
  add(handler: string, clock: boolean): string {
    const uid = `uid-${this.nextId++}`;
    this.triggers.push({ uid, handler, clock });
    this.created++;
    this.maxClockHeld = Math.max(this.maxClockHeld, this.triggers.filter((t) => t.clock).length);
    return uid;
  }

  delete(uid: string): boolean {
    const before = this.triggers.length;
    this.triggers = this.triggers.filter((t) => t.uid !== uid);
    return this.triggers.length < before;
  }

  clockUids(): string[] {
    return this.triggers.filter((t) => t.clock).map((t) => t.uid);
  }
}

export class FakeMail implements MailPort {
  sent: { to: string; subject: string; body: string }[] = [];
  quota = 100;
  failWith?: string;
  remainingDailyQuota(): number {
    return this.quota;
  }
  send(to: string, subject: string, body: string): void {
    if (this.failWith) throw new Error(this.failWith);
    this.sent.push({ to, subject, body });
    this.quota--;
  }
}

/** A grid-backed sheet that counts its calls, enough for the run log. */
export class FakeSheet implements LogSheet {
  lastRow(): number {
    return this.getLastRow();
  }
  readUsed(): unknown[][] {
    const rows = this.getLastRow();
    const columns = Math.max(0, ...this.cells.slice(0, rows).map((row) => row?.length ?? 0));
    return rows > 0 ? this.read(1, 1, rows, columns) : [];
  }
  read(row: number, column: number, rows: number, columns: number): unknown[][] {
    return rows > 0 && columns > 0 ? this.getRange(row, column, rows, columns).getValues() : [];
  }
  write(row: number, column: number, values: CellValue[][]): void {
    if (values.length > 0) this.getRange(row, column, values.length, values[0].length).setValues(values);
  }
  clearContents(row: number, column: number, rows: number, columns: number): void {
    this.getRange(row, column, rows, columns).clearContent();
  }
  cells: unknown[][] = [];
  writes = 0;
  reads = 0;
  getLastRow(): number {
    for (let r = this.cells.length - 1; r >= 0; r--) {
      if (this.cells[r]?.some((c) => c !== '' && c !== undefined)) return r + 1;
    }
    return 0;
  }
  getRange(row: number, column: number, numRows: number, numColumns: number) {
    const at = (r: number, c: number) => this.cells[row - 1 + r]?.[column - 1 + c] ?? '';
    return {
      getValues: () => {
        this.reads++;
        return Array.from({ length: numRows }, (_, r) => Array.from({ length: numColumns }, (_, c) => at(r, c)));
      },
      setValues: (values: unknown[][]) => {
        if (values.length !== numRows || values.some((v) => v.length !== numColumns)) throw new Error('dimensions');
        this.writes++;
        values.forEach((rowValues, r) => {
          this.cells[row - 1 + r] ??= [];
          rowValues.forEach((v, c) => {
            this.cells[row - 1 + r][column - 1 + c] = v;
          });
        });
      },
      clearContent: () => {
        for (let r = 0; r < numRows; r++) {
          for (let c = 0; c < numColumns; c++)
            if (this.cells[row - 1 + r]) this.cells[row - 1 + r][column - 1 + c] = '';
        }
      },
    };
  }
}

export class FakeLogSpreadsheet implements LogWorkbook {
  sheets = new Map<string, FakeSheet>();
  sheetByName(name: string): FakeSheet | null {
    return this.getSheetByName(name);
  }
  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.get(name) ?? null;
  }
  insertSheet(name: string): FakeSheet {
    const sheet = new FakeSheet();
    this.sheets.set(name, sheet);
    return sheet;
  }
  getNumSheets(): number {
    return this.sheets.size + 1;
  }
}

export function definition(id: string, overrides: Partial<ImportDefinition> = {}): ImportDefinition {
  return {
    id,
    name: `Import ${id}`,
    object: 'requisitions',
    environment: 'production',
    filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude' },
    columns: ['id'],
    sheetName: `Sheet ${id}`,
    writeMode: 'replace',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function scheduled(id: string, schedule: ScheduleSpec, owner: string, extra: Partial<ImportDefinition> = {}) {
  return definition(id, { schedule, scheduleOwner: owner, ...extra });
}

/** A document store holding these definitions the way imports-store keeps them. */
export function documentWith(definitions: ImportDefinition[]): KeyValueStore {
  const store = memoryStore();
  for (const d of definitions) writeJson(store, `import.${d.id}`, d);
  writeJson(
    store,
    'imports.index',
    definitions.map((d) => d.id),
  );
  return store;
}

/** The index filled to the limit of imports with others, `unlisted` left out of it (as an older version's race did). */
export function fillIndexWithout(store: KeyValueStore, unlisted: string): void {
  const index = (readJson<string[]>(store, 'imports.index') ?? []).filter((id) => id !== unlisted);
  for (let n = 0; index.length < MAX_IMPORTS_PER_SPREADSHEET; n++) {
    writeJson(store, `import.filler${n}`, definition(`filler${n}`));
    index.push(`filler${n}`);
  }
  writeJson(store, 'imports.index', index);
}

/**
 * One execution's view of the shared state sheet: reads come from what it last read (refresh()), writes go through
 * to the shared store, and `exclusive` reads afresh first, as the state sheet does inside the script lock.
 */
export function executionView(shared: KeyValueStore): KeyValueStore & { refresh(): void } {
  let seen = new Map<string, string>();
  const refresh = () => {
    seen = new Map(shared.keys().map((key) => [key, shared.get(key) ?? '']));
  };
  refresh();
  return {
    get: (key) => seen.get(key) ?? null,
    set: (key, value) => {
      seen.set(key, value);
      shared.set(key, value);
    },
    delete: (key) => {
      seen.delete(key);
      shared.delete(key);
    },
    keys: () => [...seen.keys()],
    refresh,
    exclusive: (work) => {
      refresh();
      return work();
    },
  };
}

export function runRecord(importId: string, overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    runId: `run-${importId}`,
    importId,
    trigger: 'schedule',
    startedAt: '2026-01-06T12:10:00.000Z',
    status: 'succeeded',
    rowsFetched: 10,
    rowsWritten: 10,
    pages: 1,
    requests: 2,
    executions: 1,
    durationMs: 4_000,
    ...overrides,
  };
}

/** The error `fn` throws (fails the test when it does not throw). */
export function caught(fn: () => unknown): { code?: string; message: string } {
  try {
    fn();
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected a throw');
}
