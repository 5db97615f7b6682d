// Validation of what the sidebar sends: defaults, and a specific BAD_INPUT sentence for each mistake.
import { AppError } from '../../../src/errors';
import { type NormaliseContext, normaliseDefinition } from '../../../src/import/definition';
import type { ImportDefinition, ImportDefinitionInput } from '../../../src/shared/types';

const context: NormaliseContext = { existing: null, others: [], now: '2026-01-05T14:00:00.000Z', newId: () => 'imp1' };

function input(overrides: Partial<ImportDefinitionInput> = {}): ImportDefinitionInput {
  return {
    name: 'Pipeline',
    object: 'opportunities',
    environment: 'production',
    filters: {} as ImportDefinitionInput['filters'],
    columns: [],
    sheetName: 'Opportunities',
    writeMode: undefined as unknown as ImportDefinitionInput['writeMode'],
    ...overrides,
  };
}

function badInput(value: ImportDefinitionInput, ctx: NormaliseContext = context): string {
  try {
    normaliseDefinition(value, ctx);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_INPUT');
    return (error as AppError).message;
  }
  throw new Error('expected BAD_INPUT');
}

describe('normaliseDefinition', () => {
  it('fills in the defaults: exclude archived, snoozed and confidential; replace; the default columns, ID first', () => {
    const definition = normaliseDefinition(input(), context);
    expect(definition).toMatchObject({
      id: 'imp1',
      filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude' },
      writeMode: 'replace',
      createdAt: context.now,
    });
    expect(definition.columns[0]).toBe('id');
    expect(definition.columns).toContain('stage');
  });

  it('defaults vanished rows to flagged in update-by-ID mode', () => {
    expect(normaliseDefinition(input({ writeMode: 'updateById' }), context).vanished).toBe('flag');
  });

  it.each<[string, Partial<ImportDefinitionInput>, RegExp]>([
    ['unknown column', { columns: ['name', 'salary'] }, /no column "salary" for opportunities/],
    ['custom field on opportunities', { columns: ['customField.x'] }, /no column/],
    ['bad date', { filters: { createdAfter: '01/05/2026' } as never }, /yyyy-MM-dd/],
    ['impossible date', { filters: { createdBefore: '2026-02-30' } as never }, /yyyy-MM-dd/],
    [
      'after later than before',
      { filters: { createdAfter: '2026-02-01', createdBefore: '2026-01-01' } as never },
      /later than/,
    ],
    ['bad tri-state', { filters: { archived: 'maybe' } as never }, /Archived must be one of/],
    ['status on opportunities', { filters: { requisitionStatus: ['open'] } as never }, /requisitions only/],
    ['stage on requisitions', { object: 'requisitions', filters: { stageIds: ['s'] } as never }, /opportunities only/],
    [
      'archived on requisitions',
      { object: 'requisitions', filters: { archived: 'only' } as never },
      /opportunities only/,
    ],
    [
      'bad status',
      { object: 'requisitions', filters: { requisitionStatus: ['paused'] } as never },
      /Requisition status/,
    ],
    ['empty sheet name', { sheetName: '  ' }, /sheet name cannot be empty/],
    ['empty name', { name: '' }, /import name cannot be empty/],
    ['staging name', { sheetName: '_lever_staging_x' }, /reserved/],
    ['kept offers name', { sheetName: '_lever_offers_x' }, /reserved/],
    ['bad object', { object: 'candidates' as never }, /object must be one of/],
    ['bad write mode', { writeMode: 'merge' as never }, /write mode/],
  ])('rejects %s with a specific message', (_case, overrides, message) => {
    expect(badInput(input(overrides))).toMatch(message);
  });

  it('refuses a sheet another import already writes to', () => {
    const other = { ...normaliseDefinition(input({ name: 'Other' }), context), id: 'imp0' };
    expect(badInput(input(), { ...context, others: [other] })).toMatch(
      /"Other" already writes to the sheet "Opportunities"/,
    );
  });

  it('keeps identity, schedule and the known sheet id on edit, dropping the sheet id when the sheet changes', () => {
    const existing: ImportDefinition = {
      ...normaliseDefinition(input(), context),
      id: 'impX',
      createdAt: '2025-01-01T00:00:00.000Z',
      sheetId: 7,
      schedule: { kind: 'daily', hour: 7 },
      scheduleOwner: 'ana@example.com',
    };
    const edited = normaliseDefinition(input({ name: 'Renamed' }), { ...context, existing, others: [existing] });
    expect(edited).toMatchObject({
      id: 'impX',
      createdAt: '2025-01-01T00:00:00.000Z',
      sheetId: 7,
      scheduleOwner: 'ana@example.com',
    });
    expect(normaliseDefinition(input({ sheetName: 'Elsewhere' }), { ...context, existing }).sheetId).toBeUndefined();
  });

  it('stores only known fields, so nothing stray (like a key) reaches document properties', () => {
    const definition = normaliseDefinition({ ...input(), apiKey: 'secret' } as never, context);
    expect(JSON.stringify(definition)).not.toContain('secret');
  });
});
