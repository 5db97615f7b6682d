// Helpers for the scheduling tests: imports set up through the sidebar calls, hour-by-hour clock steps, inspection.

import type { ImportDefinition, ImportDefinitionInput, RunRecord, ScheduleSpec } from '../../src/shared/types';
import type { ExecutionResult } from '../../tools/gas-emulator';
import { FULL_KEY, type Harness, USER } from '../support/harness';
import { documentState } from '../support/state';

export const HOUR = 3_600_000;
export const RUN_LOG_SHEET = 'Lever run log';

export function requisitionImport(name: string, sheetName: string): ImportDefinitionInput {
  return {
    name,
    object: 'requisitions',
    environment: 'production',
    filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude' },
    columns: [],
    sheetName,
    writeMode: 'replace',
  };
}

/** Saves the user's key and a requisitions import, then schedules it, all through sidebar calls. */
export function scheduledImport(
  h: Harness,
  name: string,
  spec: ScheduleSpec,
  user = USER,
  key = FULL_KEY,
): ImportDefinition {
  h.call('saveApiKey', [key, 'production'], user);
  const definition = h.call<ImportDefinition>('saveImport', [requisitionImport(name, name)], user);
  return h.call<ImportDefinition>('setSchedule', [definition.id, spec], user);
}

/** Google's add-on rule, checked after every step: never two time-based triggers for one user in one document. */
export function expectAtMostOneTriggerPerUserAndDocument(h: Harness): void {
  const seen = new Set<string>();
  for (const trigger of h.emu.triggers()) {
    const slot = `${trigger.owner} ${trigger.spreadsheetId}`;
    expect(seen.has(slot)).toBe(false);
    seen.add(slot);
  }
}

/**
 * Moves the clock hour by hour up to `until`, firing the triggers the bundle created. Every firing must finish
 * without an uncaught error: the dispatcher records failures instead of throwing.
 */
export function stepTo(h: Harness, until: number, activeSpreadsheet = false): ExecutionResult[] {
  const fired: ExecutionResult[] = [];
  while (h.emu.clock.now() < until) {
    const next = Math.min(until, h.emu.clock.now() + HOUR);
    const results = h.emu.advanceTo(next, { activeSpreadsheet });
    for (const result of results) {
      if (!result.ok) throw new Error(`A trigger execution failed: ${result.error?.message}`);
    }
    fired.push(...results);
    expectAtMostOneTriggerPerUserAndDocument(h);
  }
  return fired;
}

export function runsOf(h: Harness, importId: string): RunRecord[] {
  const raw = documentState(h.emu, h.ssId)[`runs.${importId}`];
  return raw ? (JSON.parse(raw) as RunRecord[]) : [];
}

export function latestRunOf(h: Harness, importId: string): RunRecord | undefined {
  return runsOf(h, importId)[0];
}

/** A sheet's values as the user sees them, or null when the sheet does not exist. */
export function sheetValues(h: Harness, name: string): unknown[][] | null {
  const inspector = h.emu.spreadsheet(h.ssId);
  return inspector.hasSheet(name) ? inspector.sheet(name).values() : null;
}

export function utcHour(iso: string): number {
  return new Date(iso).getUTCHours();
}
