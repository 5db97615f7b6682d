// Import definitions in document properties: save, list in order, update, delete, and validation on save.

import { saveImportInput } from '../../../src/import/definition-input';
import { memoryStore } from '../../../src/ports/store';
import type { ImportDefinitionInput } from '../../../src/shared/types';
import {
  deleteDefinition,
  listDefinitions,
  listUnindexedDefinitions,
  loadBlockLayout,
  loadDefinition,
  MAX_IMPORTS_PER_SPREADSHEET,
  patchTargetAfresh,
  requireDefinition,
  saveBlockLayout,
  saveExistingAfresh,
  updateDefinition,
  withRecordedTarget,
} from '../../../src/store/imports-store';
import { loadKeptOffersMark, saveKeptOffersMark } from '../../../src/store/kept-offers-mark';
import { executionView, fillIndexWithout } from '../trigger/fakes';

function input(name: string, sheetName: string): ImportDefinitionInput {
  return {
    name,
    object: 'requisitions',
    environment: 'production',
    filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'include', requisitionStatus: ['open'] },
    columns: ['name', 'headcountTotal'],
    sheetName,
    writeMode: 'replace',
  };
}

describe('imports store', () => {
  it('saves definitions under import.<id> with an index, listing them in creation order', () => {
    const store = memoryStore();
    const a = saveImportInput(store, input('Reqs', 'Requisitions'), new Date(0));
    const b = saveImportInput(store, input('Closed', 'Closed reqs'), new Date(1000));
    expect(a.id).not.toBe(b.id);
    expect(store.get(`import.${a.id}`)).not.toBeNull();
    expect(JSON.parse(store.get('imports.index')!)).toEqual([a.id, b.id]);
    expect(listDefinitions(store).map((d) => d.name)).toEqual(['Reqs', 'Closed']);
    expect(loadDefinition(store, a.id)?.columns).toEqual(['id', 'name', 'headcountTotal']);
  });

  it('updates in place on save with an id, and refuses an id that no longer exists', () => {
    const store = memoryStore();
    const saved = saveImportInput(store, input('Reqs', 'Requisitions'), new Date(0));
    const edited = saveImportInput(store, { ...input('Reqs v2', 'Requisitions'), id: saved.id }, new Date(5000));
    expect(edited).toMatchObject({
      id: saved.id,
      name: 'Reqs v2',
      createdAt: saved.createdAt,
      updatedAt: new Date(5000).toISOString(),
    });
    expect(listDefinitions(store)).toHaveLength(1);
    expect(() => saveImportInput(store, { ...input('x', 'y'), id: 'gone' }, new Date())).toThrow(/no longer exists/);
  });

  it('applies changes with updateDefinition and deletes definition, index entry and layout together', () => {
    const store = memoryStore();
    const saved = saveImportInput(store, input('Reqs', 'Requisitions'), new Date(0));
    updateDefinition(store, saved.id, (d) => ({ ...d, sheetId: 42 }));
    expect(requireDefinition(store, saved.id).sheetId).toBe(42);
    saveBlockLayout(store, saved.id, { sheetId: 42, width: 3 });
    expect(loadBlockLayout(store, saved.id)).toEqual({ sheetId: 42, width: 3 });
    deleteDefinition(store, saved.id);
    expect(loadDefinition(store, saved.id)).toBeNull();
    expect(loadBlockLayout(store, saved.id)).toBeNull();
    expect(listDefinitions(store)).toEqual([]);
    expect(() => requireDefinition(store, saved.id)).toThrow(/no longer exists/);
  });

  it('refuses an edit of an import deleted after the editor read it, and writes nothing back', () => {
    const shared = memoryStore();
    const saved = saveImportInput(shared, input('Reqs', 'Requisitions'), new Date(0));
    const view = executionView(shared);
    deleteDefinition(shared, saved.id);
    const edit = { ...input('Reqs v2', 'Requisitions'), id: saved.id };
    expect(() => saveImportInput(view, edit, new Date(5000))).toThrow(/save them as a new import/);
    expect(shared.get(`import.${saved.id}`)).toBeNull();
    expect(listUnindexedDefinitions(shared)).toEqual([]);
  });

  it('lists apart a definition missing from the index, and lists it again, marks kept, when it is saved', () => {
    const store = memoryStore();
    const a = saveImportInput(store, input('Reqs', 'Requisitions'), new Date(0));
    const b = saveImportInput(store, input('Closed', 'Closed reqs'), new Date(1000));
    saveKeptOffersMark(store, b.id, 'kept');
    store.set('imports.index', JSON.stringify([a.id]));
    expect(listDefinitions(store).map((d) => d.name)).toEqual(['Reqs']);
    expect(listUnindexedDefinitions(store).map((d) => d.name)).toEqual(['Closed']);
    saveImportInput(store, { ...input('Closed', 'Closed reqs'), id: b.id }, new Date(2000));
    expect(listDefinitions(store).map((d) => d.name)).toEqual(['Reqs', 'Closed']);
    expect(listUnindexedDefinitions(store)).toEqual([]);
    expect(loadKeptOffersMark(store, b.id)).toBe('kept');
  });

  it('lists a definition missing from the index again only within the limit of imports', () => {
    const store = memoryStore();
    const stray = saveImportInput(store, input('Stray', 'Stray'), new Date(0));
    store.set('imports.index', JSON.stringify([]));
    for (let n = 0; n < MAX_IMPORTS_PER_SPREADSHEET; n++) saveImportInput(store, input(`R${n}`, `S${n}`), new Date(n));
    const edit = { ...input('Stray v2', 'Stray'), id: stray.id };
    expect(() => saveImportInput(store, edit, new Date())).toThrow(/at most 50 imports/);
    expect(listDefinitions(store)).toHaveLength(MAX_IMPORTS_PER_SPREADSHEET);
    expect(loadDefinition(store, stray.id)?.name).toBe('Stray');
  });

  it("records a run's target on an import missing from a full index, leaving it unlisted and the index full", () => {
    const store = memoryStore();
    const stray = saveImportInput(store, input('Stray', 'Stray'), new Date(0));
    fillIndexWithout(store, stray.id);
    patchTargetAfresh(executionView(store), stray.id, { sheetId: 7, sheetName: 'Stray' });
    expect(loadDefinition(store, stray.id)).toMatchObject({ sheetId: 7, sheetName: 'Stray' });
    expect(listDefinitions(store)).toHaveLength(MAX_IMPORTS_PER_SPREADSHEET);
    expect(listUnindexedDefinitions(store).map((d) => d.id)).toEqual([stray.id]);
    // A write with room lists it again; one that refuses (saving, scheduling) says why and writes nothing.
    expect(() => saveExistingAfresh(store, stray.id, (d) => ({ ...d, name: 'Stray v2' }))).toThrow(/at most 50/);
    expect(loadDefinition(store, stray.id)?.name).toBe('Stray');
    store.set('imports.index', JSON.stringify(JSON.parse(store.get('imports.index')!).slice(1)));
    patchTargetAfresh(executionView(store), stray.id, { sheetId: 7, sheetName: 'Stray' });
    expect(listDefinitions(store).map((d) => d.id)).toContain(stray.id);
  });

  it("records a run's target on a fresh read: a take-over is kept, a deleted import stays deleted", () => {
    const shared = memoryStore();
    const kept = saveImportInput(shared, input('Reqs', 'Requisitions'), new Date(0));
    const gone = saveImportInput(shared, input('Old', 'Old'), new Date(0));
    const run = executionView(shared);
    updateDefinition(shared, kept.id, (d) => ({ ...d, scheduleOwner: 'ben@example.com' }));
    deleteDefinition(shared, gone.id);
    patchTargetAfresh(run, kept.id, { sheetId: 7, sheetName: 'Requisitions' });
    patchTargetAfresh(run, gone.id, { sheetId: 8, sheetName: 'Old' });
    expect(loadDefinition(shared, kept.id)).toMatchObject({ sheetId: 7, scheduleOwner: 'ben@example.com' });
    expect(shared.get(`import.${gone.id}`)).toBeNull();
    expect(listUnindexedDefinitions(shared)).toEqual([]);
    // One missing from the index, its target unchanged, is listed again by its run.
    shared.set('imports.index', JSON.stringify([]));
    patchTargetAfresh(executionView(shared), kept.id, { sheetId: 7, sheetName: 'Requisitions' });
    expect(listDefinitions(shared).map((d) => d.id)).toEqual([kept.id]);
  });

  it("knows a skipped record's sheet from the layout, for that sheet name only", () => {
    const store = memoryStore();
    const saved = saveImportInput(store, input('Reqs', 'Requisitions'), new Date(0));
    expect(withRecordedTarget(store, saved)).toEqual(saved);
    saveBlockLayout(store, saved.id, { sheetId: 7, sheetName: 'Requisitions', width: 3 });
    expect(withRecordedTarget(store, saved)).toEqual({ ...saved, sheetId: 7 });
    // Edited to write to another sheet: the layout's is not that one.
    const moved = saveImportInput(store, { ...input('Reqs', 'Elsewhere'), id: saved.id }, new Date(1000));
    expect(withRecordedTarget(store, moved).sheetId).toBeUndefined();
    // And back again with no run between: the sheet the user may have renamed to keep is not that one either.
    const back = saveImportInput(store, { ...input('Reqs', 'Requisitions'), id: saved.id }, new Date(2000));
    expect(withRecordedTarget(store, back).sheetId).toBeUndefined();
    expect(loadBlockLayout(store, saved.id)).toEqual({ sheetId: 7, width: 3 });
    // A recorded id stands; a layout written before layouts named their sheet says nothing.
    expect(withRecordedTarget(store, { ...saved, sheetId: 9 }).sheetId).toBe(9);
    saveBlockLayout(store, saved.id, { sheetId: 7, width: 3 });
    expect(withRecordedTarget(store, saved).sheetId).toBeUndefined();
  });

  it('rejects invalid input without storing anything', () => {
    const store = memoryStore();
    expect(() => saveImportInput(store, { ...input('Reqs', 'Requisitions'), columns: ['bogus'] }, new Date())).toThrow(
      /bogus/,
    );
    expect(store.keys()).toEqual([]);
  });
});
