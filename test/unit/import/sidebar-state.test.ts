// The sidebar's view of imports (runs, schedules, sheet names) and the names duplicates get.

import { saveImportInput } from '../../../src/import/definition-input';
import { buildSidebarState, uniqueCopyName } from '../../../src/import/sidebar-state';
import { memoryStore } from '../../../src/ports/store';
import type { RunRecord } from '../../../src/shared/types';
import { saveFullOnly } from '../../../src/store/incremental-base';
import { saveRun } from '../../../src/store/runs-store';

function run(importId: string, runId: string, status: RunRecord['status']): RunRecord {
  return {
    runId,
    importId,
    trigger: 'sidebar',
    startedAt: '2026-01-05T14:00:00.000Z',
    status,
    rowsFetched: 5,
    pages: 1,
    requests: 1,
    executions: 1,
    durationMs: 5,
  };
}

describe('buildSidebarState', () => {
  it('lists each import with its last run, last success and schedule facts, and hides staging sheets', () => {
    const store = memoryStore();
    const input = {
      name: 'Reqs',
      object: 'requisitions' as const,
      environment: 'production' as const,
      filters: { archived: 'exclude' as const, snoozed: 'exclude' as const, confidential: 'exclude' as const },
      columns: [],
      sheetName: 'Requisitions',
      writeMode: 'replace' as const,
    };
    const definition = saveImportInput(store, input, new Date(0));
    saveRun(store, run(definition.id, 'r1', 'succeeded'));
    saveRun(store, run(definition.id, 'r2', 'failed'));
    const state = buildSidebarState({
      store,
      user: 'ana@example.com',
      now: 0,
      timeZone: 'Europe/Berlin',
      key: { saved: false },
      sheetNames: ['Sheet1', `_lever_staging_${definition.id}`, `_lever_offers_${definition.id}`, 'Requisitions'],
      describeSchedule: (_def, _now, user) => ({
        ownedByMe: user === 'ana@example.com',
        nextRunAt: '2026-01-06T06:00:00.000Z',
      }),
    });
    expect(state.sheetNames).toEqual(['Sheet1', 'Requisitions']);
    expect(state.spreadsheetTimeZone).toBe('Europe/Berlin');
    expect(state.imports).toHaveLength(1);
    expect(state.imports[0]).toMatchObject({
      lastRun: { runId: 'r2', status: 'failed' },
      lastSuccess: { runId: 'r1' },
      ownedByMe: true,
      nextRunAt: '2026-01-06T06:00:00.000Z',
    });
    expect(state.imports[0].fullOnly).toBeUndefined();

    saveFullOnly(store, definition.id, { atMs: Date.UTC(2026, 2, 4, 12), records: 2 });
    const later = buildSidebarState({
      store,
      user: 'ana@example.com',
      now: 0,
      timeZone: 'Europe/Berlin',
      key: { saved: false },
      sheetNames: [],
      describeSchedule: () => ({ ownedByMe: true }),
    });
    expect(later.imports[0].fullOnly).toMatch(
      /^Every refresh of this import reads everything: on 2026-03-04 .*2 records/,
    );
  });
});

describe('uniqueCopyName', () => {
  it('adds (copy), then numbers, and stays within 100 characters', () => {
    expect(uniqueCopyName('Reqs', new Set(['Reqs']))).toBe('Reqs (copy)');
    expect(uniqueCopyName('Reqs', new Set(['Reqs (copy)', 'Reqs (copy 2)']))).toBe('Reqs (copy 3)');
    expect(uniqueCopyName('x'.repeat(100), new Set()).length).toBe(100);
  });
});
