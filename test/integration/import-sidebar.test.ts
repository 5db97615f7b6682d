// Through the built bundle: the sidebar's import calls and the "Refresh all" menu item.

import type { ColumnInfo, ImportDefinition, PreviewResult, RunRecord, SidebarState } from '../../src/shared/types';
import { STATE_SHEET } from '../support/state';
import {
  book,
  connect,
  createHarness,
  documentProperties,
  FULL_KEY,
  lastOf,
  opportunityImport,
  requisitionImport,
  runToEnd,
  saveImport,
  sheet,
  sheetIds,
  USER,
} from './import-support';

describe('sidebar calls', () => {
  it('lists columns, with one per requisition custom field named as in Lever', () => {
    const h = createHarness({ opportunities: 10, requisitions: 10 });
    connect(h);
    const opportunityColumns = h.call<ColumnInfo[]>('listColumns', ['opportunities']);
    expect(opportunityColumns[0]).toMatchObject({ key: 'id', label: 'Lever ID' });
    const requisitionColumns = h.call<ColumnInfo[]>('listColumns', ['requisitions']);
    const custom = requisitionColumns.filter((column) => column.key.startsWith('customField.'));
    expect(custom.map((column) => column.label).sort()).toEqual(
      h.dataset.requisitionFields.map((field) => field.text as string).sort(),
    );
    expect(() => h.call('listColumns', ['candidates'])).toThrow(/Opportunities or Requisitions/);
  });

  it('previews the first rows as display text without writing anything', () => {
    // Pinned: the first rows are the newest ten only when Lever lists newest first.
    const h = createHarness({ opportunities: 40, requisitions: 10, readings: { listOrder: 'newest-first' } });
    connect(h);
    const propertiesBefore = documentProperties(h);
    const sheetsBefore = book(h).sheetNames();
    const preview = h.call<PreviewResult>('previewImport', [
      opportunityImport({ columns: ['name', 'stage', 'createdAt'] }),
    ]);
    expect(preview.headers).toEqual(['Lever ID', 'Name', 'Stage', 'Created']);
    expect(preview.rows.length).toBeGreaterThan(0);
    expect(preview.rows.length).toBeLessThanOrEqual(10);
    expect(preview.rows[0][3]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(preview.rows.map((row) => row[0])).toEqual(
      h.sim.query('opportunities', { archived: 'false', snoozed: 'false' }).slice(0, preview.rows.length),
    );
    // 40 records are counted well within the preview's counting time: the count is exact.
    expect(preview).toMatchObject({
      exact: true,
      count: h.sim.query('opportunities', { archived: 'false', snoozed: 'false' }).length,
    });
    expect(documentProperties(h)).toEqual(propertiesBefore);
    expect(book(h).sheetNames()).toEqual(sheetsBefore);
  });

  it('passes validation errors on as sentences', () => {
    const h = createHarness({ opportunities: 5, requisitions: 5 });
    expect(() => h.call('saveImport', [opportunityImport({ columns: ['salary'] })])).toThrow(/no column "salary"/);
    expect(() =>
      h.call('saveImport', [
        requisitionImport({
          filters: {
            archived: 'exclude',
            snoozed: 'exclude',
            confidential: 'exclude',
            createdAfter: '2026-02-01',
            createdBefore: '2026-01-01',
          },
        }),
      ]),
    ).toThrow(/later than/);
    expect(() => h.call('runImport', ['does-not-exist'])).toThrow(/no longer exists/);
  });

  it('shows imports with their last run, duplicates and deletes them, never deleting the user’s sheet', () => {
    // Slow answers keep the opportunities run going past one execution.
    const h = createHarness({ opportunities: 2_000, requisitions: 30, latencyMs: 60_000 });
    connect(h);
    const reqs = saveImport(h, requisitionImport());
    expect(lastOf(runToEnd(h, reqs.id)).status).toBe('succeeded');
    const copy = h.call<ImportDefinition>('duplicateImport', [reqs.id]);
    expect(copy).toMatchObject({ name: 'Copy of Requisitions', sheetName: 'Requisitions (copy)' });
    expect(copy.id).not.toBe(reqs.id);

    const opps = saveImport(
      h,
      opportunityImport({ filters: { archived: 'include', snoozed: 'include', confidential: 'include' } }),
    );
    expect(h.call<RunRecord>('runImport', [opps.id]).status).toBe('continuing');
    const state = h.call<SidebarState>('getSidebarState');
    expect(state.imports.map((status) => status.definition.name)).toEqual([
      'Requisitions',
      'Copy of Requisitions',
      'Pipeline',
    ]);
    expect(state.imports[0].lastRun).toMatchObject({ status: 'succeeded' });
    expect(state.imports[0].lastSuccess?.rowsWritten).toBe(sheetIds(h, 'Requisitions').length);
    expect(state.imports[2].lastRun?.status).toBe('continuing');
    expect(state.sheetNames).toEqual(['Sheet1', 'Requisitions']);
    expect(JSON.stringify(state)).not.toContain(FULL_KEY);

    h.call('deleteImport', [opps.id]);
    h.call('deleteImport', [reqs.id]);
    // The hidden state sheet (the shared document state) stays; nothing else but the user's sheets and the status.
    expect(
      book(h)
        .sheetNames()
        .filter((name) => name !== STATE_SHEET),
    ).toEqual(['Sheet1', 'Requisitions', 'Lever status']);
    const keys = Object.keys(documentProperties(h));
    expect(keys.filter((key) => key.includes(opps.id) || key.includes(reqs.id))).toEqual([]);
    expect(h.call<SidebarState>('getSidebarState').imports.map((status) => status.definition.id)).toEqual([copy.id]);
    expect(sheet(h, 'Requisitions').values().length).toBeGreaterThan(1);
  });
});

describe('menu: Refresh all imports', () => {
  it('runs every import and toasts a summary naming what failed', () => {
    const h = createHarness({ opportunities: 50, requisitions: 30 });
    connect(h);
    saveImport(h, requisitionImport());
    saveImport(h, opportunityImport({ filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude' } }));
    h.sim.injectFaults({ status: 500, count: 10_000, path: '/opportunities' });
    const result = h.emu.run('refreshAllImports', [], { user: USER, spreadsheetId: h.ssId });
    expect(result.ok).toBe(true);
    const toast = lastOf(h.emu.ui(h.ssId).filter((event) => event.kind === 'toast'));
    expect(String(toast.detail.message)).toMatch(/Refreshed 1 of 2 imports\. Pipeline failed: Lever/);
    expect(sheetIds(h, 'Requisitions')).toEqual(h.sim.query('requisitions', {}));
    expect(book(h).hasSheet('Opportunities')).toBe(false);
  });
});

describe('getSidebarState', () => {
  function documentReads(h: ReturnType<typeof createHarness>): number {
    const result = h.emu.callFromSidebar('getSidebarState', [], { user: USER, spreadsheetId: h.ssId });
    expect(result.ok).toBe(true);
    return Object.entries(result.calls)
      .filter(([name]) => /^PropertiesService\.Properties\.get(Property|Properties)$/.test(name))
      .reduce((total, [, count]) => total + count, 0);
  }

  it('reads the document store in a bounded number of calls, however many imports there are', () => {
    const h = createHarness({ opportunities: 20, requisitions: 10 });
    connect(h);
    const id = saveImport(h, opportunityImport()).id;
    runToEnd(h, id);
    const withOne = documentReads(h);
    for (const name of ['B', 'C', 'D', 'E']) {
      const other = saveImport(h, opportunityImport({ name, sheetName: name })).id;
      runToEnd(h, other);
    }
    expect(h.call<SidebarState>('getSidebarState').imports).toHaveLength(5);
    expect(documentReads(h)).toBe(withOne);
  });
});
