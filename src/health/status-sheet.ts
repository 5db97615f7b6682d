// The "Lever status" sheet: every import's health for every collaborator, rewritten in one batched write.
import type { SheetPort, WorkbookPort } from '../ports/sheet';
import type { KeyValueStore } from '../ports/store';
import { describeForEveryone } from '../schedule/describe';
import { sharedScheduleContext } from '../schedule/facts';
import type { ImportDefinition } from '../shared/types';
import { findTarget, insertOrFind } from '../sheet/target';
import { listDefinitions, withRecordedTarget } from '../store/imports-store';
import { loadRuns } from '../store/runs-store';
import { forgetStatusLayout, loadStatusLayout, saveStatusLayout } from '../store/status-layout';
import { type ImportHealth, STATUS_SHEET, statusBlock } from './status-rows';
import { writeExistingStatus, writeNewStatus } from './status-write';

/** Every import's health as collaborators see it (no viewer: nobody's own trigger or quota). */
export function gatherHealth(
  workbook: WorkbookPort,
  store: KeyValueStore,
  now: number,
  targets: readonly ImportTarget[],
): ImportHealth[] {
  const context = sharedScheduleContext(
    store,
    targets.map((target) => target.definition),
    workbook.timeZone(),
  );
  return targets.map(({ definition, sheet }) => {
    const runs = loadRuns(store, definition.id);
    return {
      definition,
      sheetName: sheet?.name() ?? null,
      lastRun: runs[0] ?? null,
      lastSuccess: runs.find((run) => run.status === 'succeeded') ?? null,
      schedule: describeForEveryone(definition, now, context),
    };
  });
}

export interface ImportTarget {
  definition: ImportDefinition;
  sheet: SheetPort | null;
}

/** An import that writes its own data into a sheet of this name must never be overwritten by the status. */
function usedAsTarget(statusSheet: SheetPort | null, targets: readonly ImportTarget[]): boolean {
  return targets.some(({ definition, sheet }) =>
    statusSheet ? sheet?.sheetId === statusSheet.sheetId : definition.sheetName === STATUS_SHEET,
  );
}

/** A name-taken refusal means someone else's sheet (or an older status sheet) is there: found by name instead. */
function tryInsert(workbook: WorkbookPort): { sheet: SheetPort; created: boolean } | null {
  try {
    return insertOrFind(workbook, STATUS_SHEET);
  } catch {
    return null;
  }
}

/**
 * The status sheet and what is known of it: by the id stored with its layout; else, the first time, inserted
 * straight away (the insert itself says whether the name is free); else by name.
 */
function openStatusSheet(workbook: WorkbookPort, store: KeyValueStore, definitions: readonly ImportDefinition[]) {
  const layout = loadStatusLayout(store);
  const byId = layout ? workbook.sheetById(layout.sheetId) : null;
  if (byId) return { sheet: byId, layout, created: false };
  if (layout) forgetStatusLayout(store);
  const mayInsert = definitions.length > 0 && !definitions.some((definition) => definition.sheetName === STATUS_SHEET);
  const inserted = mayInsert ? tryInsert(workbook) : null;
  if (inserted) return { ...inserted, layout: null };
  return { sheet: mayInsert ? null : workbook.sheetByName(STATUS_SHEET), layout: null, created: false };
}

/** Rebuilds the status sheet from the document's store; creates it only once there is an import to show. */
export function refreshStatus(workbook: WorkbookPort, store: KeyValueStore, now: number): void {
  const definitions = listDefinitions(store);
  const found = openStatusSheet(workbook, store, definitions);
  if (definitions.length === 0 && !found.sheet) return;
  const targets = definitions.map((definition) => ({
    definition,
    sheet: findTarget(workbook, withRecordedTarget(store, definition)),
  }));
  if (!found.created && usedAsTarget(found.sheet, targets)) return;
  const block = statusBlock(gatherHealth(workbook, store, now, targets), workbook.timeZone());
  const sheet = found.sheet ?? insertOrFind(workbook, STATUS_SHEET).sheet;
  const layout =
    found.sheet && !found.created
      ? writeExistingStatus(workbook, sheet, found.layout, block)
      : writeNewStatus(workbook, sheet, block);
  if (layout) saveStatusLayout(store, layout);
}
