// What the playground's HTTP server needs from the world behind it: sidebar calls, the grid, the clock, new data.
import type { ServerFunctionName } from '../../src/shared/rpc';

/** The JSON a sidebar call returns through the bridge, like google.script.run's success or failure handler. */
export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: { message: string } };

export interface GridSnapshot {
  /** Visible sheets in tab order (hidden ones, like the staging sheets, are left out). */
  sheets: string[];
  /** The sheet whose values follow. */
  sheet: string | null;
  /** Display values, row 1 first, capped at `maxRows`. */
  rows: string[][];
  totalRows: number;
}

export interface ClockSnapshot {
  /** Virtual epoch ms. */
  now: number;
  timeZone: string;
}

export interface AdvanceReport {
  now: number;
  /** One line per trigger execution that fired, e.g. "onScheduledRun as ana@example.com: ok". */
  fired: string[];
}

export type RecordKind = 'opportunities' | 'requisitions';

export interface PlaygroundBackend {
  /** Users who can open the sidebar (the first is the default). */
  readonly users: readonly string[];
  /** Demo keys shown on the host page, with what each can read. */
  readonly demoKeys: readonly { key: string; note: string }[];
  /** May answer later (a fake with delays); the emulator answers at once, blocking like an execution. */
  call(fn: ServerFunctionName, args: unknown[], user: string): CallOutcome | Promise<CallOutcome>;
  grid(sheet: string | null, maxRows: number): GridSnapshot;
  clock(): ClockSnapshot;
  /** Moves the virtual clock forward, firing due triggers. */
  advance(ms: number): AdvanceReport;
  /** Adds records to the Lever simulator; returns a sentence saying what was added. */
  addRecords(kind: RecordKind, count: number): string;
  /** Edits existing requisitions (closes some, changes headcount) for change tracking; says what changed. */
  changeRequisitions(count: number): string;
}
