// Types shared by the server bundle and the sidebar: import definitions, run records, key status, schedules.
// Everything here crosses google.script.run, so only JSON-safe shapes (no Date, no functions, no undefined in arrays).
import type { ErrorCode } from './error-code';

export type LeverEnvironment = 'production' | 'sandbox' | 'eu';

/** The Lever endpoints this add-on reads. */
export type LeverEndpoint =
  | 'opportunities'
  | 'requisitions'
  | 'stages'
  | 'users'
  | 'archive_reasons'
  | 'postings'
  | 'requisition_fields';

export const LEVER_ENDPOINTS: readonly LeverEndpoint[] = [
  'opportunities',
  'requisitions',
  'stages',
  'users',
  'archive_reasons',
  'postings',
  'requisition_fields',
];

export type ImportObject = 'opportunities' | 'requisitions';

/** exclude → filter=false, include → filter left out, only → filter=true (Lever's tri-state). */
export type TriState = 'exclude' | 'include' | 'only';

export type RequisitionStatus = 'open' | 'onHold' | 'closed' | 'draft';

export type WriteMode = 'replace' | 'updateById' | 'appendSnapshot';

export interface ImportFilters {
  /** Inclusive, `yyyy-MM-dd` in the spreadsheet's time zone (start of that day). */
  createdAfter?: string;
  /** Inclusive, `yyyy-MM-dd` in the spreadsheet's time zone (end of that day). */
  createdBefore?: string;
  /** Opportunities only. Default 'exclude'. */
  archived: TriState;
  /** Opportunities only. Default 'exclude'. */
  snoozed: TriState;
  /** exclude → Lever's default (non-confidential); include → confidentiality=all; only → confidential. */
  confidential: TriState;
  /** Requisitions only; empty or absent means every status. */
  requisitionStatus?: RequisitionStatus[];
  /** Opportunities only. */
  stageIds?: string[];
  postingIds?: string[];
  tags?: string[];
  /** Opportunities only: those archived with a reason of type `hired` (archived included, `archived` ignored). */
  hiresOnly?: boolean;
  /** Opportunities only, inclusive `yyyy-MM-dd` days of the archive (hire) date in the spreadsheet's zone. */
  hiredAfter?: string;
  hiredBefore?: string;
}

export interface ScheduleSpec {
  kind: 'off' | 'hourly' | 'daily' | 'weekly';
  /** For 'hourly': 1, 2, 4, 6, 8 or 12. */
  everyHours?: number;
  /** For 'daily' and 'weekly': 0-23 in the spreadsheet's time zone. */
  hour?: number;
  /** For 'weekly': 'MONDAY' … 'SUNDAY'. */
  weekDay?: string;
}

export interface ImportDefinition {
  id: string;
  name: string;
  object: ImportObject;
  environment: LeverEnvironment;
  filters: ImportFilters;
  /** Column keys in display order; the Lever ID column is always included. */
  columns: string[];
  sheetName: string;
  /** The target sheet's stable id (survives renames), once the add-on has written to it. */
  sheetId?: number;
  writeMode: WriteMode;
  /**
   * What to do with rows whose ID vanished from Lever. updateById: 'remove' their rows or 'flag' (keep, marked).
   * replace: 'flag' (default) keeps, marked, the rows the user has content in right of the import, removing the
   * others; 'remove' removes them all. Not used by appendSnapshot.
   */
  vanished?: 'remove' | 'flag';
  trackChanges?: boolean;
  /** Opportunities: how often a refresh reads everything instead of only what changed (default daily). */
  fullRefresh?: FullRefreshCadence;
  schedule?: ScheduleSpec;
  /** Email of the user whose trigger runs the schedule ('' when Google hides it). */
  scheduleOwner?: string;
  createdAt: string;
  updatedAt: string;
}

/** What the sidebar sends to create or edit an import (ids and timestamps are the server's). */
export type ImportDefinitionInput = Omit<
  ImportDefinition,
  'id' | 'createdAt' | 'updatedAt' | 'sheetId' | 'scheduleOwner'
> & {
  id?: string;
};

export type RunTrigger = 'sidebar' | 'menu' | 'schedule';

/** A full run reads every matching record; a changes run only those updated or deleted since the last run. */
export type RunKind = 'full' | 'changes';

export type FullRefreshCadence = 'daily' | 'weekly';

export type RunStatus = 'running' | 'continuing' | 'succeeded' | 'failed';

export interface RunRecord {
  runId: string;
  importId: string;
  trigger: RunTrigger;
  /** ISO instants (Dates cannot cross google.script.run). */
  startedAt: string;
  endedAt?: string;
  status: RunStatus;
  rowsFetched: number;
  rowsWritten?: number;
  pages: number;
  requests: number;
  executions: number;
  /** Sum of execution time across executions, ms. */
  durationMs: number;
  errorCode?: ErrorCode;
  /** A sentence a finance user can act on; never contains the API key. */
  message?: string;
  user?: string;
  /** With trackChanges: one line on what changed since the last refresh ("3 new, 1 closed, …"). */
  changeSummary?: string;
  /** Full or changes only (absent on records written before incremental refreshes). */
  kind?: RunKind;
  /**
   * Full runs of an import with a changes-only base: records that differed from the base although Lever did not
   * report them changed since the last run (any above 0 switches the import to full runs only).
   */
  drift?: number;
}

export interface ColumnInfo {
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'boolean' | 'link';
  inDefault: boolean;
  /** Shown beside the column in the builder: what it costs when it asks Lever for more than the records. */
  note?: string;
}

/** Whether an import's (or a key's) confidential records reach the sheet, and what to do about it. */
export type ConfidentialState = 'included' | 'excluded-by-choice' | 'invisible-to-key' | 'unknown';

export interface ConfidentialNotice {
  state: ConfidentialState;
  /** A sentence the user can act on. */
  message: string;
}

export interface KeyStatus {
  saved: boolean;
  environment?: LeverEnvironment;
  /** Last four characters of the saved key; the key itself never reaches the sidebar. */
  last4?: string;
  checkedAt?: string;
  permissions?: Record<LeverEndpoint, boolean>;
  /** true/false once checked; 'unknown' when no confidential record exists to probe. */
  confidentialAccess?: boolean | 'unknown';
  /** Lever's "Offers" read; absent for a key checked before offers were read. */
  offersAccess?: boolean;
  message?: string;
  /** What this key means for confidential records (set once the key is checked). */
  confidential?: ConfidentialNotice;
  /** Set when the user's UrlFetch calls today near Google's daily limit (the catalogue's sentence). */
  quotaWarning?: string;
}

export interface ImportStatus {
  definition: ImportDefinition;
  lastRun?: RunRecord;
  lastSuccess?: RunRecord;
  /** ISO instant of the next scheduled run, if scheduled. */
  nextRunAt?: string;
  /** True when the schedule's owner is the current user (only they can change it). */
  ownedByMe?: boolean;
  warning?: string;
  /** Whether this import's confidential records reach the sheet with the current user's key. */
  confidential?: ConfidentialNotice;
  /** Why every refresh of this import is full (a drift check found changes Lever's changes list missed). */
  fullOnly?: string;
}

export interface SidebarState {
  userEmail: string;
  spreadsheetTimeZone: string;
  key: KeyStatus;
  imports: ImportStatus[];
  sheetNames: string[];
  /** Whether failed scheduled runs are emailed to their owners in this spreadsheet (on unless turned off). */
  failureEmails?: boolean;
}

export interface PreviewResult {
  /** Matching records counted (exact when `exact`, else a lower bound). */
  count: number;
  exact: boolean;
  headers: string[];
  /** First rows as display strings. */
  rows: string[][];
}
