// Helpers for the import tests: imports set up and run through the sidebar calls, sheets read through the inspector.
import type { ImportDefinition, ImportDefinitionInput, RunRecord } from '../../src/shared/types';
import type { SheetInspector, SpreadsheetInspector } from '../../tools/gas-emulator/spreadsheet';
import { createHarness, FULL_KEY, type Harness, USER } from '../support/harness';
import { documentState } from '../support/state';
import { offsetIn } from '../unit/import/zone-offsets';

export { createHarness, FULL_KEY, USER };

export function opportunityImport(overrides: Partial<ImportDefinitionInput> = {}): ImportDefinitionInput {
  return {
    name: 'Pipeline',
    object: 'opportunities',
    environment: 'production',
    filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude' },
    columns: [],
    sheetName: 'Opportunities',
    writeMode: 'replace',
    ...overrides,
  };
}

export function requisitionImport(overrides: Partial<ImportDefinitionInput> = {}): ImportDefinitionInput {
  return {
    name: 'Requisitions',
    object: 'requisitions',
    environment: 'production',
    filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude' },
    columns: [],
    sheetName: 'Requisitions',
    writeMode: 'replace',
    ...overrides,
  };
}

export function connect(h: Harness, key = FULL_KEY, user = USER): void {
  h.call('saveApiKey', [key, 'production'], user);
}

export function saveImport(h: Harness, input: ImportDefinitionInput, user = USER): ImportDefinition {
  return h.call<ImportDefinition>('saveImport', [input], user);
}

/** runImport, then continueImport while the run is 'continuing', as the sidebar does. */
export function runToEnd(h: Harness, importId: string, user = USER, maxCalls = 30): RunRecord[] {
  const records = [h.call<RunRecord>('runImport', [importId], user)];
  while (records[records.length - 1].status === 'continuing') {
    if (records.length >= maxCalls) throw new Error(`still continuing after ${maxCalls} calls`);
    records.push(h.call<RunRecord>('continueImport', [importId], user));
  }
  return records;
}

/** A full run (not a changes-only refresh), to its end. */
export function runInFull(h: Harness, importId: string): RunRecord[] {
  const records = [h.call<RunRecord>('runImport', [importId, { full: true }])];
  while (lastOf(records).status === 'continuing') records.push(h.call<RunRecord>('continueImport', [importId]));
  return records;
}

export function lastOf<T>(list: readonly T[]): T {
  return list[list.length - 1];
}

export function book(h: Harness): SpreadsheetInspector {
  return h.emu.spreadsheet(h.ssId) as SpreadsheetInspector;
}

export function sheet(h: Harness, name: string): SheetInspector {
  return book(h).sheet(name);
}

/** IDs in a stable order, to compare sets of records whatever order they were read or written in. */
export const sorted = (ids: readonly string[]): string[] => [...ids].sort();

/** The Lever IDs in a sheet's first column, below the header. */
export function sheetIds(h: Harness, name: string): string[] {
  return sheet(h, name)
    .values()
    .slice(1)
    .map((row) => String(row[0]))
    .filter((id) => id !== '');
}

export function allFormulas(inspector: SheetInspector): string[] {
  return inspector
    .formulas()
    .flat()
    .filter((formula) => formula !== '');
}

/** Epoch ms of a wall-clock time in a zone, computed independently of the product's code. */
export function localInstant(timeZone: string, iso: string): number {
  const offsetAt = offsetIn(timeZone);
  const asUtc = Date.parse(`${iso}Z`);
  return asUtc - offsetAt(asUtc - offsetAt(asUtc) * 60_000) * 60_000;
}

export function documentProperties(h: Harness): Record<string, string> {
  return documentState(h.emu, h.ssId);
}

/** Filters that let every record through: archived, snoozed and confidential included. */
export const EVERYTHING = { archived: 'include', snoozed: 'include', confidential: 'include' } as const;
