// The one declaration of the sidebar's server calls: each entry names a top-level global in dist/Code.js and its type.
import type {
  ColumnInfo,
  ImportDefinition,
  ImportDefinitionInput,
  ImportObject,
  KeyStatus,
  LeverEnvironment,
  PreviewResult,
  RunRecord,
  ScheduleSpec,
  SidebarState,
} from './types';

type AnyFunction = (...args: never[]) => unknown;

/** A server function's type, carried by the type alone: the value exists only so the names can be listed at run time. */
export interface Signature<F extends AnyFunction> {
  readonly signature?: F;
}

const call = <F extends AnyFunction>(): Signature<F> => ({});

/**
 * Every function the sidebar may call. The sidebar's typed client, the playground's allow-list and the ServerApi
 * that src/rpc.ts implements all derive from this object; src/main.ts exports one global per entry (a test checks).
 */
export const SERVER_FUNCTIONS = {
  /** Everything the sidebar shows on open: masked key status, imports with their statuses, sheet names. */
  getSidebarState: call<() => SidebarState>(),
  /** Checks the key against Lever; saves it to UserProperties only if Lever accepts it. */
  saveApiKey: call<(key: string, environment: LeverEnvironment) => KeyStatus>(),
  /** Re-checks the saved key (permissions, confidential access). */
  checkApiKey: call<() => KeyStatus>(),
  removeApiKey: call<() => KeyStatus>(),
  listColumns: call<(object: ImportObject) => ColumnInfo[]>(),
  saveImport: call<(input: ImportDefinitionInput) => ImportDefinition>(),
  duplicateImport: call<(importId: string) => ImportDefinition>(),
  deleteImport: call<(importId: string) => void>(),
  previewImport: call<(input: ImportDefinitionInput) => PreviewResult>(),
  /**
   * Starts a run (or reports the one already going) and works on it for one execution's budget; `full` reads
   * everything even when a changes-only refresh would do.
   */
  runImport: call<(importId: string, options?: { full?: boolean }) => RunRecord>(),
  /** Continues a run left in status 'continuing'; the sidebar calls it until the run ends. */
  continueImport: call<(importId: string) => RunRecord>(),
  /** Progress of the current or last run, cheap enough to poll. */
  getRunProgress: call<(importId: string) => RunRecord | null>(),
  setSchedule: call<(importId: string, spec: ScheduleSpec) => ImportDefinition>(),
  /** The calling editor takes over another editor's schedule: it then runs with their own trigger and Lever key. */
  takeOverSchedule: call<(importId: string) => ImportDefinition>(),
  /** Turns the failure email to schedule owners on or off for this spreadsheet; returns the new setting. */
  setFailureEmails: call<(enabled: boolean) => boolean>(),
};

export type ServerFunctionName = keyof typeof SERVER_FUNCTIONS;

/** The server side of every sidebar call, as src/rpc.ts implements it. */
export type ServerApi = {
  [K in ServerFunctionName]: NonNullable<(typeof SERVER_FUNCTIONS)[K]['signature']>;
};

export const SERVER_FUNCTION_NAMES = Object.keys(SERVER_FUNCTIONS) as readonly ServerFunctionName[];

/**
 * The refusal to save an edit of an import deleted meanwhile. google.script.run hands the sidebar the message only,
 * so the sidebar knows this refusal by its sentence: it keeps the form, now for a new import.
 */
export const IMPORT_DELETED_SENTENCE =
  'This import no longer exists (it was deleted, perhaps by another editor), so your changes were not saved. ' +
  'To keep them, save them as a new import.';
