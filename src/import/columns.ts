// The column catalogue per object: listing, validation of chosen keys, and the lookups a column set needs (pure).
import type { LookupName, LookupTables } from '../lever/source';
import type { ColumnInfo, ImportObject } from '../shared/types';
import type { ColumnSpec } from './column-values';
import { APPLICATION_COLUMN_KEYS } from './columns-hires';
import { OPPORTUNITY_COLUMNS } from './columns-opportunities';
import { POSTING_COLUMN_KEYS } from './columns-postings';
import { CUSTOM_FIELD_PREFIX, customFieldColumn, REQUISITION_COLUMNS } from './columns-requisitions';

export const ID_COLUMN = 'id';

function catalogue(object: ImportObject): readonly ColumnSpec[] {
  return object === 'opportunities' ? OPPORTUNITY_COLUMNS : REQUISITION_COLUMNS;
}

function info(spec: ColumnSpec): ColumnInfo {
  const column = { key: spec.key, label: spec.label, type: spec.type, inDefault: spec.inDefault };
  return spec.note ? { ...column, note: spec.note } : column;
}

/** Every column an import of `object` can have; requisitions add one per custom field Lever knows. */
export function listColumnInfo(
  object: ImportObject,
  requisitionFields: LookupTables['requisitionFields'] = {},
): ColumnInfo[] {
  const fixed = catalogue(object).map(info);
  if (object !== 'requisitions') return fixed;
  const custom = Object.entries(requisitionFields).map(([id, fieldInfo]) =>
    info(customFieldColumn(id, fieldInfo.text || id, true, fieldInfo.type)),
  );
  return [...fixed, ...custom];
}

export function defaultColumnKeys(object: ImportObject): string[] {
  return catalogue(object)
    .filter((spec) => spec.inDefault)
    .map((spec) => spec.key);
}

export function isCustomFieldKey(key: string): boolean {
  return key.startsWith(CUSTOM_FIELD_PREFIX) && key.length > CUSTOM_FIELD_PREFIX.length;
}

/** The spec for a key, or null when the object has no such column. */
export function columnSpec(object: ImportObject, key: string): ColumnSpec | null {
  const fixed = catalogue(object).find((spec) => spec.key === key);
  if (fixed) return fixed;
  if (object === 'requisitions' && isCustomFieldKey(key)) {
    const fieldId = key.slice(CUSTOM_FIELD_PREFIX.length);
    return customFieldColumn(fieldId, fieldId, false);
  }
  return null;
}

/** The Lever ID first, then the chosen keys in their order, without repeats. Throws nothing: unknown keys are kept out. */
export function orderedColumnKeys(keys: readonly string[]): string[] {
  return [ID_COLUMN, ...new Set(keys.filter((key) => key !== ID_COLUMN))];
}

/** Specs for a definition's columns (already validated); unknown keys are skipped rather than failing a run. */
export function resolveColumns(object: ImportObject, keys: readonly string[]): ColumnSpec[] {
  return orderedColumnKeys(keys)
    .map((key) => columnSpec(object, key))
    .filter((spec): spec is ColumnSpec => spec !== null);
}

/** The lookup tables a set of columns needs, each listed once. */
export function lookupsNeeded(specs: readonly ColumnSpec[]): LookupName[] {
  const needed = new Set<LookupName>();
  for (const spec of specs) {
    if (spec.names) needed.add(spec.names);
    for (const name of spec.needs ?? []) needed.add(name);
    if (spec.key.startsWith(CUSTOM_FIELD_PREFIX)) needed.add('requisitionFields');
  }
  return [...needed];
}

/** Whether opportunities must be fetched with applications expanded (posting titles, the seat a hire fills). */
export function needsExpandedApplications(specs: readonly ColumnSpec[]): boolean {
  return specs.some(
    (spec) =>
      spec.key === 'posting' || APPLICATION_COLUMN_KEYS.includes(spec.key) || POSTING_COLUMN_KEYS.includes(spec.key),
  );
}
