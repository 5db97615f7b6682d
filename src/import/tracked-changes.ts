// Tracked values of a run's result, taken from the staged rows at commit time, and the columns to stage for them (pure).

import {
  displayText,
  NAME_COLUMN,
  type TrackedField,
  trackedFields,
  trackedSourceColumns,
} from '../changes/tracked-fields';
import type { TrackedState } from '../changes/tracked-state';
import type { LookupTables } from '../lever/source';
import type { ImportDefinition, ImportObject } from '../shared/types';
import type { ColumnSpec } from './column-values';
import { columnSpec } from './columns';
import { renderValue, STAGED_KEY_COLUMNS, type StagedRow } from './rows';

/**
 * Columns to stage besides the import's own, so that every tracked field can be compared even when the user did
 * not choose its column (empty unless the import tracks changes). They are staged after the import's columns and
 * never written to the target sheet.
 */
export function trackingSpecs(definition: ImportDefinition, specs: readonly ColumnSpec[]): ColumnSpec[] {
  if (!definition.trackChanges) return [];
  const staged = new Set(specs.map((spec) => spec.key));
  return trackedSourceColumns(definition.object)
    .filter((key) => !staged.has(key))
    .map((key) => columnSpec(definition.object, key))
    .filter((spec): spec is ColumnSpec => spec !== null);
}

interface FieldReader {
  field: TrackedField;
  indexes: number[];
}

/** The tracked fields whose every source column is among the staged specs, with where to find them. */
function readersFor(object: ImportObject, specs: readonly ColumnSpec[]): FieldReader[] {
  const indexOf = new Map(specs.map((spec, index) => [spec.key, index]));
  return trackedFields(object)
    .filter((field) => field.sources.every((key) => indexOf.has(key)))
    .map((field) => ({ field, indexes: field.sources.map((key) => indexOf.get(key) as number) }));
}

/**
 * The tracked state of a run's result: `specs` are the staged columns in staging order (the import's columns, then
 * any `trackingSpecs`), `rows` the de-duplicated staged rows, `lookups` the run's name tables.
 */
export function trackedFromStaged(
  object: ImportObject,
  specs: readonly ColumnSpec[],
  rows: readonly StagedRow[],
  lookups: LookupTables,
): TrackedState {
  const readers = readersFor(object, specs);
  const nameIndex = specs.findIndex((spec) => spec.key === NAME_COLUMN);
  const staged = (row: StagedRow, index: number) => row[STAGED_KEY_COLUMNS + index] ?? '';
  const rendered = (row: StagedRow, index: number) => renderValue(specs[index], staged(row, index), lookups);
  const records = rows.map((row) => {
    const values: Record<string, string> = {};
    for (const { field, indexes } of readers) {
      values[field.key] = field.text(indexes.map((i) => (field.raw ? staged(row, i) : rendered(row, i))));
    }
    const name = nameIndex >= 0 ? displayText(rendered(row, nameIndex)) : '';
    return { id: String(row[0]), name, values };
  });
  return { fields: readers.map(({ field }) => field.key), records };
}
