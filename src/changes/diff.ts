// What changed between two tracked states: records added and removed, and each tracked field that changed (pure).
import type { TrackedRecord, TrackedState } from './tracked-state';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface Change {
  kind: ChangeKind;
  id: string;
  /** The record's current name (its last known one when removed). */
  name: string;
  /** For 'changed': the tracked field's key, and its value before and after. */
  field?: string;
  oldValue?: string;
  newValue?: string;
}

function byId(records: readonly TrackedRecord[]): Map<string, TrackedRecord> {
  return new Map(records.map((record) => [record.id, record]));
}

/** Fields compared: those both states track (a column added or removed since is neither a change nor noise). */
export function comparedFields(previous: TrackedState, current: TrackedState): string[] {
  const before = new Set(previous.fields);
  return current.fields.filter((field) => before.has(field));
}

function fieldChanges(before: TrackedRecord, after: TrackedRecord, fields: readonly string[]): Change[] {
  const changes: Change[] = [];
  for (const field of fields) {
    const oldValue = before.values[field] ?? '';
    const newValue = after.values[field] ?? '';
    if (oldValue !== newValue)
      changes.push({ kind: 'changed', id: after.id, name: after.name, field, oldValue, newValue });
  }
  return changes;
}

/**
 * Changes from `previous` to `current`, by Lever ID: added records first (in the current order), then changed
 * fields record by record (in the current order, fields in tracking order), then removed records (previous order).
 */
export function diffStates(previous: TrackedState, current: TrackedState): Change[] {
  const before = byId(previous.records);
  const after = byId(current.records);
  const fields = comparedFields(previous, current);
  const added: Change[] = [];
  const changed: Change[] = [];
  for (const record of after.values()) {
    const old = before.get(record.id);
    if (!old) added.push({ kind: 'added', id: record.id, name: record.name });
    else changed.push(...fieldChanges(old, record, fields));
  }
  const removed: Change[] = [...before.values()]
    .filter((record) => !after.has(record.id))
    .map((record) => ({ kind: 'removed', id: record.id, name: record.name }));
  return [...added, ...changed, ...removed];
}
