// Records to staged rows, staged rows to sheet rows: de-duplicated, deterministically sorted, IDs named (pure).
import type { LeverRecord, LookupTables } from '../lever/source';
import { type ColumnSpec, type ExtractContext, ID_SEPARATOR, type RawCell } from './column-values';

/** A staged row: `[id, createdAt, ...one raw value per column]`; the first two are the dedupe and sort keys. */
export type StagedRow = RawCell[];

export const STAGED_KEY_COLUMNS = 2;

export function stageRecord(record: LeverRecord, specs: readonly ColumnSpec[], context: ExtractContext): StagedRow {
  const createdAt = typeof record.createdAt === 'number' ? record.createdAt : 0;
  return [String(record.id), createdAt, ...specs.map((spec) => spec.extract(record, context))];
}

function compareStaged(a: StagedRow, b: StagedRow): number {
  const byCreated = Number(b[1]) - Number(a[1]);
  if (byCreated !== 0) return byCreated;
  const [idA, idB] = [String(a[0]), String(b[0])];
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

/**
 * One row per Lever ID (the last one staged wins: it is the freshest read), newest first, then by ID, so that
 * any fetch order gives the same sheet.
 */
export function dedupeAndSort(rows: readonly StagedRow[]): StagedRow[] {
  const byId = new Map<string, StagedRow>();
  for (const row of rows) {
    const id = String(row[0]);
    if (id !== '') byId.set(id, row);
  }
  return [...byId.values()].sort(compareStaged);
}

function nameOf(ids: RawCell, table: Record<string, string>): string {
  if (typeof ids !== 'string' || ids === '') return '';
  return ids
    .split(ID_SEPARATOR)
    .map((id) => table[id] || id)
    .join(', ');
}

/** One staged value as the sheet shows it: IDs named (unknown IDs kept), timestamps as Dates. */
export function renderValue(spec: ColumnSpec, raw: RawCell, lookups: LookupTables): unknown {
  if (spec.render) return spec.render(raw, lookups);
  if (spec.names) return nameOf(raw, lookups[spec.names] ?? {});
  if (spec.type === 'date') return typeof raw === 'number' ? new Date(raw) : '';
  return raw;
}

export function renderRow(staged: StagedRow, specs: readonly ColumnSpec[], lookups: LookupTables): unknown[] {
  return specs.map((spec, index) => renderValue(spec, staged[STAGED_KEY_COLUMNS + index] ?? '', lookups));
}

export function headerLabels(specs: readonly ColumnSpec[], lookups: LookupTables): string[] {
  return specs.map((spec) => (spec.headerLabel ? spec.headerLabel(lookups) : spec.label));
}
