// Tracked values from staged rows (names resolved, compensation as one band) and the extra columns to stage.

import {
  compensationText,
  displayText,
  fieldLabels,
  trackedFields,
  trackedSourceColumns,
} from '../../../src/changes/tracked-fields';
import { resolveColumns } from '../../../src/import/columns';
import { dedupeAndSort, stageRecord } from '../../../src/import/rows';
import { trackedFromStaged, trackingSpecs } from '../../../src/import/tracked-changes';
import type { LeverRecord } from '../../../src/lever/source';
import type { ImportDefinition, ImportObject } from '../../../src/shared/types';
import { lookups, opportunity, requisition } from './fixtures';

function definition(object: ImportObject, columns: string[], trackChanges = true): ImportDefinition {
  return {
    id: 'imp1',
    name: 'Plan',
    object,
    environment: 'production',
    filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude' },
    columns,
    sheetName: 'Plan',
    writeMode: 'replace',
    trackChanges,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** What the engine does: the import's columns plus the tracking ones, staged, de-duplicated, then tracked. */
function track(object: ImportObject, columns: string[], records: LeverRecord[]) {
  const def = definition(object, columns);
  const specs = resolveColumns(object, columns);
  const staged = [...specs, ...trackingSpecs(def, specs)];
  const rows = dedupeAndSort(records.map((record) => stageRecord(record, staged, { environment: 'production' })));
  return trackedFromStaged(object, staged, rows, lookups());
}

describe('trackedFromStaged for requisitions', () => {
  it('reads every tracked field as display text, users named and the compensation band in one field', () => {
    const state = track('requisitions', ['name', 'status'], [requisition('r1', 1000)]);
    expect(state.fields).toEqual(trackedFields('requisitions').map((field) => field.key));
    expect(state.records).toEqual([
      {
        id: 'r1',
        name: 'Senior Backend Engineer, Platform',
        values: {
          name: 'Senior Backend Engineer, Platform',
          status: 'open',
          headcountTotal: '3',
          headcountHired: '1',
          hiringManager: 'Dana Kim',
          owner: 'Jordan Alvarez',
          location: 'Austin, TX',
          team: 'Platform',
          department: 'Engineering',
          employmentStatus: 'full-time',
          compensation: 'USD 165000–205000 per-year-salary',
        },
      },
    ]);
  });

  it('keeps Lever text as is ("unlimited" headcount, unknown user IDs, absent fields empty)', () => {
    const record = requisition('r2', 2000, {
      headcountTotal: 'unlimited',
      hiringManager: 'u-gone',
      owner: undefined,
      compensationBand: undefined,
      location: undefined,
    });
    const [tracked] = track('requisitions', [], [record]).records;
    expect(tracked.values).toMatchObject({
      headcountTotal: 'unlimited',
      hiringManager: 'u-gone',
      owner: '',
      compensation: '',
      location: '',
    });
  });

  it('tracks only the fields whose columns are staged when the tracking columns are not added', () => {
    const specs = resolveColumns('requisitions', ['name', 'status', 'compensationMin']);
    const rows = [stageRecord(requisition('r1', 1000), specs, { environment: 'production' })];
    const state = trackedFromStaged('requisitions', specs, rows, lookups());
    expect(state.fields).toEqual(['name', 'status']);
    expect(state.records[0].values).toEqual({ name: 'Senior Backend Engineer, Platform', status: 'open' });
  });

  it('follows the staged rows: one record per row, newest first, as the engine sorts them', () => {
    const state = track('requisitions', [], [requisition('old', 1000), requisition('new', 5000)]);
    expect(state.records.map((record) => record.id)).toEqual(['new', 'old']);
  });
});

describe('trackedFromStaged for opportunities', () => {
  it('reads stage and archive reason as names, archived as yes/no, and the candidate name for display', () => {
    const records = [
      opportunity('o1', 1000, { stage: 'offer' }),
      opportunity('o2', 2000, { archived: { archivedAt: 1500, reason: 'r1' } }),
    ];
    const state = track('opportunities', ['createdAt'], records);
    expect(state.fields).toEqual(['stage', 'archived', 'archiveReason']);
    expect(state.records).toEqual([
      { id: 'o2', name: 'Candidate o2', values: { stage: 'New lead', archived: 'yes', archiveReason: 'Hired' } },
      { id: 'o1', name: 'Candidate o1', values: { stage: 'Offer', archived: 'no', archiveReason: '' } },
    ]);
  });
});

describe('trackingSpecs', () => {
  it('adds each tracked source column the import does not show, once, and nothing when tracking is off', () => {
    const specs = resolveColumns('requisitions', ['name', 'status', 'hiringManager']);
    const extra = trackingSpecs(definition('requisitions', []), specs).map((spec) => spec.key);
    expect(extra).toEqual(
      trackedSourceColumns('requisitions').filter((key) => !['name', 'status', 'hiringManager'].includes(key)),
    );
    expect(new Set(extra).size).toBe(extra.length);
    expect(trackingSpecs(definition('requisitions', [], false), specs)).toEqual([]);
  });

  it('adds nothing when the import already shows every tracked column', () => {
    const specs = resolveColumns('opportunities', ['name', 'stage', 'archived', 'archiveReason']);
    expect(trackingSpecs(definition('opportunities', []), specs)).toEqual([]);
  });
});

describe('tracked field helpers', () => {
  it('formats display text like the sheet shows it', () => {
    expect(displayText(3)).toBe('3');
    expect(displayText(true)).toBe('yes');
    expect(displayText(false)).toBe('no');
    expect(displayText(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05');
    expect(displayText(Number.NaN)).toBe('');
    expect(displayText(null)).toBe('');
  });

  it('writes a compensation band from whatever parts Lever filled', () => {
    expect(compensationText([90000, 120000, 'EUR', 'per-year-salary'])).toBe('EUR 90000–120000 per-year-salary');
    expect(compensationText([90000, '', 'EUR', ''])).toBe('EUR 90000');
    expect(compensationText(['', '', '', ''])).toBe('');
  });

  it('labels every tracked field for the changes sheet', () => {
    for (const object of ['requisitions', 'opportunities'] as const) {
      const labels = fieldLabels(object);
      for (const field of trackedFields(object)) expect(labels[field.key]).toMatch(/^[A-Z]/);
    }
    expect(fieldLabels('requisitions').hiringManager).toBe('Hiring manager');
  });
});
