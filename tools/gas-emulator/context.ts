// The per-execution context every emulated service receives: who runs, in which document, and the virtual-time meter.

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

/** Captured UI effects of executions (menus, sidebars, toasts, alerts), per spreadsheet. */
export interface UiEvent {
  kind: 'menu' | 'sidebar' | 'dialog' | 'toast' | 'alert';
  spreadsheetId: string | null;
  user: string;
  /** menu: {title, items:[{caption, functionName}]}; sidebar and dialog: {title, html}; toast: {message, title}. */
  detail: Record<string, unknown>;
  at: number;
}

export interface ServiceContext {
  /** Email of the user the execution runs as. */
  readonly user: string;
  /** The container spreadsheet, or null (e.g. a time-driven trigger with no active document). */
  readonly activeSpreadsheetId: string | null;
  /** The document the add-on runs for (trigger source): document properties and locks belong to it. */
  readonly documentId: string | null;
  readonly authMode: AuthMode;
  /**
   * Counts a service call under `name` (e.g. 'SpreadsheetApp.Range.setValues') and charges its virtual cost.
   * Throws the kill error once the execution is past its time limit (and on every later call).
   */
  call(name: string, cost?: { cells?: number; ms?: number; kind?: 'sheet' | 'fetch' | 'properties' | 'other' }): void;
  /** Throws Google's permission exception unless the manifest grants one of `scopes`, or authMode forbids it. */
  requireScope(scopes: readonly string[], method: string): void;
  /** An error in the execution's realm shaped like Google's: name 'Exception', message without prefix. */
  exception(message: string): Error;
  /** A Date in the execution's realm (so `instanceof Date` works inside the bundle). */
  makeDate(ms: number): Date;
  now(): number;
  /**
   * Deep-copies plain data (arrays, plain objects, Dates) into the execution's realm, so `instanceof Array` and
   * `instanceof Object` hold in the bundle. Optional: stand-in contexts in unit tests may omit it.
   */
  toRealm?<T>(value: T): T;
  recordUi(event: Omit<UiEvent, 'at' | 'user' | 'spreadsheetId'>): void;
}

/** Thrown by every service when a method is not implemented: code that would not run in Google must not pass here. */
export function unsupported(ctx: ServiceContext, name: string): never {
  throw ctx.exception(`Unsupported in the emulator: ${name}`);
}

/** True for Dates from any realm (values from the bundle come from the vm's Date). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * Optional tag for Spreadsheet objects handed to the bundle: other services (ScriptApp.getUserTriggers(ss))
 * read the id through it without making a metered getId() call.
 */
export const SPREADSHEET_ID: unique symbol = Symbol.for('gas-emulator.spreadsheetId');
