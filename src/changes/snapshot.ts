// The previous refresh's tracked state as a block of cells for the hidden snapshot sheet, and back (pure).
import { fingerprint } from '../base/fingerprint';
import type { ImportDefinition } from '../shared/types';
import type { TrackedRecord, TrackedState } from './tracked-state';

/** First cell of a snapshot: anything else in that sheet is not ours to trust. */
export const SNAPSHOT_MARK = 'Lever for Sheets snapshot v1';
const KEY_HEADER = ['id', 'name'];
const META_ROWS = 2;

export interface StoredSnapshot {
  /** What the records were fetched for (see snapshotScope). */
  scope: string;
  takenAt: string;
  state: TrackedState;
}

/**
 * What the tracked records were fetched for: object, environment and filters. When it differs from the import's
 * now, a diff would report records that merely entered or left the filters, so tracking starts over instead.
 * Columns are not part of it: fields present on one side only are simply not compared.
 */
export function snapshotScope(definition: ImportDefinition): string {
  const filters = Object.fromEntries(
    Object.entries(definition.filters).map(([key, value]) => [key, Array.isArray(value) ? [...value].sort() : value]),
  );
  return fingerprint({ object: definition.object, environment: definition.environment, filters });
}

function padded(row: string[], width: number): string[] {
  return row.length >= width ? row : [...row, ...Array<string>(width - row.length).fill('')];
}

/** Row 1: mark, scope, time; row 2: `id`, `name`, field keys; then one row per record. Rectangular. */
export function encodeSnapshot(state: TrackedState, scope: string, takenAt: Date): string[][] {
  const width = KEY_HEADER.length + state.fields.length;
  const rows = [
    padded([SNAPSHOT_MARK, scope, takenAt.toISOString()], width),
    padded([...KEY_HEADER, ...state.fields], width),
    ...state.records.map((record) => [record.id, record.name, ...state.fields.map((f) => record.values[f] ?? '')]),
  ];
  const blockWidth = Math.max(...rows.map((row) => row.length));
  return rows.map((row) => padded(row, blockWidth));
}

function cellText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function decodeRecord(row: readonly unknown[], fields: readonly string[]): TrackedRecord {
  const values: Record<string, string> = {};
  fields.forEach((field, index) => {
    values[field] = cellText(row[KEY_HEADER.length + index]);
  });
  return { id: cellText(row[0]), name: cellText(row[1]), values };
}

/** The snapshot in a block read from the sheet, or null when the block is not one (empty, foreign or damaged). */
export function decodeSnapshot(block: readonly (readonly unknown[])[]): StoredSnapshot | null {
  if (block.length < META_ROWS || cellText(block[0][0]) !== SNAPSHOT_MARK) return null;
  const header = block[1].map(cellText);
  if (header[0] !== KEY_HEADER[0] || header[1] !== KEY_HEADER[1]) return null;
  const fields = header.slice(KEY_HEADER.length).filter((field) => field !== '');
  const records = block
    .slice(META_ROWS)
    .filter((row) => cellText(row[0]) !== '')
    .map((row) => decodeRecord(row, fields));
  return { scope: cellText(block[0][1]), takenAt: cellText(block[0][2]), state: { fields, records } };
}
