// The column catalogue and records turned into rows: names instead of IDs, real dates and numbers, stable order.
import {
  columnSpec,
  defaultColumnKeys,
  listColumnInfo,
  lookupsNeeded,
  resolveColumns,
} from '../../../src/import/columns';
import { dedupeAndSort, headerLabels, renderRow, stageRecord } from '../../../src/import/rows';
import { emptyLookups } from '../../../src/lever/lookups';
import { lookups, opportunity, requisition } from './fixtures';

const T = Date.UTC(2025, 5, 1, 12);

function rowFor(
  object: 'opportunities' | 'requisitions',
  record: ReturnType<typeof opportunity>,
  keys: string[],
  environment = 'production',
) {
  const specs = resolveColumns(object, keys);
  const staged = stageRecord(record, specs, { environment });
  return Object.fromEntries(specs.map((spec, i) => [spec.key, renderRow(staged, specs, lookups())[i]]));
}

describe('catalogue', () => {
  it('starts every column list with the Lever ID, marked default, with unique keys', () => {
    for (const object of ['opportunities', 'requisitions'] as const) {
      const info = listColumnInfo(object);
      expect(info[0]).toMatchObject({ key: 'id', label: 'Lever ID', inDefault: true });
      expect(new Set(info.map((c) => c.key)).size).toBe(info.length);
      expect(defaultColumnKeys(object)[0]).toBe('id');
    }
  });

  it('adds one requisition column per custom field, labelled with its name', () => {
    const info = listColumnInfo('requisitions', lookups().requisitionFields);
    expect(info.filter((c) => c.key.startsWith('customField.')).map((c) => [c.key, c.label, c.type])).toEqual([
      ['customField.cost_center', 'Cost center', 'text'],
      ['customField.target_hire_date', 'Target hire date', 'date'],
    ]);
  });

  it('puts the ID first whatever order is chosen, keeps the rest in order, drops unknown keys', () => {
    expect(resolveColumns('opportunities', ['stage', 'name', 'id', 'nope', 'stage']).map((s) => s.key)).toEqual([
      'id',
      'stage',
      'name',
    ]);
    expect(columnSpec('opportunities', 'customField.x')).toBeNull();
  });

  it('asks for each lookup table once, only when a column needs it', () => {
    expect(lookupsNeeded(resolveColumns('opportunities', ['owner', 'followers', 'stage']))).toEqual([
      'users',
      'stages',
    ]);
    expect(lookupsNeeded(resolveColumns('requisitions', ['customField.a', 'name']))).toEqual(['requisitionFields']);
    expect(lookupsNeeded(resolveColumns('opportunities', ['name']))).toEqual([]);
  });
});

describe('opportunity rows', () => {
  it('names IDs, joins lists, and keeps dates as Dates', () => {
    const record = opportunity('o1', T, { archived: { archivedAt: T + 5, reason: 'r1' }, snoozedUntil: T + 9 });
    const row = rowFor('opportunities', record, [
      'stage',
      'owner',
      'followers',
      'posting',
      'tags',
      'phones',
      'archived',
      'archiveReason',
      'archivedAt',
      'snoozedUntil',
      'createdAt',
      'link',
    ]);
    expect(row).toEqual({
      id: 'o1',
      stage: 'New lead',
      owner: 'Jordan Alvarez',
      followers: 'Jordan Alvarez, Dana Kim',
      posting: 'Senior Backend Engineer',
      tags: 'Platform, Full-time',
      phones: '+1 512 555 0147',
      archived: true,
      archiveReason: 'Hired',
      archivedAt: new Date(T + 5),
      snoozedUntil: new Date(T + 9),
      createdAt: new Date(T),
      link: 'https://hire.lever.co/candidates/o1',
    });
  });

  it('leaves missing fields empty and shows unknown IDs rather than dropping them', () => {
    const record = opportunity('o2', T, {
      owner: null,
      stage: 'custom-stage',
      snoozedUntil: null,
      applications: ['app-1'],
    });
    const row = rowFor('opportunities', record, [
      'owner',
      'stage',
      'snoozedUntil',
      'posting',
      'archived',
      'archiveReason',
    ]);
    expect(row).toEqual({
      id: 'o2',
      owner: '',
      stage: 'custom-stage',
      snoozedUntil: '',
      posting: '',
      archived: false,
      archiveReason: '',
    });
  });

  it('accepts expanded objects where Lever gives them', () => {
    const record = opportunity('o3', T, {
      stage: { id: 'offer', text: 'Offer' },
      owner: { id: 'u2', name: 'Dana Kim' },
    });
    expect(rowFor('opportunities', record, ['stage', 'owner'])).toMatchObject({ stage: 'Offer', owner: 'Dana Kim' });
  });
});

describe('requisition rows', () => {
  it('keeps numbers as numbers, "unlimited" as text, and names custom fields', () => {
    const record = requisition('r1', T, { headcountTotal: 'unlimited' });
    const keys = [
      'headcountTotal',
      'headcountHired',
      'hiringManager',
      'postings',
      'compensationMin',
      'customField.cost_center',
      'customField.target_hire_date',
      'link',
    ];
    expect(rowFor('requisitions', record, keys, 'sandbox')).toEqual({
      id: 'r1',
      headcountTotal: 'unlimited',
      headcountHired: 1,
      hiringManager: 'Dana Kim',
      postings: 'Senior Backend Engineer, Staff Engineer',
      compensationMin: 165000,
      'customField.cost_center': 'city: Austin, campus_code: 4',
      'customField.target_hire_date': new Date(1743465600000),
      link: 'https://hire.sandbox.lever.co/requisitions/r1',
    });
    const specs = resolveColumns('requisitions', keys);
    expect(headerLabels(specs, lookups())).toContain('Target hire date');
    expect(headerLabels(specs, emptyLookups())).toContain('target_hire_date');
  });

  it('leaves absent optional fields empty', () => {
    const record = requisition('r2', T, { hiringManager: undefined, compensationBand: undefined, closedAt: undefined });
    expect(rowFor('requisitions', record, ['hiringManager', 'compensationMax', 'closedAt'])).toEqual({
      id: 'r2',
      hiringManager: '',
      compensationMax: '',
      closedAt: '',
    });
  });
});

describe('dedupeAndSort', () => {
  it('keeps one row per ID and orders by createdAt descending, then ID, whatever the arrival order', () => {
    const specs = resolveColumns('opportunities', ['name']);
    const records = [
      opportunity('b', T),
      opportunity('c', T + 1),
      opportunity('a', T),
      opportunity('b', T),
      opportunity('d', T - 1),
    ];
    const shuffled = [records[3], records[0], records[4], records[2], records[1]];
    const order = (list: typeof records) =>
      dedupeAndSort(list.map((r) => stageRecord(r, specs, { environment: 'production' }))).map((r) => r[0]);
    expect(order(records)).toEqual(['c', 'a', 'b', 'd']);
    expect(order(shuffled)).toEqual(order(records));
  });
});
