// Sidebar calls about imports and runs: definitions, columns, preview, running and progress.
import { deleteSnapshot } from '../../changes/sheets';
import { withConfidentialNotice } from '../../confidential/guard';
import { AppError } from '../../errors';
import { activeDocument } from '../../gas/document';
import { withDocumentLock } from '../../gas/lock';
import { documentSnapshot, documentStore, userStore } from '../../gas/properties';
import { currentUserEmail, formatInZone, zoneOffsetFor } from '../../gas/spreadsheet';
import { listColumnInfo } from '../../import/columns';
import { normaliseDefinition } from '../../import/definition';
import { saveImportInput } from '../../import/definition-input';
import { deleteBase } from '../../import/incremental-base-sheet';
import { deleteKeptOffers } from '../../import/offers-kept-sheet';
import { previewDefinition } from '../../import/preview';
import { buildSidebarState, uniqueCopyName } from '../../import/sidebar-state';
import { deleteStaging } from '../../import/staging';
import { describeSchedule, type ScheduleContext } from '../../schedule/describe';
import { urlFetchCallsToday, urlFetchWarning } from '../../schedule/urlfetch-quota';
import type { ServerApi } from '../../shared/rpc';
import type { ImportDefinitionInput, ImportObject, KeyStatus, SidebarState } from '../../shared/types';
import { deleteCheckpoint, loadCheckpoint } from '../../store/checkpoint';
import { deleteDefinition, listDefinitions, requireDefinition } from '../../store/imports-store';
import { deleteFullOnly } from '../../store/incremental-base';
import { deleteKeptOffersMark } from '../../store/kept-offers-mark';
import { loadKeyStatus } from '../../store/key-store';
import { deleteRuns, latestRun } from '../../store/runs-store';
import { deleteImportState } from '../../store/schedule-state';
import { runImportSlice } from '../import-run';
import { leverForUser } from '../lever';
import { approveIfOwner, ensureScheduleTrigger, failureEmailsEnabled } from '../schedule-calls';
import { guarded } from './guarded';

type ImportCalls = Omit<
  ServerApi,
  'saveApiKey' | 'checkApiKey' | 'removeApiKey' | 'setSchedule' | 'takeOverSchedule' | 'setFailureEmails'
>;

function bestEffort(action: () => void): void {
  try {
    action();
  } catch {
    // A self-healing step must not stop the sidebar from opening.
  }
}

/** The key's status with the warning before Google's daily UrlFetch limit, when today's calls near it. */
function withQuotaWarning(key: KeyStatus): KeyStatus {
  const quotaWarning = urlFetchWarning(urlFetchCallsToday(userStore(), Date.now()));
  return quotaWarning ? { ...key, quotaWarning } : key;
}

function sidebarState(): SidebarState {
  const spreadsheet = activeDocument();
  // Every import's definition, runs and schedule state: one properties read instead of several per import.
  const store = documentSnapshot();
  let context: ScheduleContext | undefined;
  bestEffort(() => {
    context = ensureScheduleTrigger(store);
  });
  const state = buildSidebarState({
    store,
    user: currentUserEmail(),
    now: Date.now(),
    timeZone: spreadsheet.info.timeZone,
    key: withQuotaWarning(withConfidentialNotice(loadKeyStatus(userStore()))),
    sheetNames: spreadsheet.workbook().sheetNames(),
    describeSchedule: (definition, now, user) => describeSchedule(definition, now, user, context),
  });
  return { ...state, failureEmails: failureEmailsEnabled(store) };
}

function columnsFor(object: ImportObject) {
  if (object !== 'opportunities' && object !== 'requisitions') {
    throw new AppError('BAD_INPUT', { reason: 'object' });
  }
  if (object === 'opportunities') return listColumnInfo(object);
  let fields = {};
  // Custom field columns need Lever; without a key (or access) the fixed columns still make a usable list.
  bestEffort(() => {
    fields = leverForUser().lookups(['requisitionFields']).requisitionFields;
  });
  return listColumnInfo(object, fields);
}

function duplicate(importId: string) {
  const store = documentStore();
  const original = requireDefinition(store, importId);
  const taken = new Set([
    ...activeDocument().workbook().sheetNames(),
    ...listDefinitions(store).map((d) => d.sheetName),
  ]);
  const {
    id: _id,
    sheetId: _sheet,
    schedule: _schedule,
    scheduleOwner: _owner,
    createdAt: _c,
    updatedAt: _u,
    ...copy
  } = original;
  return saveImportInput(
    store,
    { ...copy, name: `Copy of ${original.name}`.slice(0, 100), sheetName: uniqueCopyName(original.sheetName, taken) },
    new Date(),
  );
}

/** Removes the import and everything the add-on keeps for it; the user's target sheet stays. */
function remove(importId: string): void {
  const spreadsheet = activeDocument();
  withDocumentLock(() => {
    const store = documentStore();
    const checkpoint = loadCheckpoint(store, importId);
    deleteStaging(spreadsheet.workbook(), importId, checkpoint?.stagingSheetId);
    deleteSnapshot(spreadsheet.workbook(), importId);
    deleteBase(spreadsheet.workbook(), store, importId);
    deleteFullOnly(store, importId);
    deleteKeptOffers(spreadsheet.workbook(), importId);
    deleteKeptOffersMark(store, importId);
    deleteCheckpoint(store, importId);
    deleteRuns(store, importId);
    deleteImportState(store, importId);
    deleteDefinition(store, importId);
  });
  bestEffort(() => ensureScheduleTrigger());
}

/** How long a preview may page through Lever to count the matching records (about 10,000 at full speed). */
const PREVIEW_COUNT_MS = 10_000;

function preview(input: ImportDefinitionInput) {
  const timeZone = activeDocument().info.timeZone;
  const existing = input?.id ? requireDefinition(documentStore(), input.id) : null;
  const sheetName = typeof input?.sheetName === 'string' && input.sheetName.trim() ? input.sheetName : 'Preview';
  const definition = normaliseDefinition(
    { ...input, sheetName },
    { existing, others: [], now: new Date().toISOString(), newId: () => 'preview' },
  );
  return previewDefinition(definition, {
    lever: leverForUser(),
    offsetAt: zoneOffsetFor(timeZone),
    formatDate: (date) => formatInZone(date, timeZone, 'yyyy-MM-dd'),
    countDeadline: Date.now() + PREVIEW_COUNT_MS,
  });
}

export const importRpc: ImportCalls = {
  getSidebarState: guarded(sidebarState),
  listColumns: guarded(columnsFor),
  saveImport: guarded((input: ImportDefinitionInput) =>
    approveIfOwner(saveImportInput(documentStore(), input, new Date())),
  ),
  duplicateImport: guarded(duplicate),
  deleteImport: guarded(remove),
  previewImport: guarded(preview),
  runImport: guarded((importId: string, options?: { full?: boolean }) =>
    runImportSlice(activeDocument(), importId, 'sidebar', { full: options?.full === true }),
  ),
  continueImport: guarded((importId: string) =>
    runImportSlice(activeDocument(), importId, 'sidebar', { continueOnly: true }),
  ),
  getRunProgress: guarded((importId: string) => latestRun(documentStore(), importId)),
};
