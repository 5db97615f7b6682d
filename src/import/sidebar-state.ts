// What the sidebar shows on open, and the names a duplicate gets (pure over the stores it is given).

import { isSnapshotSheetName } from '../changes/sheets';
import { confidentialNotice } from '../confidential/guard';
import { fullOnlySentence, UNLISTED_IMPORT_SENTENCE } from '../errors';
import { STATUS_SHEET } from '../health/status-rows';
import type { KeyValueStore } from '../ports/store';
import { STATE_SHEET_NAME } from '../ports/store';
import type { ImportDefinition, ImportStatus, KeyStatus, SidebarState } from '../shared/types';
import { listDefinitions, listUnindexedDefinitions } from '../store/imports-store';
import { loadFullOnly } from '../store/incremental-base';
import { lastSuccessfulRun, latestRun } from '../store/runs-store';
import { isBaseSheetName } from './incremental-base-sheet';
import { isOffersSheetName } from './offers-kept-sheet';
import { isStagingSheetName } from './staging';

export type ScheduleDescriber = (
  definition: ImportDefinition,
  now: number,
  user: string,
) => { nextRunAt?: string; ownedByMe: boolean; warning?: string };

export interface SidebarFacts {
  store: KeyValueStore;
  user: string;
  now: number;
  timeZone: string;
  key: KeyStatus;
  sheetNames: string[];
  describeSchedule: ScheduleDescriber;
}

function importStatus(facts: SidebarFacts, definition: ImportDefinition): ImportStatus {
  const status: ImportStatus = { definition };
  const lastRun = latestRun(facts.store, definition.id);
  const lastSuccess = lastSuccessfulRun(facts.store, definition.id);
  if (lastRun) status.lastRun = lastRun;
  if (lastSuccess) status.lastSuccess = lastSuccess;
  const schedule = facts.describeSchedule(definition, facts.now, facts.user);
  status.ownedByMe = schedule.ownedByMe;
  if (schedule.nextRunAt) status.nextRunAt = schedule.nextRunAt;
  if (schedule.warning) status.warning = schedule.warning;
  status.confidential = confidentialNotice(definition.filters, facts.key, definition.object);
  const fullOnly = loadFullOnly(facts.store, definition.id);
  if (fullOnly)
    status.fullOnly = fullOnlySentence(fullOnly.records, new Date(fullOnly.atMs).toISOString().slice(0, 10));
  return status;
}

/**
 * An import missing from the index is shown, so no one loses sight of it, but not listed again by itself: it may be
 * one a person deleted and an older version's late save brought back, which, listed, would run on its schedule again.
 */
function unlistedStatus(facts: SidebarFacts, definition: ImportDefinition): ImportStatus {
  const status = importStatus(facts, definition);
  const { nextRunAt: _never, ...rest } = status;
  return { ...rest, warning: UNLISTED_IMPORT_SENTENCE };
}

export function buildSidebarState(facts: SidebarFacts): SidebarState {
  return {
    userEmail: facts.user,
    spreadsheetTimeZone: facts.timeZone,
    key: facts.key,
    imports: [
      ...listDefinitions(facts.store).map((definition) => importStatus(facts, definition)),
      ...listUnindexedDefinitions(facts.store).map((definition) => unlistedStatus(facts, definition)),
    ],
    sheetNames: facts.sheetNames.filter(
      (name) =>
        !isStagingSheetName(name) &&
        !isBaseSheetName(name) &&
        !isOffersSheetName(name) &&
        !isSnapshotSheetName(name) &&
        name !== STATUS_SHEET &&
        name !== STATE_SHEET_NAME,
    ),
  };
}

const MAX_SHEET_NAME = 100;

/** "Name (copy)", then "Name (copy 2)", … : a sheet name no sheet and no other import uses. */
export function uniqueCopyName(base: string, taken: ReadonlySet<string>): string {
  for (let attempt = 1; ; attempt++) {
    const suffix = attempt === 1 ? ' (copy)' : ` (copy ${attempt})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}
