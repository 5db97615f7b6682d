// The one typed interface between the sidebar and the server: every method is a top-level global in dist/Code.js.
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

export interface ServerApi {
  /** Everything the sidebar shows on open: masked key status, imports with their statuses, sheet names. */
  getSidebarState(): SidebarState;
  /** Checks the key against Lever; saves it to UserProperties only if Lever accepts it. */
  saveApiKey(key: string, environment: LeverEnvironment): KeyStatus;
  /** Re-checks the saved key (permissions, confidential access). */
  checkApiKey(): KeyStatus;
  removeApiKey(): KeyStatus;
  listColumns(object: ImportObject): ColumnInfo[];
  saveImport(input: ImportDefinitionInput): ImportDefinition;
  duplicateImport(importId: string): ImportDefinition;
  deleteImport(importId: string): void;
  previewImport(input: ImportDefinitionInput): PreviewResult;
  /** Starts a run (or reports the one already going) and works on it for one execution's budget. */
  runImport(importId: string): RunRecord;
  /** Continues a run left in status 'continuing'; the sidebar calls it until the run ends. */
  continueImport(importId: string): RunRecord;
  /** Progress of the current or last run, cheap enough to poll. */
  getRunProgress(importId: string): RunRecord | null;
  setSchedule(importId: string, spec: ScheduleSpec): ImportDefinition;
  /** The calling editor takes over another editor's schedule: it then runs with their own trigger and Lever key. */
  takeOverSchedule(importId: string): ImportDefinition;
  /** Turns the failure email to schedule owners on or off for this spreadsheet; returns the new setting. */
  setFailureEmails(enabled: boolean): boolean;
}

export type ServerFunctionName = keyof ServerApi;

export const SERVER_FUNCTION_NAMES: readonly ServerFunctionName[] = [
  'getSidebarState',
  'saveApiKey',
  'checkApiKey',
  'removeApiKey',
  'listColumns',
  'saveImport',
  'duplicateImport',
  'deleteImport',
  'previewImport',
  'runImport',
  'continueImport',
  'getRunProgress',
  'setSchedule',
  'takeOverSchedule',
  'setFailureEmails',
];
