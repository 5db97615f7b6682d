// What a schedule's owner approved their trigger to run: a digest of each scheduled definition, kept in the
// owner's own UserProperties, where no other editor can write.

import { stableStringify } from '../base/fingerprint';
import { type KeyValueStore, readJson, writeJson } from '../ports/store';
import type { ImportDefinition } from '../shared/types';

/** Text → digest (SHA-256 in Apps Script; any stable function in unit tests). */
export type Digest = (text: string) => string;

type Approvals = Record<string, string>;

function approvalsKey(spreadsheetId: string): string {
  return `approved.${spreadsheetId}`;
}

/**
 * The parts of a definition that decide what the owner's key reads and where it writes. The shared state sheet
 * can be edited by any editor, so these must be exactly what the owner last saved. Sheet name and id are left
 * out: the add-on itself updates them when a sheet is renamed, and they grant no access.
 */
export function approvalText(definition: ImportDefinition): string {
  const { id, object, environment, filters, columns, writeMode, vanished, trackChanges, schedule, scheduleOwner } =
    definition;
  return stableStringify({
    id,
    object,
    environment,
    filters,
    columns,
    writeMode,
    vanished,
    trackChanges,
    schedule,
    scheduleOwner,
  });
}

function readApprovals(store: KeyValueStore, spreadsheetId: string): Approvals {
  return readJson<Approvals>(store, approvalsKey(spreadsheetId)) ?? {};
}

/** Records that the running user (the owner) approved `definition` as it is now. */
export function approveDefinition(
  store: KeyValueStore,
  spreadsheetId: string,
  definition: ImportDefinition,
  digest: Digest,
): void {
  const approvals = readApprovals(store, spreadsheetId);
  approvals[definition.id] = digest(approvalText(definition));
  writeJson(store, approvalsKey(spreadsheetId), approvals);
}

/** Forgets the approval of an import that is no longer the running user's schedule. */
export function withdrawApproval(store: KeyValueStore, spreadsheetId: string, importId: string): void {
  const approvals = readApprovals(store, spreadsheetId);
  if (!(importId in approvals)) return;
  delete approvals[importId];
  writeJson(store, approvalsKey(spreadsheetId), approvals);
}

/** True when `definition` is exactly what the running user last approved for their trigger. */
export function isApproved(
  store: KeyValueStore,
  spreadsheetId: string,
  definition: ImportDefinition,
  digest: Digest,
): boolean {
  return readApprovals(store, spreadsheetId)[definition.id] === digest(approvalText(definition));
}
