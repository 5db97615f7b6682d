// The import builder's draft: default and saved columns, moves, validation, foreign sheets and the server input.

import {
  columnChoices,
  draftFromDefinition,
  isForeignSheet,
  moveColumn,
  newDraft,
  selectedColumns,
  toInput,
  validateDraft,
} from '../../../sidebar/views/builder-model';
import type { ColumnInfo, ImportDefinition, SidebarState } from '../../../src/shared/types';

const COLUMNS: ColumnInfo[] = [
  { key: 'id', label: 'ID', type: 'text', inDefault: true },
  { key: 'name', label: 'Name', type: 'text', inDefault: true },
  { key: 'owner', label: 'Owner', type: 'text', inDefault: false },
  { key: 'stage', label: 'Stage', type: 'text', inDefault: true },
  { key: 'tags', label: 'Tags', type: 'text', inDefault: false },
];

function definition(overrides: Partial<ImportDefinition> = {}): ImportDefinition {
  return {
    id: 'imp1',
    name: 'Pipeline',
    object: 'opportunities',
    environment: 'production',
    filters: { archived: 'include', snoozed: 'exclude', confidential: 'exclude' },
    columns: ['id', 'tags', 'name'],
    sheetName: 'Pipeline',
    writeMode: 'updateById',
    vanished: 'flag',
    schedule: { kind: 'daily', hour: 6 },
    trackChanges: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function state(overrides: Partial<SidebarState> = {}): SidebarState {
  return {
    userEmail: 'ana@example.com',
    spreadsheetTimeZone: 'America/New_York',
    key: { saved: true },
    imports: [],
    sheetNames: ['Sheet1', 'Budget'],
    ...overrides,
  };
}

describe('builder model', () => {
  it('ticks the default set first, keeps the rest after, and locks the ID column', () => {
    const choices = columnChoices(COLUMNS);
    expect(choices.map((c) => [c.key, c.checked])).toEqual([
      ['id', true],
      ['name', true],
      ['stage', true],
      ['owner', false],
      ['tags', false],
    ]);
    expect(choices.filter((c) => c.locked).map((c) => c.key)).toEqual(['id']);
  });

  it('carries a column’s cost note to the picker, and none where the server gives none', () => {
    const noted = [
      ...COLUMNS,
      { key: 'activeOffers', label: 'Active offers', type: 'number', inDefault: false, note: 'Asks Lever more.' },
    ];
    const choices = columnChoices(noted as ColumnInfo[]);
    expect(choices.find((c) => c.key === 'activeOffers')?.note).toBe('Asks Lever more.');
    expect(choices.find((c) => c.key === 'name')).not.toHaveProperty('note');
  });

  it("keeps a saved import's column order and drops keys the server no longer lists", () => {
    const choices = columnChoices(COLUMNS, ['tags', 'gone', 'owner']);
    expect(selectedColumns(choices)).toEqual(['tags', 'owner', 'id']);
    expect(choices.map((c) => c.key)).toEqual(['tags', 'owner', 'id', 'name', 'stage']);
  });

  it('moves a column up or down and does nothing past either end', () => {
    const choices = columnChoices(COLUMNS);
    expect(moveColumn(choices, 2, -1).map((c) => c.key)).toEqual(['id', 'stage', 'name', 'owner', 'tags']);
    expect(moveColumn(choices, 0, -1).map((c) => c.key)).toEqual(choices.map((c) => c.key));
    expect(moveColumn(choices, 4, 1).map((c) => c.key)).toEqual(choices.map((c) => c.key));
  });

  it('names a new import after its object without clashing with imports or sheets', () => {
    const taken = state({ sheetNames: ['Opportunities', 'Opportunities 2'] });
    const draft = newDraft(taken, 'opportunities', COLUMNS);
    expect(draft.name).toBe('Opportunities 3');
    expect(draft.newSheetName).toBe('Opportunities 3');
    expect(draft.filters).toEqual({ archived: 'exclude', snoozed: 'exclude', confidential: 'exclude' });
    expect(draft.writeMode).toBe('replace');
  });

  it('turns a draft into the input the server saves, with only what applies', () => {
    const draft = newDraft(state(), 'requisitions', COLUMNS);
    draft.filters.requisitionStatus = ['open', 'onHold', 'closed', 'draft'];
    draft.filters.createdAfter = '';
    expect(toInput(draft, 'sandbox')).toEqual({
      name: 'Requisitions',
      object: 'requisitions',
      environment: 'sandbox',
      filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude' },
      columns: ['id', 'name', 'stage'],
      sheetName: 'Requisitions',
      writeMode: 'replace',
      vanished: 'flag',
      trackChanges: false,
    });
    draft.filters.requisitionStatus = ['open'];
    expect(toInput(draft, 'production').filters.requisitionStatus).toEqual(['open']);
  });

  it("keeps an edited import's id, schedule and hidden options", () => {
    const saved = definition();
    const draft = draftFromDefinition(saved, state({ imports: [{ definition: saved }] }), COLUMNS);
    expect(draft.sheetMode).toBe('new');
    const input = toInput(draft, 'production');
    expect(input).toMatchObject({
      id: 'imp1',
      schedule: { kind: 'daily', hour: 6 },
      trackChanges: true,
      vanished: 'flag',
    });
    expect(input.columns).toEqual(['id', 'tags', 'name']);
    expect(input.filters.archived).toBe('include');
  });

  it('keeps the Replace choice for vanished records apart from Update by ID’s, keeping rows the user wrote in by default', () => {
    const fresh = newDraft(state(), 'opportunities', COLUMNS);
    expect(toInput(fresh, 'production').vanished).toBe('flag');
    expect(toInput({ ...fresh, writeMode: 'updateById' }, 'production').vanished).toBe('remove');
    const replacing = draftFromDefinition(definition({ writeMode: 'replace', vanished: 'remove' }), state(), COLUMNS);
    expect(replacing).toMatchObject({ replaceVanished: 'remove', vanished: 'remove' });
    expect(toInput(replacing, 'production').vanished).toBe('remove');
    const snapshot = draftFromDefinition(definition({ writeMode: 'appendSnapshot' }), state(), COLUMNS);
    expect(toInput(snapshot, 'production').vanished).toBeUndefined();
  });

  it('carries the Track changes choice both ways, off for new imports and for saved ones without it', () => {
    const fresh = newDraft(state(), 'requisitions', COLUMNS);
    expect(fresh.trackChanges).toBe(false);
    expect(toInput({ ...fresh, trackChanges: true }, 'production').trackChanges).toBe(true);
    const tracked = draftFromDefinition(definition(), state(), COLUMNS);
    expect(toInput({ ...tracked, trackChanges: false }, 'production').trackChanges).toBe(false);
    const legacy = definition({ trackChanges: undefined });
    expect(draftFromDefinition(legacy, state(), COLUMNS).trackChanges).toBe(false);
  });

  it('explains the first problem in a draft', () => {
    const s = state();
    const draft = newDraft(s, 'opportunities', COLUMNS);
    expect(validateDraft(draft, s)).toBeNull();
    expect(validateDraft({ ...draft, name: ' ' }, s)).toBe('Give the import a name.');
    const dates = { ...draft.filters, createdAfter: '2026-02-01', createdBefore: '2026-01-01' };
    expect(validateDraft({ ...draft, filters: dates }, s)).toMatch(/later than/);
    expect(validateDraft({ ...draft, filters: { ...draft.filters, createdAfter: '2026-1' } }, s)).toMatch(/full date/);
    const noStatus = { ...newDraft(s, 'requisitions', COLUMNS), filters: { ...draft.filters, requisitionStatus: [] } };
    expect(validateDraft(noStatus, s)).toMatch(/requisition status/);
    expect(validateDraft({ ...draft, newSheetName: '' }, s)).toBe('Name the sheet to write to.');
  });

  it('asks before writing into a sheet no import created, and only then', () => {
    const saved = definition({ sheetName: 'Budget' });
    const withImport = state({ imports: [{ definition: saved }] });
    expect(isForeignSheet('Sheet1', state())).toBe(true);
    expect(isForeignSheet('Budget', withImport)).toBe(false);
    expect(isForeignSheet('Not there yet', state())).toBe(false);
    const draft = {
      ...newDraft(state(), 'opportunities', COLUMNS),
      sheetMode: 'existing' as const,
      existingSheet: 'Sheet1',
    };
    expect(validateDraft(draft, state())).toMatch(/Confirm that the import may write into "Sheet1"/);
    expect(validateDraft({ ...draft, foreignSheetConfirmed: true }, state())).toBeNull();
  });
});
